package io.atrium.ui.apps;

import com.mongodb.MongoExecutionTimeoutException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.atrium.platform.access.AccessDeniedException;
import io.atrium.platform.access.AccessPolicy;
import io.atrium.platform.access.Permission;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.FieldDefinition;
import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.FieldType;
import io.atrium.platform.app.ItemValidator;
import io.atrium.platform.app.PublishedApp;
import io.atrium.platform.app.Messages;
import io.atrium.platform.app.ValidationException;
import io.atrium.platform.audit.AuditEntry;
import io.atrium.platform.form.FormActions;
import io.atrium.platform.form.FormCatalog;
import io.atrium.platform.form.FormDefinition;
import io.atrium.platform.form.FormElement;
import io.atrium.platform.form.FormPurpose;
import io.atrium.platform.form.FormState;
import io.atrium.runtime.script.FormScriptEvents;
import io.atrium.platform.item.Item;
import io.atrium.platform.item.ItemFiles;
import io.atrium.platform.item.ItemFilter;
import io.atrium.platform.item.ItemQuery;
import io.atrium.platform.item.ItemNotFoundException;
import io.atrium.platform.item.Items;
import io.atrium.platform.item.StaleItemException;
import io.atrium.ui.security.CurrentActor;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The default item card, generated from the app's fields: view, create and edit, with live
 * validation by the same rules as the API.
 */
@Route("apps/:namespace/:app/:id")
@PermitAll
public class ItemCardView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final Items items;
    private final AppCatalog catalog;
    private final AccessPolicy access;
    private final CurrentActor currentActor;
    private final ItemValidator validator = new ItemValidator();
    private static final int RELATED_LIMIT = 50;

    private final FormCatalog forms;
    private final ItemFiles files;
    private final FormActions actions;
    private final FormScriptEvents events;
    /** Set while a script's values are put on the form, so they do not start change scripts again. */
    private boolean applyingScript;
    private final Map<String, FieldEditor> editors = new LinkedHashMap<>();
    private FormDefinition form;
    private FormRenderer renderer;
    private PublishedApp app;
    private Item item;
    private String title = "Atrium";

    public ItemCardView(Items items, ItemFiles files, AppCatalog catalog, AccessPolicy access, FormCatalog forms,
            FormActions actions, FormScriptEvents events, CurrentActor currentActor) {
        this.events = events;
        this.files = files;
        this.forms = forms;
        this.actions = actions;
        this.items = items;
        this.catalog = catalog;
        this.access = access;
        this.currentActor = currentActor;
        setId("item-card");
        setMaxWidth("60rem");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getRouteParameters();
        try {
            var ref = new AppRef(params.get("namespace").orElseThrow(), params.get("app").orElseThrow());
            app = catalog.current(ref).orElseThrow();
            String id = params.get("id").orElseThrow();
            item = "new".equals(id) ? null : items.get(currentActor.get(), ref, id);
        } catch (AccessDeniedException | ItemNotFoundException | NoSuchElementException | IllegalArgumentException e) {
            removeAll();
            add(new H2(getTranslation("item.notFound")));
            return;
        }
        build();
    }

    private void build() {
        var shownTabs = renderer == null ? java.util.Map.<String, Integer>of() : renderer.selectedTabs();
        removeAll();
        editors.clear();
        String appName = app.definition().name().in(getLocale());
        title = item == null ? getTranslation("item.new", appName) : appName + " · " + headline(item);
        boolean mayChange = item == null
                || access.scope(currentActor.get(), app.ref(), Permission.UPDATE).isPresent();
        var purpose = item == null ? FormPurpose.CREATE : mayChange ? FormPurpose.EDIT : FormPurpose.VIEW;
        var heading = new H2(title);
        var header = new HorizontalLayout(heading);
        header.setWidthFull();
        header.setWrap(true);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(heading);
        if (access.scope(currentActor.get(), app.ref(), Permission.ADMINISTER).isPresent()) {
            var design = new Button(getTranslation("item.designForm"), VaadinIcon.TOOLS.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate("designer/forms/" + app.ref() + "/"
                            + purpose.name().toLowerCase(java.util.Locale.ROOT))));
            design.setId("design-form");
            design.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            header.add(design);
        }
        add(header);
        if (item != null) {
            add(new Span(getTranslation("item.meta", item.version(), item.createdBy(), item.updatedBy())));
        }
        form = forms.effective(app.definition(), purpose);
        var references = new ReferenceOptions(items, catalog, currentActor.get());
        renderer = new FormRenderer(form, app.definition(), getLocale(), (field, label) -> field.type() == FieldType.FILE
                ? new FileEditor(field, label, files, currentActor.get(), app.ref(),
                        () -> item == null ? null : item.id())
                : FieldEditors.create(field, label, getLocale(), references), 
                list -> new RelatedItems(items, catalog, currentActor.get(), list, item, getLocale()),
                this::actionButton);
        add(renderer.render());
        renderer.selectTabs(shownTabs); // a saved card stays where its user was
        editors.putAll(renderer.editors());
        editors.forEach((code, editor) -> {
            var field = app.definition().field(code).orElseThrow();
            editor.show(item != null ? item.values().get(code) : field.defaultValue() != null ? stored(field) : null);
            if (item != null && field.readOnly() || !mayChange) {
                renderer.lock(code);
            }
            editor.onChange(() -> changed(code));
        });
        applyState();
        if (mayChange && form.scripts().onLoad() != null) {
            apply(events.load(currentActor.get(), app.definition(), form, item, values()));
        }
        var save = new Button(getTranslation("item.save"), e -> save());
        save.setId("save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var back = new Button(getTranslation("item.back"), e -> getUI().ifPresent(ui -> ui.navigate(ItemListView.class,
                new com.vaadin.flow.router.RouteParameters(Map.of("namespace", app.ref().namespace(),
                        "app", app.ref().code())))));
        save.setVisible(mayChange);
        var buttons = new HorizontalLayout(save, back);
        if (item != null && access.scope(currentActor.get(), app.ref(), Permission.DELETE).isPresent()) {
            var delete = new Button(getTranslation("item.delete"), e -> confirmDelete());
            delete.setId("delete");
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            buttons.add(delete);
        }
        add(buttons);
        if (item != null) {
            add(new ItemHistory(items, currentActor.get(), app.definition(), item.id(), getLocale()));
        }
    }

    private void confirmDelete() {
        var dialog = new ConfirmDialog(getTranslation("item.delete.title"), getTranslation("item.delete.text", title),
                getTranslation("item.delete"), e -> delete());
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("item.cancel"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    private void delete() {
        var actor = currentActor.get();
        var ref = app.ref();
        try {
            var deleted = items.delete(actor, ref, item.id(), item.version());
            var ui = getUI().orElseThrow();
            var notice = new Notification();
            notice.setDuration(10_000);
            var undo = new Button(getTranslation("item.undo"), e -> {
                notice.close();
                items.restore(actor, ref, deleted.id(), deleted.version());
                ui.navigate("apps/" + ref + "/" + deleted.id());
            });
            undo.setId("undo-delete");
            undo.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            notice.add(new HorizontalLayout(new Span(getTranslation("item.deleted")), undo));
            notice.open();
            ui.navigate(ItemListView.class, new com.vaadin.flow.router.RouteParameters(Map.of(
                    "namespace", ref.namespace(), "app", ref.code())));
        } catch (StaleItemException e) {
            Notification.show(getTranslation("item.stale")).addThemeVariants(NotificationVariant.LUMO_WARNING);
        } catch (AccessDeniedException | ItemNotFoundException e) {
            Notification.show(getTranslation("item.denied")).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /** The item's first text value, or its id when it has none. */
    private String headline(Item shown) {
        return app.definition().fields().stream()
                .filter(f -> f.type() == FieldType.STRING)
                .map(f -> shown.values().get(f.code())).filter(v -> v instanceof String s && !s.isBlank())
                .map(Object::toString).findFirst().orElse(shown.id());
    }

    /** A default value in its stored form, for showing. */
    private Object stored(FieldDefinition field) {
        try {
            return validator.filterValue(field, field.defaultValue());
        } catch (ValidationException e) {
            return null;
        }
    }

    private Map<String, Object> values() {
        var values = new HashMap<String, Object>();
        editors.forEach((code, editor) -> {
            var field = app.definition().field(code).orElseThrow();
            if (item != null && field.readOnly()) {
                return;
            }
            values.put(code, editor.value());
        });
        return values;
    }

    /** What the save writes: fields this form shows read-only keep their stored values. */
    private Map<String, Object> permitted() {
        return FormState.permittedChanges(form, app.definition(), item == null ? Map.of() : item.values(), values(),
                currentActor.get().roles(), item != null);
    }

    /** Re-evaluates the form's conditions for the values now on the card. */
    private FormState applyState() {
        var current = new HashMap<String, Object>(item == null ? Map.of() : item.values());
        values().forEach(current::put);
        var state = FormState.evaluate(form, app.definition(), current, currentActor.get().roles(), item != null);
        renderer.apply(state);
        return state;
    }

    private void validateLive() {
        editors.values().forEach(e -> e.error(null));
        var state = applyState();
        var errors = new ArrayList<>(state.check(values()));
        try {
            if (item == null) {
                validator.forCreate(app.definition(), values());
            } else {
                validator.forUpdate(app.definition(), values(), item.values());
            }
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        show(errors);
    }

    /** A field changed on the form: checks it again and runs the form's script for it, if any. */
    private void changed(String code) {
        validateLive();
        if (!applyingScript && events.watches(form, code)) {
            apply(events.change(currentActor.get(), app.definition(), form, item, code, values()));
        }
    }

    /** Puts what an event script answered on the form: its values, its message, its refusals. */
    private void apply(FormScriptEvents.Outcome outcome) {
        applyingScript = true;
        try {
            outcome.values().forEach((code, value) -> {
                var editor = editors.get(code);
                if (editor != null) {
                    editor.show(value);
                }
            });
        } finally {
            applyingScript = false;
        }
        if (!outcome.values().isEmpty()) {
            validateLive();
        }
        show(outcome.errors());
        if (outcome.failure() != null) {
            Notification.show(getTranslation("item.scriptFailed", outcome.failure()))
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        } else if (!outcome.errors().isEmpty()) {
            // each message stands under its field; one that names no field on the form is told here
            boolean allShown = outcome.errors().stream().allMatch(e -> editors.containsKey(e.field()));
            Notification.show(allShown ? getTranslation("item.invalid") : Messages.text(outcome.errors(), getLocale()))
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        } else if (outcome.message() != null) {
            Notification.show(outcome.message()).addThemeVariants(NotificationVariant.LUMO_CONTRAST);
        }
    }

    /** A button that runs its action on the saved item. */
    private Component actionButton(FormElement.Button definition) {
        var button = new Button(definition.label().in(getLocale()), e -> {
            try {
                var told = actions.run(currentActor.get(), app.ref(), item.id(), item.version(),
                        definition.action());
                item = items.get(currentActor.get(), app.ref(), item.id());
                build();
                Notification.show(Messages.text(told, getLocale())).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (ValidationException ex) {
                Notification.show(Messages.text(ex.errors(), getLocale())).addThemeVariants(NotificationVariant.LUMO_ERROR);
            } catch (NoSuchElementException ex) {
                Notification.show(Messages.text(ex, getLocale())).addThemeVariants(NotificationVariant.LUMO_ERROR);
            } catch (StaleItemException ex) {
                Notification.show(getTranslation("item.stale")).addThemeVariants(NotificationVariant.LUMO_WARNING);
            } catch (AccessDeniedException ex) {
                Notification.show(getTranslation("item.denied")).addThemeVariants(NotificationVariant.LUMO_ERROR);
            } catch (io.atrium.runtime.script.ScriptFailure ex) {
                // the script's own words: a refusal names what is wrong, anything else what stopped it
                Notification.show(ex.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        button.setId("action-" + definition.id());
        button.setEnabled(item != null);
        return button;
    }

    private void show(List<FieldError> errors) {
        for (FieldError error : errors) {
            String code = error.field().split("[.\\[]")[0];
            var editor = editors.get(code);
            if (editor != null) {
                editor.error(Messages.text(error, getLocale()));
            }
        }
    }

    private void save() {
        var actor = currentActor.get();
        var formErrors = applyState().check(values());
        if (!formErrors.isEmpty()) {
            show(formErrors);
            Notification.show(getTranslation("item.invalid")).addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        var checked = events.beforeSave(actor, app.definition(), form, item, values());
        if (!checked.allowsSave()) {
            apply(checked);
            return;
        }
        try {
            var values = permitted();
            values.putAll(checked.values()); // what the script computed is written even where the form shows it read-only
            if (item == null) {
                values.values().removeIf(v -> v == null);
                item = items.create(actor, app.ref(), values);
                getUI().ifPresent(ui -> ui.navigate("apps/" + app.ref() + "/" + item.id()));
            } else {
                item = items.update(actor, app.ref(), item.id(), item.version(), values);
                build();
            }
            Notification.show(getTranslation("item.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (ValidationException e) {
            show(e.errors());
            Notification.show(getTranslation("item.invalid")).addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (StaleItemException e) {
            Notification.show(getTranslation("item.stale")).addThemeVariants(NotificationVariant.LUMO_WARNING);
        } catch (AccessDeniedException e) {
            Notification.show(getTranslation("item.denied")).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    @Override
    public String getPageTitle() {
        return title + " · Atrium";
    }
}
