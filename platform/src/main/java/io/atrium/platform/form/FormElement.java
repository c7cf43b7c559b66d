package io.atrium.platform.form;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.FieldDefinition;
import io.atrium.platform.app.FieldType;
import io.atrium.platform.app.LocalizedText;
import java.util.List;
import java.util.Set;

/**
 * One element of a form's layout tree. Containers (tabs, blocks, rows and columns) hold other
 * elements; the rest show a field, a text, a list of related items or a button. Every element
 * has an id unique in its form, and may be shown or made read-only only under conditions.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = FormElement.Tabs.class, name = "tabs"),
        @JsonSubTypes.Type(value = FormElement.Tab.class, name = "tab"),
        @JsonSubTypes.Type(value = FormElement.Block.class, name = "block"),
        @JsonSubTypes.Type(value = FormElement.Row.class, name = "row"),
        @JsonSubTypes.Type(value = FormElement.Column.class, name = "column"),
        @JsonSubTypes.Type(value = FormElement.Field.class, name = "field"),
        @JsonSubTypes.Type(value = FormElement.Text.class, name = "text"),
        @JsonSubTypes.Type(value = FormElement.RelatedList.class, name = "related"),
        @JsonSubTypes.Type(value = FormElement.Button.class, name = "button")})
public sealed interface FormElement {

    String id();

    /** Shown only while this holds; null: always. */
    Condition visibleWhen();

    /** Read-only (with everything inside) while this holds; null: as the field says. */
    Condition readOnlyWhen();

    /**
     * An immutable copy of a list of parts; null reads as empty, but a null part is refused
     * (it would surface later as a crash while rendering or checking the form).
     */
    static <T> List<T> listOf(List<T> parts) {
        if (parts == null) {
            return List.of();
        }
        for (T part : parts) {
            if (part == null) {
                throw new IllegalArgumentException("a form element or column cannot be null");
            }
        }
        return List.copyOf(parts);
    }

    /** The elements inside; empty for elements that hold none. */
    default List<? extends FormElement> children() {
        return List.of();
    }

    /** Tabs; only one is shown at a time. */
    record Tabs(String id, List<Tab> tabs, Condition visibleWhen, Condition readOnlyWhen) implements FormElement {
        public Tabs {
            tabs = FormElement.listOf(tabs);
        }

        @Override
        public List<Tab> children() {
            return tabs;
        }
    }

    record Tab(String id, LocalizedText label, List<FormElement> elements, Condition visibleWhen,
            Condition readOnlyWhen) implements FormElement {
        public Tab {
            elements = FormElement.listOf(elements);
        }

        @Override
        public List<FormElement> children() {
            return elements;
        }
    }

    /** A titled group; a collapsible one can start collapsed. */
    record Block(String id, LocalizedText title, boolean collapsible, boolean collapsed, List<FormElement> elements,
            Condition visibleWhen, Condition readOnlyWhen) implements FormElement {
        public Block {
            elements = FormElement.listOf(elements);
        }

        @Override
        public List<FormElement> children() {
            return elements;
        }
    }

    /** Columns side by side; their spans add up to at most {@link #GRID}. */
    record Row(String id, List<Column> columns, Condition visibleWhen, Condition readOnlyWhen) implements FormElement {
        public static final int GRID = 12;

        public Row {
            columns = FormElement.listOf(columns);
        }

        @Override
        public List<Column> children() {
            return columns;
        }
    }

    /** @param span width in twelfths of the row */
    record Column(String id, int span, List<FormElement> elements, Condition visibleWhen, Condition readOnlyWhen)
            implements FormElement {
        public Column {
            elements = FormElement.listOf(elements);
        }

        @Override
        public List<FormElement> children() {
            return elements;
        }
    }

    /**
     * An input for one of the app's fields.
     *
     * @param label    replaces the field's name on this form; blank: the field's name
     * @param hint     help shown under the input
     * @param required a value is needed on this form, even if the app does not require one
     * @param readOnly shown, never changed on this form
     * @param widget   how the input looks where there is a choice (a choice as radio buttons rather
     *                 than a drop-down); null: the usual input of the field's type
     */
    record Field(String id, String field, LocalizedText label, LocalizedText hint, boolean required,
            boolean readOnly, Condition visibleWhen, Condition readOnlyWhen, Widget widget) implements FormElement {
        public Field {
            label = label == null ? LocalizedText.of("") : label;
            hint = hint == null ? LocalizedText.of("") : hint;
        }

        /** An input of the usual kind for the field's type. */
        public Field(String id, String field, LocalizedText label, LocalizedText hint, boolean required,
                boolean readOnly, Condition visibleWhen, Condition readOnlyWhen) {
            this(id, field, label, hint, required, readOnly, visibleWhen, readOnlyWhen, null);
        }

        /** The same input shown as the given widget. */
        public Field withWidget(Widget shownAs) {
            return new Field(id, field, label, hint, required, readOnly, visibleWhen, readOnlyWhen, shownAs);
        }
    }

    /**
     * The input a field is shown with when its type allows more than one, named as Camunda Forms
     * (form-js) name them, so an exchanged form keeps its look.
     */
    enum Widget {
        /** One line of text (STRING, TEXT). */
        TEXTFIELD(Set.of(FieldType.STRING, FieldType.TEXT)),
        /** Several lines of text (STRING, TEXT). */
        TEXTAREA(Set.of(FieldType.STRING, FieldType.TEXT)),
        /** A drop-down of one choice or state. */
        SELECT(Set.of(FieldType.CHOICE, FieldType.STATUS)),
        /** Radio buttons for one choice or state. */
        RADIO(Set.of(FieldType.CHOICE, FieldType.STATUS)),
        /** Check boxes for several choices. */
        CHECKLIST(Set.of(FieldType.CHOICE)),
        /** Tags picked from the choices. */
        TAGLIST(Set.of(FieldType.CHOICE));

        private final Set<FieldType> types;

        Widget(Set<FieldType> types) {
            this.types = types;
        }

        /** Whether a field can be shown this way; several choices need a checklist or a tag list. */
        public boolean fits(FieldDefinition definition) {
            if (!types.contains(definition.type())) {
                return false;
            }
            boolean many = this == CHECKLIST || this == TAGLIST;
            return definition.type() != FieldType.CHOICE || many == definition.multiple();
        }
    }

    /** Static text for people filling in the form. */
    record Text(String id, LocalizedText text, Condition visibleWhen, Condition readOnlyWhen) implements FormElement {
    }

    /**
     * The items of another app that point to this one, e.g. a company's deals on the company card.
     *
     * @param source  the app whose items are listed
     * @param via     the reference field of {@code source} that points to this form's app
     * @param columns fields of {@code source} to show
     */
    record RelatedList(String id, LocalizedText title, AppRef source, String via, List<String> columns,
            Condition visibleWhen, Condition readOnlyWhen) implements FormElement {
        public RelatedList {
            columns = FormElement.listOf(columns);
        }
    }

    /**
     * A button that runs an action. Actions are registered by other features (processes,
     * scripts) under a name such as {@code process:approve-offer}.
     */
    record Button(String id, LocalizedText label, String action, Condition visibleWhen, Condition readOnlyWhen)
            implements FormElement {
    }
}
