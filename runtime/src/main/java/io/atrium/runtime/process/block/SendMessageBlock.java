package io.atrium.runtime.process.block;

import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Sends {@code text} to the customer of the session {@code sessionId} through the channel the
 * session came from; the message id goes to {@code resultVariable} (default {@code messageId}).
 */
@Component
class SendMessageBlock implements BuildingBlock {

    private final ObjectProvider<CustomerMessenger> messenger;

    SendMessageBlock(ObjectProvider<CustomerMessenger> messenger) {
        this.messenger = messenger;
    }

    @Override
    public String type() {
        return "atrium:send-message";
    }

    @Override
    public Set<String> requiredFields() {
        return Set.of("sessionId", "text");
    }

    @Override
    public Map<String, Object> run(BlockJob job) {
        var sender = messenger.getIfAvailable();
        if (sender == null) {
            throw new BlockFailure("No channel can send messages to customers yet: set up the contact center first");
        }
        String id = sender.send(job.requiredText("sessionId"), job.requiredText("text"), "job:" + job.key());
        return Map.of(job.resultVariable("messageId"), id);
    }
}
