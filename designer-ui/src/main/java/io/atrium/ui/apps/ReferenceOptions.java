package io.atrium.ui.apps;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import io.atrium.platform.access.AccessDeniedException;
import io.atrium.platform.access.Actor;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.FieldDefinition;
import io.atrium.platform.app.FieldType;
import io.atrium.platform.item.Item;
import io.atrium.platform.item.ItemFilter;
import io.atrium.platform.item.ItemQuery;
import io.atrium.platform.item.Items;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Offers the items of a reference's target app by their first text field, searched as the
 * person types, within what that person may read.
 */
final class ReferenceOptions {

    private static final int PAGE = 50;

    private final Items items;
    private final AppCatalog catalog;
    private final Actor actor;
    /** Labels of items seen in searches, so showing an option costs no query of its own. */
    private final Map<String, String> labels = new HashMap<>();

    ReferenceOptions(Items items, AppCatalog catalog, Actor actor) {
        this.items = items;
        this.catalog = catalog;
        this.actor = actor;
    }

    FieldEditor editor(FieldDefinition field, String label) {
        Optional<String> labelField = labelField(catalog, field.target());
        if (field.multiple()) {
            var box = new MultiSelectComboBox<String>(label);
            box.setItems(query -> search(field, labelField, query.getFilter().orElse(""), query.getOffset(),
                    query.getLimit()));
            box.setItemLabelGenerator(id -> describe(field, id, labelField));
            return FieldEditors.simple(box, set -> List.copyOf(set), s -> new LinkedHashSet<>((List<String>) s));
        }
        return FieldEditors.text(picker(field, label));
    }

    /** A combo box of the target app's items by name, searched as the person types; its value is an id. */
    ComboBox<String> picker(FieldDefinition field, String label) {
        Optional<String> labelField = labelField(catalog, field.target());
        var box = new ComboBox<String>(label);
        box.setItems(query -> search(field, labelField, query.getFilter().orElse(""), query.getOffset(),
                query.getLimit()));
        box.setItemLabelGenerator(id -> describe(field, id, labelField));
        return box;
    }

    /** The name of an item of the field's target app; its id if it is gone or not readable. */
    String name(FieldDefinition field, String id) {
        return describe(field, id, labelField(catalog, field.target()));
    }

    private Stream<String> search(FieldDefinition field, Optional<String> labelField, String text, int offset,
            int limit) {
        try {
            var filter = text.isBlank() ? ItemFilter.NONE : new ItemFilter.FullText(text);
            // the combo box asks by offset; walk the cursor pages up to it (searches stay short)
            var ids = new java.util.ArrayList<String>();
            String cursor = null;
            do {
                var page = items.search(actor, field.target(), new ItemQuery(filter, null, false, PAGE, cursor));
                page.items().forEach(i -> {
                    ids.add(i.id());
                    labels.put(i.id(), label(i, labelField));
                });
                cursor = page.next();
            } while (cursor != null && ids.size() < offset + limit);
            return ids.stream().skip(offset).limit(limit);
        } catch (AccessDeniedException e) {
            return Stream.empty();
        }
    }

    private String describe(FieldDefinition field, String id, Optional<String> labelField) {
        return labels.computeIfAbsent(id, key -> {
            try {
                return label(items.get(actor, field.target(), key), labelField);
            } catch (RuntimeException e) { // gone, or not readable by this person: show the id
                return key;
            }
        });
    }

    /** The field whose value names an item of the app: its first string field. */
    static Optional<String> labelField(AppCatalog catalog, io.atrium.platform.app.AppRef app) {
        return catalog.current(app).flatMap(published -> published.definition().fields().stream()
                .filter(f -> f.type() == FieldType.STRING).map(FieldDefinition::code).findFirst());
    }

    static String label(Item item, Optional<String> labelField) {
        return labelField.map(code -> item.values().get(code)).map(String::valueOf).orElse(item.id());
    }
}
