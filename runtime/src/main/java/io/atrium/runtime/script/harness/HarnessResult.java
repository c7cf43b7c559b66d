package io.atrium.runtime.script.harness;

import io.atrium.runtime.script.ScriptFailure;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What one run of a script in the {@link ScriptHarness} did: what it returned or why it stopped,
 * what it logged, and every effect it had on the in-memory platform, in order. A run that fails
 * still reports the effects it had before it stopped, which is why failures are part of the
 * result rather than thrown.
 *
 * @param value   what the function returned; null if it failed
 * @param failure why it stopped, or null if it returned
 * @param created items created, by app ({@code workspace/app}), as scripts see items
 * @param updated items as the updates left them, by app
 * @param deleted items as they were deleted, by app
 */
public record HarnessResult(JsonNode value, List<String> logs, Failure failure,
        Map<String, List<Map<String, Object>>> created, Map<String, List<Map<String, Object>>> updated,
        Map<String, List<Map<String, Object>>> deleted, List<HttpCall> httpCalls, List<Notification> notifications,
        List<ProcessStart> processesStarted, List<PublishedMessage> messagesPublished,
        List<SessionMessage> sessionMessages) {

    public HarnessResult {
        logs = List.copyOf(logs);
        created = Map.copyOf(created);
        updated = Map.copyOf(updated);
        deleted = Map.copyOf(deleted);
        httpCalls = List.copyOf(httpCalls);
        notifications = List.copyOf(notifications);
        processesStarted = List.copyOf(processesStarted);
        messagesPublished = List.copyOf(messagesPublished);
        sessionMessages = List.copyOf(sessionMessages);
    }

    /**
     * Why a run stopped, as the platform would report it.
     *
     * @param field       for a refusal, and SDK errors that name one: the field at fault
     * @param scriptStack the script's own frames, file:line:column, or null
     */
    public record Failure(ScriptFailure.Kind kind, String message, String field, String scriptStack) {
    }

    /** A refusal: what a form shows on the field when a before-save script refuses. */
    public record Refusal(String field, String message) {
    }

    /**
     * An outbound HTTP call the script made.
     *
     * @param body   the request body as sent, or null
     * @param status the canned answer's status, or null if no canned answer matched (the call failed)
     */
    public record HttpCall(String method, String url, Map<String, String> headers, String body, Integer status) {
    }

    /** A notification put in a user's bell; {@code text} is the title, then the body on the next line. */
    public record Notification(String recipient, String text, String link) {
    }

    public record ProcessStart(String process, Map<String, Object> variables, String key) {
    }

    public record PublishedMessage(String name, String correlationKey, Map<String, Object> variables) {
    }

    public record SessionMessage(String session, String text) {
    }

    public boolean succeeded() {
        return failure == null;
    }

    /** The refusal, if the script refused (called {@code refuse} or threw a {@code Refusal}). */
    public Optional<Refusal> refusal() {
        return failure != null && failure.kind() == ScriptFailure.Kind.REFUSED
                ? Optional.of(new Refusal(failure.field(), failure.message())) : Optional.empty();
    }

    public List<Map<String, Object>> created(String app) {
        return created.getOrDefault(app, List.of());
    }

    public List<Map<String, Object>> updated(String app) {
        return updated.getOrDefault(app, List.of());
    }

    public List<Map<String, Object>> deleted(String app) {
        return deleted.getOrDefault(app, List.of());
    }
}
