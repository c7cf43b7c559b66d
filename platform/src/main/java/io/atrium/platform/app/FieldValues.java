package io.atrium.platform.app;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns one JSON value into the stored form of a field's type, or records why it cannot. */
final class FieldValues {

    static final int STRING_MAX = 1_000;
    static final int TEXT_MAX = 100_000;
    /** Values of a multiple field, and rows of a table. */
    static final int LIST_MAX = 1_000;
    /** Numbers: what fits a long before the point; money keeps at most six decimals. */
    static final int INTEGER_DIGITS_MAX = 18;
    static final int NUMBER_FRACTION_MAX = 20;
    static final int MONEY_FRACTION_MAX = 6;
    private static final int MAX_PLAIN_DIGITS = 64;
    private static final int NUMBER_TEXT_MAX = 64;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._@-]{1,100}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int DATE_TEXT_MAX = 64;
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    Optional<Object> normalize(FieldDefinition field, Object raw, String path, List<FieldError> errors) {
        if (field.multiple()) {
            if (!(raw instanceof List<?> list)) {
                errors.add(FieldError.of(path, "type", MessageKey.VALUE_LIST_EXPECTED));
                return Optional.empty();
            }
            if (list.size() > LIST_MAX) {
                errors.add(FieldError.of(path, "maxItems", MessageKey.VALUE_MAX_ITEMS, LIST_MAX));
                return Optional.empty();
            }
            var out = new LinkedHashSet<Object>();
            int before = errors.size();
            for (int i = 0; i < list.size(); i++) {
                single(field, list.get(i), path + "[" + i + "]", errors).ifPresent(out::add);
            }
            return errors.size() == before ? Optional.of(List.copyOf(out)) : Optional.empty();
        }
        return single(field, raw, path, errors);
    }

    private Optional<Object> single(FieldDefinition field, Object raw, String path, List<FieldError> errors) {
        int before = errors.size();
        Object value = switch (field.type()) {
            case STRING -> text(raw, field.maxLength() != null ? field.maxLength() : STRING_MAX, path, errors);
            case TEXT -> text(raw, field.maxLength() != null ? field.maxLength() : TEXT_MAX, path, errors);
            case NUMBER -> number(raw, path, errors);
            case MONEY -> money(raw, path, errors);
            case DATE -> date(raw, path, errors);
            case DATE_TIME -> dateTime(raw, path, errors);
            case BOOLEAN -> raw instanceof Boolean b ? b : fail(errors, path, "type", MessageKey.BOOLEAN_EXPECTED);
            case CHOICE -> choice(field, raw, path, errors);
            case STATUS -> status(field, raw, path, errors);
            case USER -> pattern(raw, USERNAME, path, errors, MessageKey.USERNAME_EXPECTED);
            case REFERENCE, FILE -> pattern(raw, ID, path, errors, MessageKey.ID_EXPECTED);
            case EMAIL -> email(raw, path, errors);
            case PHONE -> phone(raw, path, errors);
            case TABLE -> table(field, raw, path, errors);
        };
        return errors.size() == before && value != null ? Optional.of(value) : Optional.empty();
    }

    private static Object fail(List<FieldError> errors, String path, String code, MessageKey message,
            Object... arguments) {
        errors.add(FieldError.of(path, code, message, arguments));
        return null;
    }

    private static Object text(Object raw, int max, String path, List<FieldError> errors) {
        if (!(raw instanceof String s)) {
            return fail(errors, path, "type", MessageKey.TEXT_EXPECTED);
        }
        if (s.length() > max) {
            return fail(errors, path, "maxLength", MessageKey.TEXT_MAX_LENGTH, max);
        }
        return s;
    }

    private static Object number(Object raw, String path, List<FieldError> errors) {
        BigDecimal n = decimal(raw);
        if (n == null) {
            return fail(errors, path, "type", MessageKey.NUMBER_EXPECTED);
        }
        if (outOfBounds(n, NUMBER_FRACTION_MAX)) {
            return fail(errors, path, "range", MessageKey.NUMBER_DIGITS, INTEGER_DIGITS_MAX, NUMBER_FRACTION_MAX);
        }
        n = n.stripTrailingZeros();
        return n.scale() <= 0 ? (Object) n.longValueExact() : (Object) n.doubleValue();
    }

    /**
     * Whether a decimal is too large or too fine to keep. Checked before anything expands it:
     * {@code 1e2147483647} is a few bytes of JSON but billions of digits as plain text.
     */
    private static boolean outOfBounds(BigDecimal n, int fractionMax) {
        if (n.scale() < -INTEGER_DIGITS_MAX || n.scale() > MAX_PLAIN_DIGITS) {
            return true;
        }
        BigDecimal plain = n.stripTrailingZeros();
        if (plain.precision() - plain.scale() > INTEGER_DIGITS_MAX || plain.scale() > fractionMax) {
            return true;
        }
        return false;
    }

    private static BigDecimal decimal(Object raw) {
        if (raw instanceof Number number && !(raw instanceof Double d && (d.isNaN() || d.isInfinite()))
                && !(raw instanceof Float f && (f.isNaN() || f.isInfinite()))) {
            String text = number.toString();
            return text.length() > NUMBER_TEXT_MAX ? null : new BigDecimal(text);
        }
        return null;
    }

    /** A decimal given as a number or, for money, as exact text of bounded length. */
    private static BigDecimal decimalOrText(Object raw) {
        if (raw instanceof String s && s.strip().length() <= NUMBER_TEXT_MAX) {
            try {
                return new BigDecimal(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return decimal(raw);
    }

    /** Money is {@code {"amount": 12.5 | "12.50", "currency": "EUR"}}; the amount is kept as exact text. */
    private static Object money(Object raw, String path, List<FieldError> errors) {
        if (!(raw instanceof Map<?, ?> map)) {
            return fail(errors, path, "type", MessageKey.MONEY_OBJECT_EXPECTED);
        }
        BigDecimal amount = decimalOrText(map.get("amount"));
        if (amount == null) {
            return fail(errors, path + ".amount", "type", MessageKey.MONEY_AMOUNT_EXPECTED, NUMBER_TEXT_MAX);
        }
        if (outOfBounds(amount, MONEY_FRACTION_MAX)) {
            return fail(errors, path + ".amount", "range", MessageKey.NUMBER_DIGITS, INTEGER_DIGITS_MAX,
                    MONEY_FRACTION_MAX);
        }
        if (!(map.get("currency") instanceof String currency) || !CURRENCY.matcher(currency).matches()) {
            return fail(errors, path + ".currency", "format", MessageKey.CURRENCY_FORMAT);
        }
        for (Object key : map.keySet()) {
            if (!"amount".equals(key) && !"currency".equals(key)) {
                return fail(errors, path + "." + key, "unknown", MessageKey.MONEY_UNKNOWN_PART);
            }
        }
        var stored = new LinkedHashMap<String, Object>();
        stored.put("amount", amount.toPlainString());
        stored.put("currency", currency);
        stored.put("value", amount.doubleValue()); // for sorting and ranges
        return stored;
    }

    private static Object date(Object raw, String path, List<FieldError> errors) {
        try {
            if (!(raw instanceof String s) || s.length() > DATE_TEXT_MAX) {
                throw new DateTimeParseException("not a date", String.valueOf(raw), 0);
            }
            return LocalDate.parse(s).toString();
        } catch (DateTimeParseException e) {
            return fail(errors, path, "format", MessageKey.DATE_FORMAT);
        }
    }

    private static Object dateTime(Object raw, String path, List<FieldError> errors) {
        if (raw instanceof Date date) {
            return date;
        }
        if (!(raw instanceof String s) || s.length() > DATE_TEXT_MAX) {
            return fail(errors, path, "format", MessageKey.DATE_TIME_FORMAT);
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                instant = Instant.parse(s);
            } catch (DateTimeParseException again) {
                return fail(errors, path, "format", MessageKey.DATE_TIME_FORMAT);
            }
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            return fail(errors, path, "range", MessageKey.DATE_TIME_RANGE);
        }
        return Date.from(instant);
    }

    private static Object choice(FieldDefinition field, Object raw, String path, List<FieldError> errors) {
        if (raw instanceof String s && field.options().stream().anyMatch(o -> o.code().equals(s))) {
            return s;
        }
        return fail(errors, path, "choice", MessageKey.CHOICE_EXPECTED, String.join(", ", field.options().stream()
                .map(FieldDefinition.ChoiceOption::code).toList()));
    }

    private static Object status(FieldDefinition field, Object raw, String path, List<FieldError> errors) {
        if (raw instanceof String s && field.status() != null
                && field.status().states().stream().anyMatch(o -> o.code().equals(s))) {
            return s;
        }
        return fail(errors, path, "choice", MessageKey.STATE_EXPECTED, String.join(", ", field.status() == null
                ? List.<String>of() : field.status().states().stream().map(FieldDefinition.ChoiceOption::code).toList()));
    }

    private static Object pattern(Object raw, Pattern pattern, String path, List<FieldError> errors, MessageKey message) {
        return raw instanceof String s && pattern.matcher(s).matches() ? s : fail(errors, path, "format", message);
    }

    private static Object email(Object raw, String path, List<FieldError> errors) {
        if (raw instanceof String s && EMAIL.matcher(s.strip()).matches()) {
            String trimmed = s.strip();
            int at = trimmed.lastIndexOf('@');
            return trimmed.substring(0, at + 1) + trimmed.substring(at + 1).toLowerCase(Locale.ROOT);
        }
        return fail(errors, path, "format", MessageKey.EMAIL_FORMAT);
    }

    /** Keeps digits and a leading +; spaces, dashes, dots and brackets people type are dropped. */
    private static Object phone(Object raw, String path, List<FieldError> errors) {
        if (raw instanceof String s) {
            var compact = PhoneNumbers.compact(s);
            if (compact.isPresent()) {
                return compact.get();
            }
        }
        return fail(errors, path, "format", MessageKey.PHONE_FORMAT);
    }

    private Object table(FieldDefinition field, Object raw, String path, List<FieldError> errors) {
        if (!(raw instanceof List<?> rows)) {
            return fail(errors, path, "type", MessageKey.ROWS_EXPECTED);
        }
        if (rows.size() > LIST_MAX) {
            return fail(errors, path, "maxItems", MessageKey.ROWS_MAX_ITEMS, LIST_MAX);
        }
        var columns = new AppDefinition(new AppRef("table", "rows"), null, field.columns());
        var out = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < rows.size(); i++) {
            String rowPath = path + "[" + i + "]";
            if (!(rows.get(i) instanceof Map<?, ?> row)) {
                fail(errors, rowPath, "type", MessageKey.ROW_OBJECT_EXPECTED);
                continue;
            }
            @SuppressWarnings("unchecked")
            var cells = (Map<String, Object>) row;
            for (String key : cells.keySet()) {
                if (columns.field(key).isEmpty()) {
                    errors.add(FieldError.of(rowPath + "." + key, "unknown", MessageKey.COLUMN_UNKNOWN, key));
                }
            }
            var stored = new LinkedHashMap<String, Object>();
            for (FieldDefinition column : field.columns()) {
                Object cell = cells.get(column.code());
                if (ItemValidator.isEmpty(cell)) {
                    if (column.required()) {
                        errors.add(FieldError.of(rowPath + "." + column.code(), "required", MessageKey.VALUE_REQUIRED));
                    }
                    continue;
                }
                normalize(column, cell, rowPath + "." + column.code(), errors)
                        .ifPresent(v -> stored.put(column.code(), v));
            }
            out.add(stored);
        }
        return out;
    }
}
