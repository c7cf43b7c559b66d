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
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{5,15}");
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._@-]{1,100}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int DATE_TEXT_MAX = 64;
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    Optional<Object> normalize(FieldDefinition field, Object raw, String path, List<FieldError> errors) {
        if (field.multiple()) {
            if (!(raw instanceof List<?> list)) {
                errors.add(new FieldError(path, "type", "a list of values is expected"));
                return Optional.empty();
            }
            if (list.size() > LIST_MAX) {
                errors.add(new FieldError(path, "maxItems", "at most " + LIST_MAX + " values are allowed"));
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
            case BOOLEAN -> raw instanceof Boolean b ? b : fail(errors, path, "type", "true or false is expected");
            case CHOICE -> choice(field, raw, path, errors);
            case STATUS -> status(field, raw, path, errors);
            case USER -> pattern(raw, USERNAME, path, errors, "a username is expected");
            case REFERENCE, FILE -> pattern(raw, ID, path, errors, "an id is expected");
            case EMAIL -> email(raw, path, errors);
            case PHONE -> phone(raw, path, errors);
            case TABLE -> table(field, raw, path, errors);
        };
        return errors.size() == before && value != null ? Optional.of(value) : Optional.empty();
    }

    private static Object fail(List<FieldError> errors, String path, String code, String message) {
        errors.add(new FieldError(path, code, message));
        return null;
    }

    private static Object text(Object raw, int max, String path, List<FieldError> errors) {
        if (!(raw instanceof String s)) {
            return fail(errors, path, "type", "text is expected");
        }
        if (s.length() > max) {
            return fail(errors, path, "maxLength", "at most " + max + " characters are allowed");
        }
        return s;
    }

    private static Object number(Object raw, String path, List<FieldError> errors) {
        BigDecimal n = decimal(raw);
        if (n == null) {
            return fail(errors, path, "type", "a number is expected");
        }
        String tooLarge = outOfBounds(n, NUMBER_FRACTION_MAX);
        if (tooLarge != null) {
            return fail(errors, path, "range", tooLarge);
        }
        n = n.stripTrailingZeros();
        return n.scale() <= 0 ? (Object) n.longValueExact() : (Object) n.doubleValue();
    }

    /**
     * Why a decimal is too large or too fine to keep, or null. Checked before anything expands it:
     * {@code 1e2147483647} is a few bytes of JSON but billions of digits as plain text.
     */
    private static String outOfBounds(BigDecimal n, int fractionMax) {
        if (n.scale() < -INTEGER_DIGITS_MAX || n.scale() > MAX_PLAIN_DIGITS) {
            return "at most " + INTEGER_DIGITS_MAX + " digits before and " + fractionMax + " after the point";
        }
        BigDecimal plain = n.stripTrailingZeros();
        if (plain.precision() - plain.scale() > INTEGER_DIGITS_MAX || plain.scale() > fractionMax) {
            return "at most " + INTEGER_DIGITS_MAX + " digits before and " + fractionMax + " after the point";
        }
        return null;
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
            return fail(errors, path, "type", "an object with amount and currency is expected");
        }
        BigDecimal amount = decimalOrText(map.get("amount"));
        if (amount == null) {
            return fail(errors, path + ".amount", "type", "a decimal amount of at most " + NUMBER_TEXT_MAX
                    + " characters is expected");
        }
        String tooLarge = outOfBounds(amount, MONEY_FRACTION_MAX);
        if (tooLarge != null) {
            return fail(errors, path + ".amount", "range", tooLarge);
        }
        if (!(map.get("currency") instanceof String currency) || !CURRENCY.matcher(currency).matches()) {
            return fail(errors, path + ".currency", "format", "a three-letter ISO 4217 code, e.g. EUR, is expected");
        }
        for (Object key : map.keySet()) {
            if (!"amount".equals(key) && !"currency".equals(key)) {
                return fail(errors, path + "." + key, "unknown", "money has only amount and currency");
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
            return fail(errors, path, "format", "a date like 2026-11-22 is expected");
        }
    }

    private static Object dateTime(Object raw, String path, List<FieldError> errors) {
        if (raw instanceof Date date) {
            return date;
        }
        if (!(raw instanceof String s) || s.length() > DATE_TEXT_MAX) {
            return fail(errors, path, "format", "a date and time like 2026-11-22T10:15:00Z is expected");
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                instant = Instant.parse(s);
            } catch (DateTimeParseException again) {
                return fail(errors, path, "format", "a date and time like 2026-11-22T10:15:00Z is expected");
            }
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            return fail(errors, path, "range", "a date and time between the years 1 and 9999 is expected");
        }
        return Date.from(instant);
    }

    private static Object choice(FieldDefinition field, Object raw, String path, List<FieldError> errors) {
        if (raw instanceof String s && field.options().stream().anyMatch(o -> o.code().equals(s))) {
            return s;
        }
        return fail(errors, path, "choice", "one of " + field.options().stream()
                .map(FieldDefinition.ChoiceOption::code).toList() + " is expected");
    }

    private static Object status(FieldDefinition field, Object raw, String path, List<FieldError> errors) {
        if (raw instanceof String s && field.status() != null
                && field.status().states().stream().anyMatch(o -> o.code().equals(s))) {
            return s;
        }
        return fail(errors, path, "choice", "a state of " + (field.status() == null ? List.of()
                : field.status().states().stream().map(FieldDefinition.ChoiceOption::code).toList()) + " is expected");
    }

    private static Object pattern(Object raw, Pattern pattern, String path, List<FieldError> errors, String message) {
        return raw instanceof String s && pattern.matcher(s).matches() ? s : fail(errors, path, "format", message);
    }

    private static Object email(Object raw, String path, List<FieldError> errors) {
        if (raw instanceof String s && EMAIL.matcher(s.strip()).matches()) {
            String trimmed = s.strip();
            int at = trimmed.lastIndexOf('@');
            return trimmed.substring(0, at + 1) + trimmed.substring(at + 1).toLowerCase(Locale.ROOT);
        }
        return fail(errors, path, "format", "an e-mail address like ann@example.com is expected");
    }

    /** Keeps digits and a leading +; spaces, dashes, dots and brackets people type are dropped. */
    private static Object phone(Object raw, String path, List<FieldError> errors) {
        if (raw instanceof String s) {
            String compact = s.strip().replaceAll("[\\s().-]", "");
            if (PHONE.matcher(compact).matches()) {
                return compact;
            }
        }
        return fail(errors, path, "format", "a phone number like +7 912 345-67-89 is expected");
    }

    private Object table(FieldDefinition field, Object raw, String path, List<FieldError> errors) {
        if (!(raw instanceof List<?> rows)) {
            return fail(errors, path, "type", "a list of rows is expected");
        }
        if (rows.size() > LIST_MAX) {
            return fail(errors, path, "maxItems", "at most " + LIST_MAX + " rows are allowed");
        }
        var columns = new AppDefinition(new AppRef("table", "rows"), null, field.columns());
        var out = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < rows.size(); i++) {
            String rowPath = path + "[" + i + "]";
            if (!(rows.get(i) instanceof Map<?, ?> row)) {
                fail(errors, rowPath, "type", "a row object is expected");
                continue;
            }
            @SuppressWarnings("unchecked")
            var cells = (Map<String, Object>) row;
            for (String key : cells.keySet()) {
                if (columns.field(key).isEmpty()) {
                    errors.add(new FieldError(rowPath + "." + key, "unknown", "'" + key + "' is not a column"));
                }
            }
            var stored = new LinkedHashMap<String, Object>();
            for (FieldDefinition column : field.columns()) {
                Object cell = cells.get(column.code());
                if (ItemValidator.isEmpty(cell)) {
                    if (column.required()) {
                        errors.add(new FieldError(rowPath + "." + column.code(), "required", "a value is required"));
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
