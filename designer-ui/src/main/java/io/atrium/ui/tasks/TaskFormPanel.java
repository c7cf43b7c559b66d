package io.atrium.ui.tasks;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.atrium.platform.access.AccessDeniedException;
import io.atrium.platform.access.Actor;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.FieldError;
import io.atrium.platform.form.FormCatalog;
import io.atrium.platform.identity.Role;
import io.atrium.platform.item.ItemFiles;
import io.atrium.platform.item.ItemNotFoundException;
import io.atrium.platform.item.Items;
import io.atrium.runtime.process.task.TaskForm;
import io.atrium.ui.apps.ItemForm;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The part of a task's page its form fills: an Atrium form with the task's item, a Camunda Form,
 * or, for a task without one, a line saying so (and names and values for administrators).
 */
final class TaskFormPanel extends VerticalLayout {

    private ItemForm itemForm;
    private SchemaForm schemaForm;
    private VariablesEditor variables;
    private boolean usable = true;

    TaskFormPanel(TaskForm form, Actor actor, FormCatalog forms, AppCatalog apps, Items items, ItemFiles files,
            Locale locale) {
        setId("task-form");
        setPadding(false);
        switch (form) {
            case TaskForm.AtriumForm atrium -> atrium(atrium, actor, forms, apps, items, files, locale);
            case TaskForm.Schema schema -> {
                schemaForm = new SchemaForm(schema.schema(), locale);
                add(schemaForm);
            }
            case TaskForm.Unavailable unavailable -> {
                var note = new Span(getTranslation("tasks.form.unavailable", unavailable.reference()));
                note.getElement().getThemeList().add("badge contrast");
                note.getStyle().set("white-space", "normal");
                add(note);
                none(actor, locale);
            }
            case TaskForm.None none -> none(actor, locale);
        }
    }

    private void atrium(TaskForm.AtriumForm atrium, Actor actor, FormCatalog forms, AppCatalog apps, Items items,
            ItemFiles files, Locale locale) {
        var app = apps.current(atrium.ref().app());
        if (app.isEmpty()) {
            add(new Paragraph(getTranslation("tasks.form.appGone", atrium.ref().app().toString())));
            usable = false;
            return;
        }
        var definition = forms.effective(app.get().definition(), atrium.ref());
        try {
            var item = atrium.itemId() == null ? null : items.get(actor, app.get().ref(), atrium.itemId());
            if (item == null) {
                add(new Paragraph(getTranslation("tasks.form.noItem")));
            } else {
                var open = new com.vaadin.flow.component.html.Anchor("apps/" + app.get().ref() + "/" + item.id(),
                        getTranslation("tasks.form.openItem", app.get().definition().name().in(locale)));
                open.setId("task-open-item");
                add(open);
            }
            itemForm = new ItemForm(definition, app.get(), item, items, files, apps, actor, locale);
            add(itemForm.component());
        } catch (AccessDeniedException | ItemNotFoundException e) {
            add(new Paragraph(getTranslation("tasks.form.itemHidden")));
            usable = false;
        }
    }

    private void none(Actor actor, Locale locale) {
        add(new Paragraph(getTranslation("tasks.form.none")));
        if (actor.has(Role.ADMIN)) {
            add(new Paragraph(getTranslation("tasks.form.noneAdmin")));
            variables = new VariablesEditor(locale);
            add(variables);
        }
    }

    /** Whether the form can be sent at all (an Atrium form whose item the person may not read cannot). */
    boolean usable() {
        return usable;
    }

    Map<String, Object> values() {
        if (itemForm != null) {
            return itemForm.values();
        }
        if (schemaForm != null) {
            return schemaForm.values();
        }
        return variables != null ? variables.values() : Map.of();
    }

    Long itemVersion() {
        return itemForm == null ? null : itemForm.itemVersion();
    }

    /** What the form checks before sending (the server checks again). */
    List<FieldError> check() {
        return itemForm == null ? List.of() : itemForm.check();
    }

    /** Shows errors at their fields; gives back those no field shows. */
    List<FieldError> show(List<FieldError> errors) {
        if (itemForm != null) {
            return itemForm.show(errors);
        }
        if (schemaForm != null) {
            return schemaForm.show(errors);
        }
        return variables != null ? variables.show(errors) : errors;
    }
}
