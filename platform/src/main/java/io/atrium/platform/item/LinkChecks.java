package io.atrium.platform.item;

import io.atrium.platform.access.AccessDeniedException;
import io.atrium.platform.access.Actor;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.MessageKey;
import io.atrium.platform.app.FieldType;
import io.atrium.platform.app.PublishedApp;
import io.atrium.platform.app.ValidationException;
import io.atrium.platform.identity.Role;
import io.atrium.platform.item.internal.FileBucket;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Checks of the values of a write that point outside the item: references to other items and
 * ids of uploaded files. Both are judged with the writer's rights, before anything is written.
 */
final class LinkChecks {

    private final Items items;
    private final FileBucket files;

    LinkChecks(Items items, FileBucket files) {
        this.items = items;
        this.files = files;
    }

    /**
     * References must point to existing, not deleted items of the target app that the actor may
     * read: an item they cannot read is answered exactly like one that does not exist, so the
     * check reveals nothing about apps or items beyond their reach.
     */
    void references(Actor actor, PublishedApp app, Map<String, Object> values) {
        var errors = new ArrayList<FieldError>();
        for (var field : app.definition().fields()) {
            Object value = values.get(field.code());
            if (field.type() != FieldType.REFERENCE || value == null) {
                continue;
            }
            var ids = new LinkedHashSet<>(valuesOf(value));
            if (readable(actor, field.target(), ids) < ids.size()) {
                errors.add(FieldError.of(field.code(), "reference", MessageKey.REFERENCE_MISSING, field.target().toString()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private long readable(Actor actor, AppRef target, Collection<String> ids) {
        try {
            return items.find(actor, target, ids).size();
        } catch (AccessDeniedException | NoSuchElementException unreadable) {
            return 0;
        }
    }

    /**
     * File values must name uploads made for that field and either already belonging to this item
     * or not yet attached and uploaded by the actor. Returns the ids to attach after the write.
     */
    List<String> files(Actor actor, PublishedApp app, String itemId, Map<String, Object> values,
            Map<String, Object> currentValues) {
        var errors = new ArrayList<FieldError>();
        var toAttach = new ArrayList<String>();
        for (var field : app.definition().fields()) {
            if (field.type() != FieldType.FILE || !values.containsKey(field.code())) {
                continue;
            }
            var fresh = new ArrayList<>(valuesOf(values.get(field.code())));
            fresh.removeAll(valuesOf(currentValues.get(field.code())));
            if (fresh.isEmpty()) {
                continue;
            }
            var refused = files.notAttachable(app.definition().ref(), field.code(), itemId, actor.username(),
                    actor.has(Role.ADMIN), fresh);
            if (!refused.isEmpty()) {
                errors.add(FieldError.of(field.code(), "file", MessageKey.FILE_NOT_UPLOADED,
                        String.join(", ", refused)));
            }
            toAttach.addAll(fresh);
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return toAttach;
    }

    /** A single value or a list of them, as texts. */
    static List<String> valuesOf(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(value.toString());
    }
}
