package io.atrium.platform.form;

import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.FieldDefinition;
import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.MessageKey;
import io.atrium.platform.app.FieldType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks a form against its app before it is published: every problem is listed, with the id
 * of the element it concerns as the error's field.
 */
public final class FormValidator {

    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9]*:[A-Za-z0-9_./-]{1,120}");

    private final Function<AppRef, Optional<AppDefinition>> apps;

    /** @param apps the current definition of other apps, for related lists */
    public FormValidator(Function<AppRef, Optional<AppDefinition>> apps) {
        this.apps = apps;
    }

    public List<FieldError> check(FormDefinition form, AppDefinition app) {
        var errors = new ArrayList<FieldError>();
        var ids = new HashSet<String>();
        var placed = new HashSet<String>();
        check(form.elements(), null, form, app, ids, placed, errors);
        errors.addAll(form.scripts().check(app));
        if (form.ref().purpose().writes()) {
            for (FieldDefinition field : app.fields()) {
                if (field.required() && field.defaultValue() == null && !placed.contains(field.code())) {
                    errors.add(FieldError.of("", "required", MessageKey.FORM_REQUIRED_FIELD_MISSING,
                            field.code()));
                }
            }
        }
        return errors;
    }

    private void check(List<? extends FormElement> elements, FormElement parent, FormDefinition form,
            AppDefinition app, Set<String> ids, Set<String> placed, List<FieldError> errors) {
        for (FormElement element : elements) {
            String at = element.id() == null ? "" : element.id();
            if (element.id() == null || !ID.matcher(element.id()).matches()) {
                errors.add(FieldError.of(at, "id", MessageKey.FORM_ELEMENT_ID));
            } else if (!ids.add(element.id())) {
                errors.add(FieldError.of(at, "duplicate", MessageKey.FORM_ELEMENT_DUPLICATE, at));
            }
            checkPlace(element, parent, at, errors);
            checkCondition(element.visibleWhen(), app, at, errors);
            checkCondition(element.readOnlyWhen(), app, at, errors);
            switch (element) {
                case FormElement.Field widget -> checkField(widget, app, at, placed, errors);
                case FormElement.Row row -> {
                    int total = 0;
                    for (var column : row.columns()) {
                        if (column.span() < 1 || column.span() > FormElement.Row.GRID) {
                            errors.add(FieldError.of(column.id(), "span", MessageKey.FORM_COLUMN_SPAN));
                        }
                        total += column.span();
                    }
                    if (total > FormElement.Row.GRID) {
                        errors.add(FieldError.of(at, "span", MessageKey.FORM_ROW_SPAN));
                    }
                }
                case FormElement.Tab tab when tab.label().isBlank() ->
                        errors.add(FieldError.of(at, "label", MessageKey.FORM_TAB_LABEL));
                case FormElement.RelatedList list -> checkRelatedList(list, app, at, errors);
                case FormElement.Button button when button.action() == null
                        || !ACTION.matcher(button.action()).matches() ->
                        errors.add(FieldError.of(at, "action", MessageKey.FORM_BUTTON_ACTION));
                default -> {
                }
            }
            check(element.children(), element, form, app, ids, placed, errors);
        }
    }

    private static void checkPlace(FormElement element, FormElement parent, String at, List<FieldError> errors) {
        boolean tab = element instanceof FormElement.Tab;
        boolean column = element instanceof FormElement.Column;
        if (tab != parent instanceof FormElement.Tabs) {
            errors.add(FieldError.of(at, "place", tab ? MessageKey.FORM_TAB_PLACE : MessageKey.FORM_TABS_CONTENT));
        }
        if (column != parent instanceof FormElement.Row) {
            errors.add(FieldError.of(at, "place",
                    column ? MessageKey.FORM_COLUMN_PLACE : MessageKey.FORM_ROW_CONTENT));
        }
    }

    private static void checkField(FormElement.Field widget, AppDefinition app, String at, Set<String> placed,
            List<FieldError> errors) {
        var field = app.field(widget.field());
        if (field.isEmpty()) {
            errors.add(FieldError.of(at, "field", MessageKey.FORM_FIELD_UNKNOWN, widget.field()));
        } else if (!placed.add(widget.field())) {
            errors.add(FieldError.of(at, "field", MessageKey.FORM_FIELD_TWICE, widget.field()));
        } else if (field.get().required() && widget.visibleWhen() != null) {
            errors.add(FieldError.of(at, "visibleWhen", MessageKey.FORM_REQUIRED_HIDDEN,
                    widget.field()));
        }
        if (field.isPresent() && widget.widget() != null && !widget.widget().fits(field.get())) {
            errors.add(FieldError.of(at, "widget", MessageKey.FORM_WIDGET_TYPE, widget.field(),
                    widget.widget().name().toLowerCase(java.util.Locale.ROOT)));
        }
    }

    private void checkRelatedList(FormElement.RelatedList list, AppDefinition app, String at,
            List<FieldError> errors) {
        var source = list.source() == null ? Optional.<AppDefinition>empty() : apps.apply(list.source());
        if (source.isEmpty()) {
            errors.add(FieldError.of(at, "source", MessageKey.FORM_RELATED_SOURCE));
            return;
        }
        var via = source.get().field(list.via());
        if (via.isEmpty() || via.get().type() != FieldType.REFERENCE || !app.ref().equals(via.get().target())) {
            errors.add(FieldError.of(at, "via", MessageKey.FORM_RELATED_VIA, list.via(),
                    String.valueOf(list.source()), app.ref().toString()));
        }
        for (String column : list.columns()) {
            if (source.get().field(column).isEmpty()) {
                errors.add(FieldError.of(at, "columns", MessageKey.APP_FIELD_UNKNOWN,
                        String.valueOf(list.source()), column));
            }
        }
    }

    private static void checkCondition(Condition condition, AppDefinition app, String at, List<FieldError> errors) {
        if (condition == null) {
            return;
        }
        for (String field : condition.fields()) {
            if (app.field(field).isEmpty()) {
                errors.add(FieldError.of(at, "condition", MessageKey.FORM_CONDITION_FIELD,
                        field));
            }
        }
    }
}
