package io.atrium.runtime.process.task.schema;

import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.MessageKey;
import io.atrium.platform.app.ValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks what a task is completed with against its Camunda Form, by the rules the form draws
 * ({@code required}, {@code min}/{@code max}, {@code minLength}/{@code maxLength}, {@code pattern},
 * e-mail and phone, the choices of selects and lists), on the server, whoever sends the values.
 */
public final class SchemaValidation {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{5,30}");

    private SchemaValidation() {
    }

    /**
     * The variables the task completes with: each input component's value (its default when none
     * is given), nothing else.
     *
     * @throws ValidationException naming every component whose value breaks its rules, and every
     *                             value no component of the form sets
     */
    public static Map<String, Object> check(FormSchema schema, Map<String, ?> given) {
        var errors = new ArrayList<FieldError>();
        var inputs = schema.inputs();
        for (String name : given.keySet()) {
            if (inputs.stream().noneMatch(c -> c.key().equals(name))) {
                errors.add(FieldError.of(name, "unknown", MessageKey.TASK_FIELD_NOT_ON_FORM, name));
            }
        }
        var out = new LinkedHashMap<String, Object>();
        for (FormComponent component : inputs) {
            Object value = given.containsKey(component.key()) ? given.get(component.key()) : component.defaultValue();
            if (component.readOnly()) {
                if (given.containsKey(component.key()) && !Objects.equals(value, component.defaultValue())) {
                    errors.add(FieldError.of(component.key(), "readOnly", MessageKey.FIELD_READ_ONLY));
                }
                continue;
            }
            if (empty(component, value)) {
                if (component.required()) {
                    errors.add(FieldError.of(component.key(), "required", MessageKey.VALUE_REQUIRED));
                } else if (given.containsKey(component.key())) {
                    out.put(component.key(), value);
                }
                continue;
            }
            int before = errors.size();
            Object normalized = normalize(component, value, errors);
            if (errors.size() == before) {
                out.put(component.key(), normalized);
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return out;
    }

    private static boolean empty(FormComponent component, Object value) {
        return value == null || value instanceof String s && s.isBlank()
                || value instanceof Collection<?> c && c.isEmpty()
                || component.kind() == FormComponent.Kind.CHECKBOX && Boolean.FALSE.equals(value) && component.required();
    }

    private static Object normalize(FormComponent component, Object value, List<FieldError> errors) {
        String key = component.key();
        return switch (component.kind()) {
            case TEXTFIELD, TEXTAREA -> text(component, value, errors);
            case NUMBER -> number(component, value, errors);
            case CHECKBOX -> {
                if (!(value instanceof Boolean)) {
                    errors.add(FieldError.of(key, "type", MessageKey.BOOLEAN_EXPECTED));
                }
                yield value;
            }
            case SELECT, RADIO -> choice(component, value, errors);
            case CHECKLIST, TAGLIST -> {
                if (!(value instanceof List<?> list)) {
                    errors.add(FieldError.of(key, "type", MessageKey.LIST_EXPECTED));
                    yield value;
                }
                list.forEach(v -> choice(component, v, errors));
                yield List.copyOf(list);
            }
            case DATETIME -> dateTime(component, value, errors);
            case TEXT, SEPARATOR, UNSUPPORTED -> value;
        };
    }

    private static Object text(FormComponent component, Object value, List<FieldError> errors) {
        String key = component.key();
        if (!(value instanceof String text)) {
            errors.add(FieldError.of(key, "type", MessageKey.TEXT_EXPECTED));
            return value;
        }
        int length = text.codePointCount(0, text.length());
        if (component.minLength() != null && length < component.minLength()) {
            errors.add(FieldError.of(key, "minLength", MessageKey.TEXT_MIN_LENGTH, component.minLength()));
        }
        if (component.maxLength() != null && length > component.maxLength()) {
            errors.add(FieldError.of(key, "maxLength", MessageKey.TEXT_MAX_LENGTH, component.maxLength()));
        }
        if (component.pattern() != null && !matches(component.pattern(), text)) {
            errors.add(FieldError.of(key, "pattern", MessageKey.TEXT_PATTERN, component.pattern()));
        }
        if ("email".equalsIgnoreCase(component.validationType()) && !EMAIL.matcher(text).matches()) {
            errors.add(FieldError.of(key, "format", MessageKey.EMAIL_FORMAT));
        }
        if ("phone".equalsIgnoreCase(component.validationType()) && !PHONE.matcher(text).matches()) {
            errors.add(FieldError.of(key, "format", MessageKey.PHONE_FORMAT));
        }
        return text;
    }

    /** As form-js tests a pattern: found anywhere in the value, as JavaScript's {@code RegExp.test} does. */
    private static boolean matches(String pattern, String text) {
        try {
            return Pattern.compile(pattern).matcher(text).find();
        } catch (PatternSyntaxException e) {
            return true; // a pattern Java cannot read is no reason to refuse what people typed
        }
    }

    private static Object number(FormComponent component, Object value, List<FieldError> errors) {
        String key = component.key();
        BigDecimal number;
        try {
            number = value instanceof Number n ? new BigDecimal(n.toString())
                    : value instanceof String s ? new BigDecimal(s.strip()) : null;
        } catch (NumberFormatException e) {
            number = null;
        }
        if (number == null) {
            errors.add(FieldError.of(key, "type", MessageKey.NUMBER_EXPECTED));
            return value;
        }
        if (component.min() != null && number.compareTo(component.min()) < 0) {
            errors.add(FieldError.of(key, "min", MessageKey.NUMBER_MIN, component.min().toPlainString()));
        }
        if (component.max() != null && number.compareTo(component.max()) > 0) {
            errors.add(FieldError.of(key, "max", MessageKey.NUMBER_MAX, component.max().toPlainString()));
        }
        if (number.stripTrailingZeros().scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
            return number.longValueExact();
        }
        return number.doubleValue();
    }

    private static Object choice(FormComponent component, Object value, List<FieldError> errors) {
        if (component.options().isEmpty()) {
            return value;
        }
        boolean known = component.options().stream().anyMatch(o -> Objects.equals(o.value(), value)
                || o.value() != null && value != null && o.value().toString().equals(value.toString()));
        if (!known) {
            errors.add(FieldError.of(component.key(), "choice", MessageKey.CHOICE_EXPECTED, String.join(", ",
                    component.options().stream().map(o -> String.valueOf(o.value())).toList())));
        }
        return value;
    }

    private static Object dateTime(FormComponent component, Object value, List<FieldError> errors) {
        String key = component.key();
        String text = value instanceof String s ? s.strip() : "";
        try {
            switch (component.subtype() == null ? "date" : component.subtype()) {
                case "time" -> {
                    try {
                        LocalTime.parse(text);
                    } catch (DateTimeParseException e) {
                        java.time.OffsetTime.parse(text);
                    }
                }
                case "datetime" -> {
                    try {
                        OffsetDateTime.parse(text);
                    } catch (DateTimeParseException e) {
                        LocalDateTime.parse(text);
                    }
                }
                default -> LocalDate.parse(text);
            }
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(key, "format", switch (component.subtype() == null ? "date" : component.subtype()) {
                case "time" -> MessageKey.TIME_FORMAT;
                case "datetime" -> MessageKey.DATE_TIME_FORMAT;
                default -> MessageKey.DATE_FORMAT;
            }));
        }
        return text;
    }
}
