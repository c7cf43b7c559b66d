package io.atrium.ui.apps;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.FieldDefinition;
import io.atrium.platform.form.FormScripts;
import io.atrium.platform.script.ScriptTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Binds a form's events to script functions: when it opens, when a field changes, before it
 * saves, and how long each may run. Names are checked as they are typed; whether the module is
 * published is told when the form runs.
 */
final class FormScriptsDialog extends Dialog {

    private final AppDefinition app;
    private final Locale locale;
    private final TextField onLoad = target("form-script-on-load", "form.scripts.onLoad", "form.scripts.onLoadHelp");
    private final TextField beforeSave = target("form-script-before-save", "form.scripts.beforeSave",
            "form.scripts.beforeSaveHelp");
    private final IntegerField timeLimit = new IntegerField();
    private final VerticalLayout changes = new VerticalLayout();
    private final List<ChangeRow> rows = new ArrayList<>();

    private record ChangeRow(HorizontalLayout layout, ComboBox<FieldDefinition> field, TextField script) {
    }

    FormScriptsDialog(AppDefinition app, Locale locale, FormScripts current, Consumer<FormScripts> onApply) {
        this.app = app;
        this.locale = locale;
        setId("form-scripts");
        setHeaderTitle(getTranslation("form.scripts.title"));
        setWidth("min(44rem, 100vw)");
        var intro = new Paragraph(getTranslation("form.scripts.intro"));
        intro.addClassName("hint");
        onLoad.setValue(current.onLoad() == null ? "" : current.onLoad());
        beforeSave.setValue(current.beforeSave() == null ? "" : current.beforeSave());
        timeLimit.setId("form-script-time-limit");
        timeLimit.setLabel(getTranslation("form.scripts.timeLimit"));
        timeLimit.setHelperText(getTranslation("form.scripts.timeLimitHelp"));
        timeLimit.setMin(1);
        timeLimit.setMax(FormScripts.MAX_TIME_LIMIT_SECONDS);
        timeLimit.setStepButtonsVisible(true);
        timeLimit.setValue(current.timeLimitSeconds());
        changes.setPadding(false);
        changes.setSpacing(false);
        changes.setId("form-script-changes");
        current.onChange().forEach(this::addRow);
        var addChange = new Button(getTranslation("form.scripts.addChange"), VaadinIcon.PLUS.create(),
                e -> addRow(null, ""));
        addChange.setId("form-script-add-change");
        addChange.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var changeTitle = new Paragraph(getTranslation("form.scripts.onChange"));
        changeTitle.addClassName("field-group-title");
        var body = new VerticalLayout(intro, onLoad, changeTitle, changes, addChange, beforeSave, timeLimit);
        body.setPadding(false);
        add(body);
        var apply = new Button(getTranslation("form.scripts.apply"), e -> {
            if (valid()) {
                onApply.accept(read());
                close();
            }
        });
        apply.setId("form-scripts-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button(getTranslation("item.cancel"), e -> close());
        getFooter().add(cancel, apply);
    }

    private void addRow(String field, String script) {
        var choice = new ComboBox<FieldDefinition>(getTranslation("form.scripts.field"));
        choice.setItems(app.fields());
        choice.setItemLabelGenerator(f -> f.name().in(locale).isBlank() ? f.code() : f.name().in(locale));
        app.field(field == null ? "" : field).ifPresent(choice::setValue);
        var target = target(null, "form.scripts.function", null);
        target.setWidth(null);
        target.setMinWidth("14rem");
        target.setValue(script);
        var row = new HorizontalLayout(choice, target);
        var remove = new Button(VaadinIcon.TRASH.create());
        remove.setAriaLabel(getTranslation("form.scripts.removeChange"));
        remove.setTooltipText(getTranslation("form.scripts.removeChange"));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        row.add(remove);
        row.setWidthFull();
        row.setWrap(true);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.expand(target);
        var entry = new ChangeRow(row, choice, target);
        remove.addClickListener(e -> {
            rows.remove(entry);
            changes.remove(row);
        });
        rows.add(entry);
        changes.add(row);
        row.addClassName("form-script-change");
    }

    private TextField target(String id, String label, String help) {
        var field = new TextField(getTranslation(label));
        if (id != null) {
            field.setId(id);
        }
        field.setWidthFull();
        field.setClearButtonVisible(true);
        field.setPlaceholder("sales/deal-form#beforeSave");
        if (help != null) {
            field.setHelperText(getTranslation(help));
        }
        field.addValueChangeListener(e -> check(field));
        return field;
    }

    private boolean check(TextField field) {
        String text = field.getValue().strip();
        boolean ok = true;
        if (!text.isEmpty()) {
            try {
                ScriptTarget.parse(text);
            } catch (IllegalArgumentException e) {
                ok = false;
            }
        }
        field.setInvalid(!ok);
        field.setErrorMessage(ok ? null : getTranslation("form.scripts.badName"));
        return ok;
    }

    private boolean valid() {
        boolean ok = check(onLoad) & check(beforeSave);
        for (var row : rows) {
            ok &= check(row.script());
            boolean named = row.field().getValue() != null || row.script().getValue().isBlank();
            row.field().setInvalid(!named);
            row.field().setErrorMessage(named ? null : getTranslation("form.scripts.pickField"));
            ok &= named;
        }
        return ok;
    }

    private FormScripts read() {
        var onChange = new LinkedHashMap<String, String>();
        for (var row : rows) {
            if (row.field().getValue() != null && !row.script().getValue().isBlank()) {
                onChange.put(row.field().getValue().code(), row.script().getValue().strip());
            }
        }
        return new FormScripts(onLoad.getValue(), onChange, beforeSave.getValue(), timeLimit.getValue());
    }
}
