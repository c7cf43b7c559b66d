package io.atrium.platform.form;

import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.FieldDefinition;
import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.MessageKey;
import io.atrium.platform.identity.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a form shows for given values and viewer: which elements are visible and, per field,
 * whether it is read-only and required. A hidden container hides everything inside it; a
 * read-only one makes everything inside read-only. Re-evaluate whenever a value changes.
 */
public final class FormState {

    /** How one field widget behaves right now. */
    public record FieldState(boolean visible, boolean readOnly, boolean required) {
    }

    private final Set<String> visible = new HashSet<>();
    private final Map<String, FieldState> fields = new HashMap<>();

    private FormState() {
    }

    /**
     * @param existing whether an item that already exists is shown (fields the app makes
     *                 read-only after creation are then read-only)
     */
    public static FormState evaluate(FormDefinition form, AppDefinition app, Map<String, ?> values, Set<Role> roles,
            boolean existing) {
        var state = new FormState();
        state.walk(form.elements(), app, values, roles, existing, true, false);
        return state;
    }

    private void walk(List<? extends FormElement> elements, AppDefinition app, Map<String, ?> values,
            Set<Role> roles, boolean existing, boolean parentVisible, boolean parentReadOnly) {
        for (FormElement element : elements) {
            boolean shown = parentVisible && (element.visibleWhen() == null
                    || element.visibleWhen().test(values, roles));
            boolean locked = parentReadOnly || element.readOnlyWhen() != null
                    && element.readOnlyWhen().test(values, roles);
            if (shown) {
                visible.add(element.id());
            }
            if (element instanceof FormElement.Field widget) {
                var field = app.field(widget.field());
                boolean fieldReadOnly = existing && field.map(FieldDefinition::readOnly).orElse(false);
                boolean readOnly = locked || widget.readOnly() || fieldReadOnly;
                boolean required = shown && !readOnly
                        && (widget.required() || field.map(FieldDefinition::required).orElse(false));
                fields.put(widget.field(), new FieldState(shown, readOnly, required));
            }
            walk(element.children(), app, values, roles, existing, shown, locked);
        }
    }

    /**
     * The changes a write through this form may make: those a person could have typed on it. A
     * field the form shows read-only for the stored values becomes writable only if other permitted
     * changes of the same write unlock it (as typing them first would have); a field that is its
     * own lock stays locked. The item API remains the authority on the app's own rules; this holds
     * the form's presentation rules on the server, whatever a browser sends.
     *
     * @param stored  the item's stored values (empty for a new item)
     * @param changes the values the write would set
     * @return the changes without those to fields the form keeps locked
     */
    public static Map<String, Object> permittedChanges(FormDefinition form, AppDefinition app,
            Map<String, ?> stored, Map<String, ?> changes, Set<Role> roles, boolean existing) {
        var permitted = new java.util.LinkedHashMap<String, Object>();
        boolean grew = true;
        while (grew) { // each round applies what is permitted so far; at most one round per change
            var values = new HashMap<String, Object>(stored);
            values.putAll(permitted);
            var state = evaluate(form, app, values, roles, existing);
            grew = false;
            for (var change : changes.entrySet()) {
                if (!permitted.containsKey(change.getKey()) && !state.lockedField(change.getKey())) {
                    permitted.put(change.getKey(), change.getValue());
                    grew = true;
                }
            }
        }
        return permitted;
    }

    private boolean lockedField(String code) {
        var state = fields.get(code);
        return state != null && state.readOnly();
    }

    public boolean isVisible(String elementId) {
        return visible.contains(elementId);
    }

    /** The state of a field on this form; empty when the form does not show the field at all. */
    public java.util.Optional<FieldState> field(String code) {
        return java.util.Optional.ofNullable(fields.get(code));
    }

    /**
     * What the form itself asks beyond the app's rules: a value for every visible field it marks
     * required. The app's own validation still applies to the whole item.
     */
    public List<FieldError> check(Map<String, ?> values) {
        var errors = new ArrayList<FieldError>();
        fields.forEach((code, state) -> {
            if (state.required() && new Condition.Empty(code).test(values, Set.of())) {
                errors.add(FieldError.of(code, "required", MessageKey.VALUE_REQUIRED));
            }
        });
        errors.sort(java.util.Comparator.comparing(FieldError::field));
        return errors;
    }
}
