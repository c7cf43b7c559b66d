package io.atrium.platform.item.internal;

import com.mongodb.client.model.Filters;
import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.FieldDefinition;
import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.MessageKey;
import io.atrium.platform.app.FieldType;
import io.atrium.platform.app.PhoneNumbers;
import io.atrium.platform.app.ItemValidator;
import io.atrium.platform.app.ValidationException;
import io.atrium.platform.item.ItemFilter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Turns the typed filter model into a MongoDB query for one app. Field names are checked
 * against the app and values converted by the field's type, so user input never becomes query
 * syntax.
 */
public final class FilterTranslation {

    private static final Set<FieldType> TEXTUAL = EnumSet.of(FieldType.STRING, FieldType.TEXT, FieldType.EMAIL,
            FieldType.PHONE);
    private static final int MAX_TEXT = 200;

    private final AppDefinition app;
    private final ItemValidator validator = new ItemValidator();

    public FilterTranslation(AppDefinition app) {
        this.app = app;
    }

    public Bson toBson(ItemFilter filter) {
        return switch (filter) {
            case ItemFilter.Equals eq -> equalsFilter(eq.field(), eq.value());
            case ItemFilter.In in -> {
                var field = field(in.field());
                var values = new ArrayList<Object>();
                in.values().forEach(v -> values.add(validator.filterValue(field, v)));
                yield Filters.in(path(field), values);
            }
            case ItemFilter.Range range -> rangeFilter(range);
            case ItemFilter.Contains contains -> {
                var field = field(contains.field());
                if (!TEXTUAL.contains(field.type())) {
                    throw invalid(field.code(), MessageKey.FILTER_CONTAINS_TYPE);
                }
                // phones are stored compact: "+7 912" finds +79123456789
                String text = field.type() == FieldType.PHONE ? PhoneNumbers.withoutSeparators(contains.text())
                        : contains.text();
                yield Filters.regex(field.code(), literal(text), "i");
            }
            case ItemFilter.Empty empty -> {
                var field = field(empty.field());
                Bson missing = Filters.or(Filters.eq(path(field), null), Filters.size(path(field), 0));
                yield empty.empty() ? missing : Filters.nor(missing);
            }
            case ItemFilter.FullText text -> {
                var clauses = app.fields().stream().filter(f -> TEXTUAL.contains(f.type()))
                        .map(f -> Filters.regex(f.code(), literal(text.text()), "i")).toList();
                yield clauses.isEmpty() ? Filters.eq("_id", new Document("$exists", false)) : Filters.or(clauses);
            }
            case ItemFilter.All all -> all.filters().isEmpty() ? new Document()
                    : Filters.and(all.filters().stream().map(this::toBson).toList());
            case ItemFilter.Any any -> any.filters().isEmpty() ? new Document()
                    : Filters.or(any.filters().stream().map(this::toBson).toList());
        };
    }

    /** What a field sorts by: its stored path and the kind of value stored there. */
    public SortKey sortKey(String code) {
        return switch (code) {
            case "createdAt" -> new SortKey(code, ItemCollections.CREATED_AT, SortKey.Kind.INSTANT);
            case "updatedAt" -> new SortKey(code, ItemCollections.UPDATED_AT, SortKey.Kind.INSTANT);
            case "id" -> new SortKey(code, "_id", SortKey.Kind.TEXT);
            default -> {
                var field = field(code);
                if (field.type() == FieldType.TABLE || field.multiple()) {
                    throw invalid(code, MessageKey.FILTER_SORT_TYPE);
                }
                yield new SortKey(code, path(field), switch (field.type()) {
                    case NUMBER, MONEY -> SortKey.Kind.NUMBER; // money sorts by its amount, a double
                    case DATE_TIME -> SortKey.Kind.INSTANT;
                    case BOOLEAN -> SortKey.Kind.BOOLEAN;
                    // dates are stored as ISO text; the rest are strings, choices and ids by code
                    case STRING, TEXT, DATE, CHOICE, USER, REFERENCE, FILE, PHONE, EMAIL, STATUS -> SortKey.Kind.TEXT;
                    case TABLE -> throw invalid(code, MessageKey.FILTER_SORT_TYPE);
                });
            }
        };
    }

    /** The stored path a field sorts and compares by. */
    public String sortPath(String code) {
        return sortKey(code).path();
    }

    private Bson equalsFilter(String code, Object value) {
        if ("createdBy".equals(code) || "updatedBy".equals(code)) {
            return Filters.eq("_" + code, String.valueOf(value));
        }
        var field = field(code);
        if (field.type() == FieldType.MONEY) {
            return Filters.eq(code + ".value", ((Map<?, ?>) validator.filterValue(field, value)).get("value"));
        }
        return Filters.eq(code, validator.filterValue(field, value));
    }

    private Bson rangeFilter(ItemFilter.Range range) {
        if ("createdAt".equals(range.field()) || "updatedAt".equals(range.field())) {
            var asDate = FieldDefinition.of(range.field(), FieldType.DATE_TIME);
            return bounds(sortPath(range.field()), range.from() == null ? null : validator.filterValue(asDate,
                    range.from()), range.to() == null ? null : validator.filterValue(asDate, range.to()));
        }
        var field = field(range.field());
        if (!EnumSet.of(FieldType.NUMBER, FieldType.MONEY, FieldType.DATE, FieldType.DATE_TIME, FieldType.STRING)
                .contains(field.type())) {
            throw invalid(field.code(), MessageKey.FILTER_RANGE_TYPE);
        }
        Object from = range.from() == null ? null : comparable(field, range.from());
        Object to = range.to() == null ? null : comparable(field, range.to());
        return bounds(path(field), from, to);
    }

    private static Bson bounds(String path, Object from, Object to) {
        var clauses = new ArrayList<Bson>();
        if (from != null) {
            clauses.add(Filters.gte(path, from));
        }
        if (to != null) {
            clauses.add(Filters.lte(path, to));
        }
        return clauses.isEmpty() ? new Document() : Filters.and(clauses);
    }

    /** Money compares by amount: a bound may be a bare number. */
    private Object comparable(FieldDefinition field, Object raw) {
        if (field.type() == FieldType.MONEY) {
            var amountOnly = FieldDefinition.of(field.code(), FieldType.NUMBER);
            Object value = raw instanceof Map<?, ?> m ? m.get("amount") : raw;
            if (value instanceof String s) {
                try {
                    value = new java.math.BigDecimal(s.strip());
                } catch (NumberFormatException e) {
                    throw invalid(field.code(), MessageKey.FILTER_DECIMAL_EXPECTED);
                }
            }
            return ((Number) validator.filterValue(amountOnly, value)).doubleValue();
        }
        return validator.filterValue(field, raw);
    }

    private FieldDefinition field(String code) {
        return app.field(code).orElseThrow(() -> invalid(code, MessageKey.APP_FIELD_UNKNOWN, app.ref().toString(), code));
    }

    private static String path(FieldDefinition field) {
        return field.type() == FieldType.MONEY ? field.code() + ".value" : field.code();
    }

    /** A regular expression that matches the text literally. */
    private static String literal(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw invalid("", MessageKey.SEARCH_TEXT_LENGTH, MAX_TEXT);
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw invalid("", MessageKey.SEARCH_TEXT_CONTROL);
        }
        var escaped = new StringBuilder();
        for (char c : text.strip().toCharArray()) {
            if ("\\^$.|?*+()[]{}/-".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    private static ValidationException invalid(String field, MessageKey message, Object... arguments) {
        return new ValidationException(List.of(FieldError.of(field, "filter", message, arguments)));
    }

}
