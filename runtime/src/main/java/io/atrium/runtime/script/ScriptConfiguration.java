package io.atrium.runtime.script;

import io.atrium.platform.access.Actor;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.identity.UserAccount;
import io.atrium.platform.identity.UserDirectory;
import io.atrium.platform.item.Item;
import io.atrium.platform.item.ItemPage;
import io.atrium.platform.item.ItemQuery;
import io.atrium.platform.item.Items;
import io.atrium.platform.notification.Notifications;
import io.atrium.platform.process.ProcessRef;
import io.atrium.platform.script.ScriptCatalog;
import io.atrium.runtime.outbound.OutboundAddresses;
import io.atrium.runtime.process.block.CustomerMessenger;
import io.atrium.runtime.process.instance.ProcessInstances;
import io.atrium.runtime.process.start.PlatformEvents;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ScriptConfiguration {

    /** The compiler publishing uses; it loads TypeScript on the first compile. */
    @Bean(destroyMethod = "close")
    TypeScriptCompiler typeScriptCompiler() {
        return new TypeScriptCompiler();
    }

    @Bean
    ScriptLimits scriptLimits(@Value("${atrium.scripts.time-limit:5s}") Duration time,
            @Value("${atrium.scripts.statement-limit:50000000}") long statements,
            @Value("${atrium.scripts.allocation-limit-mb:512}") long allocationMb,
            @Value("${atrium.scripts.output-limit-kb:1024}") int outputKb,
            @Value("${atrium.scripts.http-calls:20}") int httpCalls) {
        return new ScriptLimits(time, statements, allocationMb * 1024 * 1024, outputKb * 1024, httpCalls);
    }

    /** One shared engine for the whole platform; contexts are pooled per module and its imports. */
    @Bean(destroyMethod = "close")
    ScriptRunner scriptRunner(ScriptCatalog catalog, Items items, UserDirectory users, Notifications notifications,
            ProcessInstances processes, PlatformEvents events, ObjectProvider<CustomerMessenger> messenger,
            OutboundAddresses addresses, ScriptLimits limits) {
        return new ScriptRunner(catalog::current, new SdkServices(platformItems(items), platformUsers(users),
                notifications::send, platformProcesses(processes, events), messenger::getIfAvailable,
                SdkHttp.network(addresses)), limits);
    }

    private static SdkServices.ItemStore platformItems(Items items) {
        return new SdkServices.ItemStore() {
            @Override
            public Item get(Actor actor, AppRef app, String id) {
                return items.get(actor, app, id);
            }

            @Override
            public ItemPage search(Actor actor, AppRef app, ItemQuery query) {
                return items.search(actor, app, query);
            }

            @Override
            public Item create(Actor actor, AppRef app, Map<String, ?> values) {
                return items.create(actor, app, values);
            }

            @Override
            public Item update(Actor actor, AppRef app, String id, long expectedVersion, Map<String, ?> changes) {
                return items.update(actor, app, id, expectedVersion, changes);
            }

            @Override
            public Item delete(Actor actor, AppRef app, String id, long expectedVersion) {
                return items.delete(actor, app, id, expectedVersion);
            }
        };
    }

    private static SdkServices.Accounts platformUsers(UserDirectory users) {
        return new SdkServices.Accounts() {
            @Override
            public Optional<UserAccount> findByUsername(String username) {
                return users.findByUsername(username);
            }

            @Override
            public List<UserAccount> all() {
                return users.all();
            }
        };
    }

    private static SdkServices.Processes platformProcesses(ProcessInstances processes, PlatformEvents events) {
        return new SdkServices.Processes() {
            @Override
            public boolean mayStart(Actor actor) {
                return processes.mayStart(actor);
            }

            @Override
            public long start(Actor actor, ProcessRef process, Map<String, Object> variables) {
                return processes.start(actor, process, variables).key();
            }

            @Override
            public void publishMessage(String name, String correlationKey, String id, Map<String, Object> variables) {
                events.raise(name, correlationKey, id, variables);
            }
        };
    }
}
