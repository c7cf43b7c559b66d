package io.atrium.runtime.process.start;

import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.FieldDefinition;
import io.atrium.platform.app.FieldType;
import io.atrium.platform.item.ItemChangeRelayed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Starts processes when items are created or their status changes. A process listens with a
 * message start event named {@code atrium:item-created:<workspace>/<app>} or
 * {@code atrium:item-status:<workspace>/<app>:<status>}. The change reaches here through the
 * audit relay, from the same document write as the change itself, so a crash between the write
 * and the start only delays the start; the event id is the change's audit entry, so the start
 * never happens twice.
 */
@Component
@org.springframework.core.annotation.Order(0)
class ItemStarts implements ItemChangeRelayed {

    static final String CREATED = "atrium:item-created:";
    static final String STATUS = "atrium:item-status:";

    private final PlatformEvents events;
    private final StartSubscriptions subscriptions;
    private final AppCatalog apps;

    ItemStarts(PlatformEvents events, StartSubscriptions subscriptions, AppCatalog apps) {
        this.events = events;
        this.subscriptions = subscriptions;
        this.apps = apps;
    }

    @Override
    public void relayed(List<Change> changes) {
        for (Change change : changes) {
            if ("item.created".equals(change.action())) {
                raise(CREATED + change.app(), change, null, statusOf(change));
            } else if ("item.updated".equals(change.action())) {
                for (String field : statusFields(change)) {
                    if (change.changes().get(field) instanceof List<?> pair && pair.size() == 2 && pair.get(1) != null) {
                        raise(STATUS + change.app() + ":" + pair.get(1), change, pair.get(0), String.valueOf(pair.get(1)));
                    }
                }
            }
        }
    }

    private void raise(String name, Change change, Object previous, String status) {
        if (!subscriptions.listensTo(name)) {
            return;
        }
        var variables = new LinkedHashMap<String, Object>();
        variables.put("itemId", change.itemId());
        variables.put("app", change.app().toString());
        variables.put("changedBy", change.actor());
        if (status != null) {
            variables.put("status", status);
        }
        if (previous != null) {
            variables.put("previousStatus", String.valueOf(previous));
        }
        events.raise(name, change.itemId() + "@" + change.version(), change.entryId() + "#" + name, variables);
    }

    private List<String> statusFields(Change change) {
        return apps.current(change.app()).map(app -> app.definition().fields().stream()
                .filter(f -> f.type() == FieldType.STATUS).map(FieldDefinition::code).toList()).orElse(List.of());
    }

    /** A new item's status, when its app has a status field. */
    private String statusOf(Change change) {
        var fields = statusFields(change);
        Map<String, Object> values = change.changes();
        return !fields.isEmpty() && values.get(fields.getFirst()) != null
                ? String.valueOf(values.get(fields.getFirst())) : null;
    }
}
