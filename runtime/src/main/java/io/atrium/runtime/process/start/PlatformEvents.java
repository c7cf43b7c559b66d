package io.atrium.runtime.process.start;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * The platform event API: features (the contact center, bots, item changes) and API clients
 * raise named events, and processes start or go on from them. An event is a Zeebe message named
 * as the event; a process starts on it with a message start event of that name, or waits for it
 * with a message catch event whose correlation key matches the event's key. Each event has an
 * id; raising it again with the same id (a retry) has no second effect while the event is kept
 * ({@link #KEPT}).
 */
@Service
public class PlatformEvents {

    /** How long an event waits for a process to take it, and how long its id guards against repeats. */
    public static final Duration KEPT = Duration.ofHours(1);
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.:/=-]{0,199}");
    private static final int MAX_TEXT = 200;

    private final CamundaClient client;

    public PlatformEvents(CamundaClient client) {
        this.client = client;
    }

    /** What happened to an event raised. */
    public enum Outcome {
        /** The engine took it. */
        RAISED,
        /** An event with this id was raised before and is still kept: nothing more happened. */
        REPEATED
    }

    /**
     * Raises the event.
     *
     * @param name          e.g. {@code customer.first-message}
     * @param correlationKey what a waiting process is matched on; for starts, e.g. the customer's id
     * @param id            unique per event: a retry uses the same id
     * @throws IllegalArgumentException naming what is wrong with the name, key or id
     */
    public Outcome raise(String name, String correlationKey, String id, Map<String, Object> variables) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("An event name starts with a letter and has up to 200 letters, digits "
                    + "and _ . : / = -, not " + name);
        }
        if (id == null || id.isBlank() || id.length() > MAX_TEXT) {
            throw new IllegalArgumentException("An event has an id of 1 to " + MAX_TEXT + " characters");
        }
        String key = correlationKey == null || correlationKey.isBlank() ? id : correlationKey;
        if (key.length() > MAX_TEXT) {
            throw new IllegalArgumentException("A correlation key has at most " + MAX_TEXT + " characters");
        }
        try {
            client.newPublishMessageCommand().messageName(name).correlationKey(key).messageId(id)
                    .timeToLive(KEPT).variables(variables).send().join();
            return Outcome.RAISED;
        } catch (ClientStatusException e) {
            if (e.getStatusCode() == Status.Code.ALREADY_EXISTS) {
                return Outcome.REPEATED;
            }
            throw e;
        }
    }
}
