package io.atrium.ui.apps;

import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.FieldDefinition;
import io.atrium.platform.app.FieldType;
import io.atrium.platform.form.Condition;
import io.atrium.platform.form.FormJs;
import io.atrium.platform.identity.Role;
import io.atrium.ui.controls.RemoveButton;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * One condition, the way an analyst says it: always, or a field equals / is one of / is empty /
 * is not empty, or the viewer has a role. Combined conditions (from an imported form) are shown
 * as text and can be cleared.
 */
final class ConditionEditor extends VerticalLayout {

    /** ALWAYS: no condition. */
    enum Mode { ALWAYS, EQUALS, IN, EMPTY, NOT_EMPTY, ROLE }

    private final ComboBox<Mode> mode = new ComboBox<>();
    private final ComboBox<FieldDefinition> field = new ComboBox<>();
    private final TextField value = new TextField();
    private final MultiSelectComboBox<Role> roles = new MultiSelectComboBox<>();
    private final Consumer<Condition> onChange;
    private boolean loading;

    /** @param unconditional what having no condition means here, e.g. "always" or "never" */
    ConditionEditor(String label, String unconditional, String idPrefix, AppDefinition app, Locale locale,
            Condition condition, Consumer<Condition> onChange) {
        this.onChange = onChange;
        setPadding(false);
        setSpacing(false);
        mode.setLabel(label);
        mode.setId(idPrefix + "-mode");
        mode.setItems(Mode.values());
        mode.setItemLabelGenerator(m -> m == Mode.ALWAYS ? unconditional : getTranslation("condition." + m.name()));
        field.setId(idPrefix + "-field");
        field.setPlaceholder(getTranslation("condition.field"));
        field.setItems(app.fields().stream().filter(f -> f.type() != FieldType.TABLE).toList());
        field.setItemLabelGenerator(f -> f.name().in(locale) + " (" + f.code() + ")");
        value.setId(idPrefix + "-value");
        value.setPlaceholder(getTranslation("condition.value"));
        roles.setId(idPrefix + "-roles");
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        mode.setWidthFull();
        field.setWidthFull();
        value.setWidthFull();
        roles.setWidthFull();
        if (isSimple(condition)) {
            load(condition, app);
            add(mode, field, value, roles);
            mode.addValueChangeListener(e -> changed());
            field.addValueChangeListener(e -> changed());
            value.addValueChangeListener(e -> changed());
            roles.addValueChangeListener(e -> changed());
            showParts();
        } else {
            var text = new Span(label + ": =" + FormJs.expression(condition));
            var clear = new RemoveButton(getTranslation("condition.clearLabel", label), () -> onChange.accept(null))
                    .showingText(getTranslation("condition.clear")).explaining(getTranslation("condition.clearText"))
                    .confirmingWith(getTranslation("form.removeConfirm"));
            clear.setId(idPrefix + "-clear");
            clear.addThemeVariants(ButtonVariant.LUMO_SMALL);
            add(text, clear);
        }
    }

    private static boolean isSimple(Condition condition) {
        return condition == null || condition instanceof Condition.Equals || condition instanceof Condition.In
                || condition instanceof Condition.Empty || condition instanceof Condition.HasRole
                || condition instanceof Condition.Not(Condition.Empty e);
    }

    private void load(Condition condition, AppDefinition app) {
        loading = true;
        switch (condition) {
            case null -> mode.setValue(Mode.ALWAYS);
            case Condition.Equals e -> {
                mode.setValue(Mode.EQUALS);
                field.setValue(app.field(e.field()).orElse(null));
                value.setValue(String.valueOf(e.value()));
            }
            case Condition.In in -> {
                mode.setValue(Mode.IN);
                field.setValue(app.field(in.field()).orElse(null));
                value.setValue(String.join(", ", in.values().stream().map(String::valueOf).toList()));
            }
            case Condition.Empty e -> {
                mode.setValue(Mode.EMPTY);
                field.setValue(app.field(e.field()).orElse(null));
            }
            case Condition.Not(Condition.Empty e) -> {
                mode.setValue(Mode.NOT_EMPTY);
                field.setValue(app.field(e.field()).orElse(null));
            }
            case Condition.HasRole r -> {
                mode.setValue(Mode.ROLE);
                roles.setValue(r.roles());
            }
            default -> mode.setValue(Mode.ALWAYS);
        }
        loading = false;
    }

    private void showParts() {
        Mode m = mode.getValue() == null ? Mode.ALWAYS : mode.getValue();
        field.setVisible(m != Mode.ALWAYS && m != Mode.ROLE);
        value.setVisible(m == Mode.EQUALS || m == Mode.IN);
        roles.setVisible(m == Mode.ROLE);
    }

    private void changed() {
        showParts();
        if (loading) {
            return;
        }
        Condition condition = build();
        // incomplete conditions wait until the analyst has filled in what they need
        if (condition != null || mode.getValue() == null || mode.getValue() == Mode.ALWAYS) {
            onChange.accept(condition);
        }
    }

    private Condition build() {
        Mode m = mode.getValue() == null ? Mode.ALWAYS : mode.getValue();
        FieldDefinition f = field.getValue();
        return switch (m) {
            case ALWAYS -> null;
            case ROLE -> roles.getValue().isEmpty() ? null : new Condition.HasRole(roles.getValue());
            case EMPTY -> f == null ? null : new Condition.Empty(f.code());
            case NOT_EMPTY -> f == null ? null : new Condition.Not(new Condition.Empty(f.code()));
            case EQUALS -> f == null || value.isEmpty() ? null : new Condition.Equals(f.code(), typed(f, value.getValue()));
            case IN -> f == null || value.isEmpty() ? null : new Condition.In(f.code(), Arrays.stream(
                    value.getValue().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .map(s -> typed(f, s)).toList());
        };
    }

    /** What a typed value means for the field: numbers and yes/no as such, the rest as text. */
    private static Object typed(FieldDefinition field, String text) {
        String v = text.strip();
        return switch (field.type()) {
            case NUMBER -> {
                try {
                    var number = new java.math.BigDecimal(v);
                    yield number.scale() <= 0 ? (Object) number.longValueExact() : number.doubleValue();
                } catch (NumberFormatException | ArithmeticException e) {
                    yield v;
                }
            }
            case BOOLEAN -> Boolean.parseBoolean(v) || v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("да");
            default -> v;
        };
    }
}
