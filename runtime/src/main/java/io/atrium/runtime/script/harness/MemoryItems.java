package io.atrium.runtime.script.harness;

import io.atrium.platform.access.Actor;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.item.Item;
import io.atrium.platform.item.ItemNotFoundException;
import io.atrium.platform.item.ItemPage;
import io.atrium.platform.item.ItemQuery;
import io.atrium.platform.item.StaleItemException;
import io.atrium.runtime.script.SdkServices;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Items kept in memory, with versions as the platform keeps them: every write adds one, and a
 * write that expects another version is refused as stale. Values are stored as given (there are
 * no app definitions here to convert or validate them) and permissions are not checked.
 */
final class MemoryItems implements SdkServices.ItemStore {

    private final Map<AppRef, Map<String, Item>> apps = new LinkedHashMap<>();
    private final Journal journal;
    private int created;

    MemoryItems(Journal journal) {
        this.journal = journal;
    }

    /** Puts an item in place before any run, as if it had been saved at that version. */
    synchronized void seed(AppRef app, String id, long version, Map<String, Object> values) {
        var now = Instant.now();
        String itemId = id != null ? id : newId();
        items(app).put(itemId, new Item(itemId, app, version, 1, new LinkedHashMap<>(values), now, "seed", now,
                "seed", false));
    }

    @Override
    public synchronized Item get(Actor actor, AppRef app, String id) {
        Item item = items(app).get(id);
        if (item == null || item.deleted()) {
            throw new ItemNotFoundException("No item " + id + " in " + app);
        }
        return item;
    }

    @Override
    public synchronized ItemPage search(Actor actor, AppRef app, ItemQuery query) {
        var matching = new ArrayList<Item>();
        for (Item item : items(app).values()) {
            if (!item.deleted() && ItemMatch.matches(query.filter(), item.values())) {
                matching.add(item);
            }
        }
        Comparator<Item> order = ItemMatch.order(query.sortField());
        matching.sort(query.descending() ? order.reversed() : order);
        int from = query.after() == null ? 0 : cursor(query.after());
        int to = Math.min(matching.size(), from + query.limit());
        String next = to < matching.size() ? Integer.toString(to) : null;
        return new ItemPage(from >= matching.size() ? List.of() : List.copyOf(matching.subList(from, to)), next);
    }

    @Override
    public synchronized Item create(Actor actor, AppRef app, Map<String, ?> values) {
        var now = Instant.now();
        var item = new Item(newId(), app, 1, 1, withoutNulls(new LinkedHashMap<>(), values), now, actor.username(),
                now, actor.username(), false);
        items(app).put(item.id(), item);
        journal.created(item);
        return item;
    }

    @Override
    public synchronized Item update(Actor actor, AppRef app, String id, long expectedVersion, Map<String, ?> changes) {
        Item current = current(app, id, expectedVersion);
        var item = new Item(id, app, current.version() + 1, current.appVersion(),
                withoutNulls(new LinkedHashMap<>(current.values()), changes), current.createdAt(),
                current.createdBy(), Instant.now(), actor.username(), false);
        items(app).put(id, item);
        journal.updated(item);
        return item;
    }

    @Override
    public synchronized Item delete(Actor actor, AppRef app, String id, long expectedVersion) {
        Item current = current(app, id, expectedVersion);
        var item = new Item(id, app, current.version() + 1, current.appVersion(), current.values(),
                current.createdAt(), current.createdBy(), Instant.now(), actor.username(), true);
        items(app).put(id, item);
        journal.deleted(item);
        return item;
    }

    private Item current(AppRef app, String id, long expectedVersion) {
        Item current = get(null, app, id);
        if (current.version() != expectedVersion) {
            throw new StaleItemException("The item " + id + " is at version " + current.version() + ", not "
                    + expectedVersion + ": someone changed it since it was read", current.version());
        }
        return current;
    }

    /** The changes applied: a null value clears the field. */
    private static Map<String, Object> withoutNulls(Map<String, Object> values, Map<String, ?> changes) {
        changes.forEach((field, value) -> {
            if (value == null) {
                values.remove(field);
            } else {
                values.put(field, value);
            }
        });
        return values;
    }

    private static int cursor(String after) {
        try {
            int offset = Integer.parseInt(after);
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw new IllegalArgumentException("after is not the next of a page of this search: " + after);
    }

    private Map<String, Item> items(AppRef app) {
        return apps.computeIfAbsent(app, k -> new LinkedHashMap<>());
    }

    private String newId() {
        return "item-" + (++created);
    }
}
