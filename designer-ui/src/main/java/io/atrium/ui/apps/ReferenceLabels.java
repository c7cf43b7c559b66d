package io.atrium.ui.apps;

import io.atrium.platform.access.AccessDeniedException;
import io.atrium.platform.access.Actor;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.FieldDefinition;
import io.atrium.platform.app.FieldType;
import io.atrium.platform.item.Item;
import io.atrium.platform.item.Items;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The names of the items a set of items points to, looked up with one query per reference field. */
final class ReferenceLabels {

    private final Map<String, String> labels = new HashMap<>();

    private ReferenceLabels() {
    }

    /** No names known: references show their ids. */
    static ReferenceLabels none() {
        return new ReferenceLabels();
    }

    static ReferenceLabels load(Items items, AppCatalog catalog, Actor actor, AppDefinition app,
            Collection<Item> shown) {
        var result = new ReferenceLabels();
        for (FieldDefinition field : app.fields()) {
            if (field.type() != FieldType.REFERENCE) {
                continue;
            }
            var ids = new HashSet<String>();
            for (Item item : shown) {
                Object value = item.values().get(field.code());
                if (value instanceof List<?> list) {
                    list.forEach(v -> ids.add(v.toString()));
                } else if (value != null) {
                    ids.add(value.toString());
                }
            }
            try {
                var labelField = ReferenceOptions.labelField(catalog, field.target());
                items.find(actor, field.target(), ids)
                        .forEach(i -> result.labels.put(i.id(), ReferenceOptions.label(i, labelField)));
            } catch (AccessDeniedException e) {
                // the person may not read the target app: the ids stay
            }
        }
        return result;
    }

    /** A value as text; references by the names of the items they point to. */
    String text(FieldDefinition field, Object value, Locale locale) {
        if (field.type() == FieldType.REFERENCE && value != null) {
            List<?> ids = value instanceof List<?> list ? list : List.of(value);
            return ids.stream().map(id -> labels.getOrDefault(id.toString(), id.toString()))
                    .collect(Collectors.joining(", "));
        }
        return ItemText.of(field, value, locale);
    }
}
