package io.atrium.ui.apps;

import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.FieldDefinition;
import io.atrium.platform.app.FieldType;
import io.atrium.platform.app.ItemValidator;
import io.atrium.platform.app.ValidationException;
import io.atrium.platform.item.ItemFilter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The filters of an item list as they stand in its address, so a filtered list can be
 * bookmarked and shared: {@code ?q=text&f=kind:in:customer,lead&f=company:eq:<id>&f=due:range:2026-01-01,}.
 * Values are written as codes, ids, usernames and ISO dates; a comma or a percent sign inside a
 * value is escaped as {@code %2C} or {@code %25} (the address encodes the whole parameter again).
 * What comes back from an address is checked against the app; whatever does not fit is left out
 * and reported, never thrown.
 *
 * @param text       the full-text search, empty for none
 * @param conditions the field conditions, all of which must hold
 */
record ListFilterQuery(String text, List<Condition> conditions) {

    static final String TEXT = "q";
    static final String FILTER = "f";
    private static final int MAX_CONDITIONS = 20;
    private static final int MAX_TEXT = 200;
    private static final Set<FieldType> TEXTUAL = EnumSet.of(FieldType.STRING, FieldType.TEXT, FieldType.EMAIL,
            FieldType.PHONE);
    private static final ItemValidator VALIDATOR = new ItemValidator();

    ListFilterQuery {
        text = text == null ? "" : text.strip();
        conditions = List.copyOf(conditions);
    }

    static final ListFilterQuery EMPTY = new ListFilterQuery("", List.of());

    /** How a condition compares a field with its values. */
    enum Operator {
        /** equals the one value */
        EQ,
        /** equals one of the values */
        IN,
        /** lies between the first and the second value, inclusive; an empty side is open */
        RANGE,
        /** a text field contains the value, ignoring case */
        CONTAINS;

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One condition on one field; values in the address's form (codes, ids, ISO dates). */
    record Condition(String field, Operator operator, List<String> values) {
        Condition {
            values = List.copyOf(values);
        }
    }

    /** What an address held: the query that could be read, and the parts that were left out. */
    record Decoded(ListFilterQuery query, List<String> rejected) {
    }

    /** The operator a field is filtered by in the list, empty if the list does not filter by it. */
    static Optional<Operator> operatorFor(FieldDefinition field) {
        return Optional.ofNullable(switch (field.type()) {
            case CHOICE, STATUS -> Operator.IN;
            case REFERENCE, USER, BOOLEAN, NUMBER -> Operator.EQ;
            case DATE, DATE_TIME -> Operator.RANGE;
            case STRING, TEXT, EMAIL, PHONE -> Operator.CONTAINS;
            case MONEY, TABLE, FILE -> null;
        });
    }

    /** This query with the condition on a field replaced, or removed when {@code condition} is null. */
    /** Whether the query filters nothing: no search text and no condition. */
    boolean isEmpty() {
        return text.isEmpty() && conditions.isEmpty();
    }

    ListFilterQuery with(String field, Condition condition) {
        var next = new ArrayList<Condition>();
        conditions.stream().filter(c -> !c.field().equals(field)).forEach(next::add);
        if (condition != null) {
            next.add(condition);
        }
        return new ListFilterQuery(text, next);
    }

    ListFilterQuery withText(String value) {
        return new ListFilterQuery(value, conditions);
    }

    /** The query parameters that stand for this query, in the order of its conditions. */
    Map<String, List<String>> encode() {
        var parameters = new LinkedHashMap<String, List<String>>();
        if (!text.isEmpty()) {
            parameters.put(TEXT, List.of(text));
        }
        if (!conditions.isEmpty()) {
            parameters.put(FILTER, conditions.stream().map(c -> c.field() + ":" + c.operator().code() + ":"
                    + String.join(",", c.values().stream().map(ListFilterQuery::escape).toList())).toList());
        }
        return parameters;
    }

    /** Reads the query parameters of an address against the app; never throws on what it finds. */
    static Decoded decode(Map<String, List<String>> parameters, AppDefinition app) {
        var rejected = new ArrayList<String>();
        String text = parameters.getOrDefault(TEXT, List.of()).stream().findFirst().orElse("").strip();
        if (text.length() > MAX_TEXT || text.chars().anyMatch(Character::isISOControl)) {
            rejected.add(TEXT + "=" + abbreviate(text));
            text = "";
        }
        var conditions = new LinkedHashMap<String, Condition>();
        for (String raw : parameters.getOrDefault(FILTER, List.of())) {
            var condition = conditions.size() < MAX_CONDITIONS ? parse(raw, app) : Optional.<Condition>empty();
            if (condition.isPresent() && !conditions.containsKey(condition.get().field())) {
                conditions.put(condition.get().field(), condition.get());
            } else {
                rejected.add(abbreviate(raw));
            }
        }
        return new Decoded(new ListFilterQuery(text, List.copyOf(conditions.values())), rejected);
    }

    private static Optional<Condition> parse(String raw, AppDefinition app) {
        if (raw == null) {
            return Optional.empty();
        }
        String[] parts = raw.split(":", 3);
        if (parts.length != 3) {
            return Optional.empty();
        }
        var field = app.field(parts[0]).orElse(null);
        var expected = field == null ? Optional.<Operator>empty() : operatorFor(field);
        if (expected.isEmpty()) {
            return Optional.empty();
        }
        Operator operator;
        try {
            operator = Operator.valueOf(parts[1].toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // a single value may be written as "in" and several references or users as "in"
        boolean fits = operator == expected.get() || (operator == Operator.IN && expected.get() == Operator.EQ
                && field.type() != FieldType.BOOLEAN && field.type() != FieldType.NUMBER)
                || (operator == Operator.EQ && expected.get() == Operator.IN);
        if (!fits) {
            return Optional.empty();
        }
        var values = new ArrayList<String>();
        for (String value : parts[2].split(",", -1)) {
            values.add(unescape(value));
        }
        var condition = new Condition(field.code(), operator, values);
        return valid(field, condition) ? Optional.of(condition) : Optional.empty();
    }

    private static boolean valid(FieldDefinition field, Condition condition) {
        var values = condition.values();
        try {
            switch (condition.operator()) {
                case EQ -> {
                    if (values.size() != 1) {
                        return false;
                    }
                    VALIDATOR.filterValue(field, apiValue(field, values.getFirst()));
                }
                case IN -> {
                    if (values.isEmpty() || values.size() > 100) {
                        return false;
                    }
                    for (String value : values) {
                        VALIDATOR.filterValue(field, apiValue(field, value));
                    }
                }
                case RANGE -> {
                    if (values.size() != 2 || values.stream().allMatch(String::isEmpty)) {
                        return false;
                    }
                    for (String value : values) {
                        if (!value.isEmpty()) {
                            LocalDate.parse(value); // both dates and date-times are ranged by day
                        }
                    }
                    if (!values.get(0).isEmpty() && !values.get(1).isEmpty()
                            && LocalDate.parse(values.get(0)).isAfter(LocalDate.parse(values.get(1)))) {
                        return false;
                    }
                }
                case CONTAINS -> {
                    String text = values.size() == 1 ? values.getFirst().strip() : "";
                    if (text.isEmpty() || text.length() > MAX_TEXT || text.chars().anyMatch(Character::isISOControl)) {
                        return false;
                    }
                }
            }
            return true;
        } catch (ValidationException | DateTimeParseException | NumberFormatException e) {
            return false;
        }
    }

    /** An address value as the platform's filters take it (numbers and yes/no typed). */
    private static Object apiValue(FieldDefinition field, String value) {
        return switch (field.type()) {
            case NUMBER -> new BigDecimal(value);
            case BOOLEAN -> switch (value) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new NumberFormatException("yes/no expected: " + value);
            };
            default -> value;
        };
    }

    /**
     * The platform filter for this query. Date-time fields are ranged by whole days in the zone:
     * from the start of the first day to the end of the last.
     */
    ItemFilter toFilter(AppDefinition app, ZoneId zone) {
        var parts = new ArrayList<ItemFilter>();
        if (!text.isEmpty()) {
            parts.add(new ItemFilter.FullText(text));
        }
        for (Condition condition : conditions) {
            var field = app.field(condition.field()).orElseThrow();
            var values = condition.values();
            parts.add(switch (condition.operator()) {
                case EQ -> new ItemFilter.Equals(field.code(), apiValue(field, values.getFirst()));
                case IN -> new ItemFilter.In(field.code(), values.stream().map(v -> apiValue(field, v)).toList());
                case CONTAINS -> new ItemFilter.Contains(field.code(), values.getFirst());
                case RANGE -> field.type() == FieldType.DATE_TIME
                        ? new ItemFilter.Range(field.code(), startOf(values.get(0), zone), endOf(values.get(1), zone))
                        : new ItemFilter.Range(field.code(), blankAsNull(values.get(0)), blankAsNull(values.get(1)));
            });
        }
        return new ItemFilter.All(parts);
    }

    private static String startOf(String day, ZoneId zone) {
        return day.isEmpty() ? null : LocalDate.parse(day).atStartOfDay(zone).toOffsetDateTime().toString();
    }

    private static String endOf(String day, ZoneId zone) {
        return day.isEmpty() ? null : LocalDate.parse(day).plusDays(1).atStartOfDay(zone).minusNanos(1_000_000)
                .toOffsetDateTime().toString();
    }

    private static String blankAsNull(String value) {
        return value.isEmpty() ? null : value;
    }

    private static String escape(String value) {
        return value.replace("%", "%25").replace(",", "%2C");
    }

    /** Reverses {@link #escape} in one pass, so an escaped "%2C" stays text. */
    private static String unescape(String value) {
        var out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            String next = value.regionMatches(true, i, "%2C", 0, 3) ? "," : value.startsWith("%25", i) ? "%" : null;
            if (next != null) {
                out.append(next);
                i += 2;
            } else {
                out.append(value.charAt(i));
            }
        }
        return out.toString();
    }

    private static String abbreviate(String raw) {
        return raw.length() > 60 ? raw.substring(0, 60) + "…" : raw;
    }
}
