package io.atrium.runtime.process.task.schema;

import java.math.BigDecimal;
import java.util.List;

/**
 * One component of a Camunda Form (form-js schema) as the task inbox shows and checks it.
 *
 * @param kind         what it is; {@link Kind#UNSUPPORTED} keeps the schema's own type in {@code type}
 * @param type         the schema's type name, e.g. {@code textfield}
 * @param key          the variable it sets; null for components that set none (text, unsupported)
 * @param label        its label as drawn (a FEEL label is kept as written)
 * @param text         the text a text component shows; for an unsupported one, why it is not shown
 * @param subtype      for a datetime: {@code date}, {@code time} or {@code datetime}
 * @param options      the choices of a select, radio, checklist or taglist
 * @param readOnly     drawn disabled or read-only: shown, never set
 * @param validationType {@code email} or {@code phone} for a text field that checks it; null otherwise
 */
public record FormComponent(Kind kind, String type, String key, String label, String description, String text,
        Object defaultValue, boolean required, BigDecimal min, BigDecimal max, Integer minLength, Integer maxLength,
        String pattern, String validationType, String subtype, List<Option> options, boolean readOnly) {

    public FormComponent {
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** The kinds of component the inbox draws. */
    public enum Kind {
        TEXTFIELD, TEXTAREA, NUMBER, CHECKBOX, SELECT, RADIO, CHECKLIST, TAGLIST, DATETIME, TEXT, SEPARATOR,
        UNSUPPORTED;

        /** Whether a component of this kind sets a variable. */
        public boolean input() {
            return this != TEXT && this != SEPARATOR && this != UNSUPPORTED;
        }

        /** Whether the value is a list of choices. */
        public boolean many() {
            return this == CHECKLIST || this == TAGLIST;
        }
    }

    /** One choice: the value the variable gets and the label people see. */
    public record Option(Object value, String label) {
    }
}
