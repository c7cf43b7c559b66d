package io.atrium.ui.apps;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import io.atrium.platform.access.Actor;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.FieldType;
import io.atrium.platform.app.ItemValidator;
import io.atrium.platform.app.Messages;
import io.atrium.platform.app.PublishedApp;
import io.atrium.platform.app.ValidationException;
import io.atrium.platform.form.FormDefinition;
import io.atrium.platform.form.FormState;
import io.atrium.platform.item.Item;
import io.atrium.platform.item.ItemFiles;
import io.atrium.platform.item.Items;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An Atrium form filled outside the item card, e.g. a process task's form in the inbox: it shows
 * one item (or none: the values then go to the process only), checks as the card does while
 * people type, and gives back the values of the inputs they may change. Buttons of the form run
 * on the item card only, so here they are shown disabled.
 */
public final class ItemForm {

    private final FormDefinition form;
    private final PublishedApp app;
    private final Item item;
    private final Actor actor;
    private final Locale locale;
    private final FormRenderer renderer;
    private final Map<String, FieldEditor> editors = new LinkedHashMap<>();
    private final ItemValidator validator = new ItemValidator();
    private final Component component;

    public ItemForm(FormDefinition form, PublishedApp app, Item item, Items items, ItemFiles files,
            AppCatalog catalog, Actor actor, Locale locale) {
        this.form = form;
        this.app = app;
        this.item = item;
        this.actor = actor;
        this.locale = locale;
        var references = new ReferenceOptions(items, catalog, actor);
        renderer = new FormRenderer(form, app.definition(), locale, (field, label) -> field.type() == FieldType.FILE
                ? new FileEditor(field, label, files, actor, app.ref(), () -> item == null ? null : item.id())
                : FieldEditors.create(field, label, locale, references),
                list -> item == null ? null : new RelatedItems(items, catalog, actor, list, item, locale),
                button -> {
                    var shown = new Button(button.label().in(locale));
                    shown.setEnabled(false);
                    return shown;
                });
        component = renderer.render();
        editors.putAll(renderer.editors());
        editors.forEach((code, editor) -> {
            var field = app.definition().field(code).orElseThrow();
            editor.show(item != null ? item.values().get(code) : null);
            if (item != null && field.readOnly()) {
                renderer.lock(code);
            }
            editor.onChange(this::validateLive);
        });
        apply();
    }

    public Component component() {
        return component;
    }

    /** The version of the item the form shows; null when it shows none. */
    public Long itemVersion() {
        return item == null ? null : item.version();
    }

    /** The values of the inputs people may change on the form now, by field code. */
    public Map<String, Object> values() {
        var state = apply();
        var out = new LinkedHashMap<String, Object>();
        editors.forEach((code, editor) -> state.field(code).filter(s -> s.visible() && !s.readOnly())
                .ifPresent(s -> out.put(code, editor.value())));
        return out;
    }

    /** Shows each error under its field; errors of fields the form does not show are given back. */
    public List<FieldError> show(List<FieldError> errors) {
        editors.values().forEach(e -> e.error(null));
        var unshown = new ArrayList<FieldError>();
        for (FieldError error : errors) {
            var editor = editors.get(error.field().split("[.\\[]")[0]);
            if (editor != null) {
                editor.error(Messages.text(error, locale));
            } else {
                unshown.add(error);
            }
        }
        return unshown;
    }

    /** What the form and the app's rules say of the values now on the form. */
    public List<FieldError> check() {
        var values = values();
        var current = new HashMap<String, Object>(item == null ? Map.of() : item.values());
        current.putAll(values);
        var errors = new ArrayList<>(FormState.evaluate(form, app.definition(), current, actor.roles(),
                item != null).check(current));
        try {
            validator.forUpdate(app.definition(), values, item == null ? Map.of() : item.values());
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        return errors;
    }

    private void validateLive() {
        show(check());
    }

    private FormState apply() {
        var current = new HashMap<String, Object>(item == null ? Map.of() : item.values());
        editors.forEach((code, editor) -> current.put(code, editor.value()));
        var state = FormState.evaluate(form, app.definition(), current, actor.roles(), item != null);
        renderer.apply(state);
        return state;
    }
}
