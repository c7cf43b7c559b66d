package io.atrium.runtime.process.block;

import io.atrium.platform.identity.UserAccount;
import io.atrium.platform.identity.UserDirectory;
import io.atrium.platform.notification.Notifications;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Notifies people: {@code user} (a user name or a list of them) and/or {@code group} (a group
 * code, every member), with {@code message} and an optional {@code link}. Each recipient gets it
 * once per job, however often the job is delivered.
 */
@Component
class NotifyBlock implements BuildingBlock {

    private final Notifications notifications;
    private final UserDirectory users;

    NotifyBlock(Notifications notifications, UserDirectory users) {
        this.notifications = notifications;
        this.users = users;
    }

    @Override
    public String type() {
        return "atrium:notify";
    }

    @Override
    public Set<String> requiredFields() {
        return Set.of("message");
    }

    @Override
    public Map<String, Object> run(BlockJob job) {
        var recipients = new LinkedHashSet<String>();
        job.list("user").forEach(u -> recipients.add(String.valueOf(u)));
        var groups = job.list("group").stream().map(String::valueOf).toList();
        if (!groups.isEmpty()) {
            users.all().stream().filter(UserAccount::enabled)
                    .filter(u -> u.groups().stream().anyMatch(groups::contains))
                    .forEach(u -> recipients.add(u.username()));
        }
        if (recipients.isEmpty()) {
            throw new BlockFailure("Nobody to notify: set user or group");
        }
        String message = job.requiredText("message");
        String link = job.text("link").orElse(null);
        for (String recipient : recipients) {
            notifications.send("job:" + job.key() + ":" + recipient, recipient, message, link);
        }
        return Map.of(job.resultVariable("notified"), recipients.size());
    }
}
