package io.atrium.ui.apps;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.FieldCode;
import io.atrium.platform.app.FieldDefinition;
import io.atrium.platform.app.FieldDefinition.ChoiceOption;
import io.atrium.platform.app.FieldDefinition.StatusModel;
import io.atrium.platform.app.FieldType;
import io.atrium.platform.app.LocalizedText;
import io.atrium.ui.controls.Focus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The properties panel of the app designer: edits one field and hands back a new definition
 * on every change. Lists are typed one entry per line, e.g. {@code vip = VIP | ВИП}. The code
 * of a new field follows its name until the analyst types a code of their own.
 */
final class FieldProperties extends FormLayout {

    private final TextField code = new TextField();
    private final TextField nameEn = new TextField();
    private final TextField nameRu = new TextField();
    private final Checkbox required = new Checkbox();
    private final Checkbox unique = new Checkbox();
    private final Checkbox indexed = new Checkbox();
    private final Checkbox readOnly = new Checkbox();
    private final Checkbox multiple = new Checkbox();
    private final TextField defaultValue = new TextField();
    private final TextArea options = new TextArea();
    private final ComboBox<AppRef> target = new ComboBox<>();
    private final TextField initial = new TextField();
    private final TextArea transitions = new TextArea();
    private final TextArea columns = new TextArea();
    private final IntegerField maxLength = new IntegerField();
    private final Supplier<Set<String>> otherCodes;
    private FieldType type;
    private boolean loading;
    private boolean codeFollowsName;

    /**
     * @param apps       the apps a reference may point to, with their names in the analyst's language
     * @param otherCodes the codes of the app's other fields, which a code made from the name avoids
     */
    FieldProperties(java.util.Map<AppRef, String> apps, Supplier<Set<String>> otherCodes,
            Consumer<FieldDefinition> changed, java.util.function.Function<String, String> t) {
        this.otherCodes = otherCodes;
        setResponsiveSteps(new ResponsiveStep("0", 1));
        code.setLabel(t.apply("designer.code"));
        code.setId("field-code");
        nameEn.setLabel(t.apply("designer.nameEn"));
        nameEn.setId("field-name-en");
        nameRu.setLabel(t.apply("designer.nameRu"));
        nameRu.setId("field-name-ru");
        required.setLabel(t.apply("designer.required"));
        required.setId("field-required");
        unique.setLabel(t.apply("designer.unique"));
        indexed.setLabel(t.apply("designer.indexed"));
        readOnly.setLabel(t.apply("designer.readOnly"));
        multiple.setLabel(t.apply("designer.multiple"));
        defaultValue.setLabel(t.apply("designer.default"));
        options.setLabel(t.apply("designer.options"));
        options.setId("field-options");
        options.setHelperText(t.apply("designer.optionsHelp"));
        target.setLabel(t.apply("designer.target"));
        target.setId("field-target");
        target.setItems(apps.keySet());
        target.setItemLabelGenerator(ref -> apps.getOrDefault(ref, ref.code()) + " (" + ref + ")");
        initial.setLabel(t.apply("designer.initial"));
        transitions.setLabel(t.apply("designer.transitions"));
        transitions.setHelperText(t.apply("designer.transitionsHelp"));
        columns.setLabel(t.apply("designer.columns"));
        columns.setHelperText(t.apply("designer.columnsHelp"));
        maxLength.setLabel(t.apply("designer.maxLength"));
        add(new H4(t.apply("designer.properties")), code, nameEn, nameRu, required, unique, indexed, readOnly,
                multiple, defaultValue, options, target, initial, transitions, columns, maxLength);
        code.addValueChangeListener(e -> codeFollowsName &= !e.isFromClient()); // before the designer hears of it
        for (var field : List.of(code, defaultValue, initial)) {
            field.addValueChangeListener(e -> fire(changed));
        }
        for (var name : List.of(nameEn, nameRu)) {
            name.setValueChangeMode(ValueChangeMode.LAZY); // the code follows as the name is typed
            name.addValueChangeListener(e -> {
                followName();
                fire(changed);
            });
        }
        for (var box : List.of(required, unique, indexed, readOnly, multiple)) {
            box.addValueChangeListener(e -> fire(changed));
        }
        options.addValueChangeListener(e -> fire(changed));
        transitions.addValueChangeListener(e -> fire(changed));
        columns.addValueChangeListener(e -> fire(changed));
        target.addValueChangeListener(e -> fire(changed));
        maxLength.addValueChangeListener(e -> fire(changed));
        setVisible(false);
    }

    private void fire(Consumer<FieldDefinition> changed) {
        if (!loading) {
            changed.accept(definition());
        }
    }

    /** The code is made from the English name, or the Russian one while there is none. */
    private void followName() {
        if (codeFollowsName && !loading) {
            loading = true;
            String name = nameEn.getValue().isBlank() ? nameRu.getValue() : nameEn.getValue();
            code.setValue(FieldCode.suggest(name, otherCodes.get()));
            loading = false;
        }
    }

    /** @param codeFollowsName the field is new and its code was never typed: it follows the name */
    void show(FieldDefinition field, boolean codeFollowsName) {
        this.codeFollowsName = codeFollowsName;
        loading = true;
        type = field.type();
        code.setValue(nz(field.code()));
        nameEn.setValue(field.name().en());
        nameRu.setValue(field.name().ru());
        required.setValue(field.required());
        unique.setValue(field.unique());
        indexed.setValue(field.indexed());
        readOnly.setValue(field.readOnly());
        multiple.setValue(field.multiple());
        defaultValue.setValue(field.defaultValue() == null ? "" : field.defaultValue().toString());
        var list = type == FieldType.STATUS && field.status() != null ? field.status().states() : field.options();
        options.setValue(list.stream().map(o -> o.code() + (o.name().isBlank() ? "" : " = " + o.name().en()
                + (o.name().ru().isEmpty() ? "" : " | " + o.name().ru()))).collect(Collectors.joining("\n")));
        target.setValue(field.target());
        initial.setValue(field.status() == null ? "" : nz(field.status().initial()));
        transitions.setValue(field.status() == null ? "" : field.status().transitions().entrySet().stream()
                .map(e -> e.getKey() + " -> " + String.join(", ", e.getValue())).collect(Collectors.joining("\n")));
        columns.setValue(field.columns().stream().map(c -> c.code() + ": " + c.type().name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining("\n")));
        maxLength.setValue(field.maxLength());
        boolean choice = type == FieldType.CHOICE || type == FieldType.STATUS;
        options.setVisible(choice);
        target.setVisible(type == FieldType.REFERENCE);
        initial.setVisible(type == FieldType.STATUS);
        transitions.setVisible(type == FieldType.STATUS);
        columns.setVisible(type == FieldType.TABLE);
        multiple.setVisible(type.allowsMultiple());
        maxLength.setVisible(type == FieldType.STRING || type == FieldType.TEXT);
        setVisible(true);
        loading = false;
    }

    /** Whether the code still follows the name, or was typed. */
    boolean codeFollowsName() {
        return codeFollowsName;
    }

    /** Puts the keyboard into the name in the UI's language, selected, so the analyst types it straight away. */
    void focusName(Locale locale) {
        Focus.withTextSelected("ru".equals(locale.getLanguage()) ? nameRu : nameEn);
    }

    FieldDefinition definition() {
        var list = parseOptions(options.getValue());
        StatusModel status = type == FieldType.STATUS
                ? new StatusModel(list, initial.getValue().isBlank() ? null : initial.getValue().strip(),
                        parseTransitions(transitions.getValue()))
                : null;
        Object defaults = defaultValue.getValue().isBlank() ? null : defaultValue.getValue().strip();
        if (defaults != null && type == FieldType.NUMBER) {
            try {
                defaults = new java.math.BigDecimal((String) defaults);
            } catch (NumberFormatException keepText) {
                // reported by the definition validator
            }
        } else if (defaults != null && type == FieldType.BOOLEAN) {
            defaults = Boolean.parseBoolean((String) defaults);
        }
        return new FieldDefinition(code.getValue().strip(), type, new LocalizedText(nameEn.getValue(), nameRu.getValue()),
                required.getValue(), unique.getValue(), indexed.getValue(), readOnly.getValue(), defaults,
                multiple.isVisible() && multiple.getValue(), type == FieldType.CHOICE ? list : null,
                type == FieldType.REFERENCE ? target.getValue() : null, status,
                type == FieldType.TABLE ? parseColumns(columns.getValue()) : null,
                maxLength.isVisible() ? maxLength.getValue() : null);
    }

    static List<ChoiceOption> parseOptions(String text) {
        var list = new ArrayList<ChoiceOption>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("=", 2);
            String codePart = parts[0].strip();
            String[] names = parts.length > 1 ? parts[1].split("\\|", 2) : new String[] {codePart};
            list.add(new ChoiceOption(codePart, new LocalizedText(names[0], names.length > 1 ? names[1] : "")));
        }
        return list;
    }

    static Map<String, List<String>> parseTransitions(String text) {
        var map = new LinkedHashMap<String, List<String>>();
        for (String line : text.split("\n")) {
            String[] parts = line.split("->", 2);
            if (parts.length == 2 && !parts[0].isBlank()) {
                map.put(parts[0].strip(), java.util.Arrays.stream(parts[1].split(",")).map(String::strip)
                        .filter(s -> !s.isEmpty()).toList());
            }
        }
        return map;
    }

    static List<FieldDefinition> parseColumns(String text) {
        var list = new ArrayList<FieldDefinition>();
        for (String line : text.split("\n")) {
            String[] parts = line.split(":", 2);
            if (parts.length == 2 && !parts[0].isBlank()) {
                try {
                    list.add(FieldDefinition.of(parts[0].strip(),
                            FieldType.valueOf(parts[1].strip().toUpperCase(Locale.ROOT).replace('-', '_'))));
                } catch (IllegalArgumentException e) {
                    list.add(FieldDefinition.of(parts[0].strip(), null)); // reported as a missing type
                }
            }
        }
        return list;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

}
