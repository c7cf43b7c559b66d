package io.atrium.runtime.script.harness;

import io.atrium.platform.access.AccessDeniedException;
import io.atrium.platform.access.Actor;
import io.atrium.platform.identity.Role;
import io.atrium.platform.identity.UserAccount;
import io.atrium.platform.process.ProcessRef;
import io.atrium.runtime.process.block.CustomerMessenger;
import io.atrium.runtime.script.SdkServices;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The SDK's other services in memory: the user directory the harness was given, and
 * notifications, process starts, messages and session texts written to the journal instead of
 * being delivered. Process starts need the same roles as in the platform.
 */
final class MemoryPlatform implements SdkServices.Accounts, SdkServices.Notifier, SdkServices.Processes,
        CustomerMessenger {

    private final List<UserAccount> accounts;
    private final Journal journal;
    private final AtomicLong keys = new AtomicLong();

    MemoryPlatform(List<UserAccount> accounts, Journal journal) {
        this.accounts = List.copyOf(accounts);
        this.journal = journal;
    }

    @Override
    public Optional<UserAccount> findByUsername(String username) {
        return accounts.stream().filter(a -> a.username().equals(username)).findFirst();
    }

    @Override
    public List<UserAccount> all() {
        return accounts;
    }

    @Override
    public void send(String key, String recipient, String text, String link) {
        journal.notification(new HarnessResult.Notification(recipient, text, link));
    }

    /** As the platform's process instances decide: administrators, analysts and developers start processes. */
    @Override
    public boolean mayStart(Actor actor) {
        return actor.has(Role.ADMIN) || actor.has(Role.ANALYST) || actor.has(Role.DEVELOPER);
    }

    @Override
    public long start(Actor actor, ProcessRef process, Map<String, Object> variables) {
        if (!mayStart(actor)) {
            throw new AccessDeniedException(actor.username() + " may not start processes");
        }
        long key = keys.incrementAndGet();
        journal.started(new HarnessResult.ProcessStart(process.toString(), variables, Long.toString(key)));
        return key;
    }

    @Override
    public void publishMessage(String name, String correlationKey, String id, Map<String, Object> variables) {
        journal.published(new HarnessResult.PublishedMessage(name, correlationKey, variables));
    }

    @Override
    public String send(String sessionId, String text, String key) {
        journal.sent(new HarnessResult.SessionMessage(sessionId, text));
        return "message-" + key;
    }
}
