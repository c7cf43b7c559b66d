package io.atrium.platform.form.internal;

import io.atrium.platform.access.Actor;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.MessageKey;
import io.atrium.platform.app.Notice;
import io.atrium.platform.form.FormAction;
import io.atrium.platform.item.Items;
import java.util.HashMap;
import org.springframework.stereotype.Component;

/**
 * {@code set:field=value}: changes one field of the item, with the same validation and
 * permissions as any update — e.g. a "Close" button moving a status to {@code closed}.
 */
@Component
class SetFieldAction implements FormAction {

    private static final String PREFIX = "set:";

    private final Items items;

    SetFieldAction(Items items) {
        this.items = items;
    }

    @Override
    public boolean handles(String action) {
        return action.startsWith(PREFIX) && action.indexOf('=') > PREFIX.length();
    }

    @Override
    public Notice run(Actor actor, AppRef app, String itemId, long itemVersion, String action) {
        String assignment = action.substring(PREFIX.length());
        int equals = assignment.indexOf('=');
        String field = assignment.substring(0, equals);
        String value = assignment.substring(equals + 1);
        var change = new HashMap<String, Object>();
        change.put(field, value.isEmpty() ? null : value);
        var updated = items.update(actor, app, itemId, itemVersion, change);
        Object now = updated.values().get(field);
        return now == null ? Notice.of(MessageKey.ACTION_FIELD_CLEARED, field)
                : Notice.of(MessageKey.ACTION_FIELD_SET, field, String.valueOf(now));
    }
}
