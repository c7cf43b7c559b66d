package io.atrium.runtime.script.harness;

import io.atrium.platform.item.Item;
import io.atrium.platform.item.ItemJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The effects of the run in progress, written by the in-memory services and read into a
 * {@link HarnessResult} when it ends. One harness runs one script at a time, so one journal,
 * emptied before each run, is enough.
 */
final class Journal {

    private final Map<String, List<Map<String, Object>>> created = new LinkedHashMap<>();
    private final Map<String, List<Map<String, Object>>> updated = new LinkedHashMap<>();
    private final Map<String, List<Map<String, Object>>> deleted = new LinkedHashMap<>();
    private final List<HarnessResult.HttpCall> httpCalls = new ArrayList<>();
    private final List<HarnessResult.Notification> notifications = new ArrayList<>();
    private final List<HarnessResult.ProcessStart> processesStarted = new ArrayList<>();
    private final List<HarnessResult.PublishedMessage> messagesPublished = new ArrayList<>();
    private final List<HarnessResult.SessionMessage> sessionMessages = new ArrayList<>();

    synchronized void created(Item item) {
        created.computeIfAbsent(item.app().toString(), k -> new ArrayList<>()).add(ItemJson.write(item));
    }

    synchronized void updated(Item item) {
        updated.computeIfAbsent(item.app().toString(), k -> new ArrayList<>()).add(ItemJson.write(item));
    }

    synchronized void deleted(Item item) {
        deleted.computeIfAbsent(item.app().toString(), k -> new ArrayList<>()).add(ItemJson.write(item));
    }

    synchronized void http(HarnessResult.HttpCall call) {
        httpCalls.add(call);
    }

    synchronized void notification(HarnessResult.Notification notification) {
        notifications.add(notification);
    }

    synchronized void started(HarnessResult.ProcessStart start) {
        processesStarted.add(start);
    }

    synchronized void published(HarnessResult.PublishedMessage message) {
        messagesPublished.add(message);
    }

    synchronized void sent(HarnessResult.SessionMessage message) {
        sessionMessages.add(message);
    }

    synchronized void clear() {
        created.clear();
        updated.clear();
        deleted.clear();
        httpCalls.clear();
        notifications.clear();
        processesStarted.clear();
        messagesPublished.clear();
        sessionMessages.clear();
    }

    synchronized HarnessResult result(JsonNode value, List<String> logs, HarnessResult.Failure failure) {
        return new HarnessResult(value, logs, failure, copy(created), copy(updated), copy(deleted), httpCalls,
                notifications, processesStarted, messagesPublished, sessionMessages);
    }

    private static Map<String, List<Map<String, Object>>> copy(Map<String, List<Map<String, Object>>> byApp) {
        var out = new LinkedHashMap<String, List<Map<String, Object>>>();
        byApp.forEach((app, items) -> out.put(app, List.copyOf(items)));
        return out;
    }
}
