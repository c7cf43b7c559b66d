package io.atrium.runtime.script;

import io.atrium.platform.identity.UserDirectory;
import io.atrium.platform.item.Items;
import io.atrium.platform.notification.Notifications;
import io.atrium.platform.script.ScriptCatalog;
import io.atrium.runtime.outbound.OutboundAddresses;
import io.atrium.runtime.process.block.CustomerMessenger;
import io.atrium.runtime.process.instance.ProcessInstances;
import io.atrium.runtime.process.start.PlatformEvents;
import java.time.Duration;
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
        return new ScriptRunner(catalog, new SdkHosts.Services(items, users, notifications, processes, events,
                messenger, new SdkHttp(addresses)), limits);
    }
}
