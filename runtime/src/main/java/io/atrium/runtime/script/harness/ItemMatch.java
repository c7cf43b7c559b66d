package io.atrium.runtime.script.harness;

import io.atrium.platform.item.Item;
import io.atrium.platform.item.ItemFilter;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;

/**
 * The typed filter model evaluated on values in memory, as close to the platform's translation
 * as values without field types allow: numbers compare as numbers, text and ISO dates as text,
 * a list field equals a value it contains. Empty is no value, an empty text or an empty list.
 */
final class ItemMatch {

    private ItemMatch() {
    }

    static boolean matches(ItemFilter filter, Map<String, Object> values) {
        return switch (filter) {
            case ItemFilter.All all -> all.filters().stream().allMatch(f -> matches(f, values));
            case ItemFilter.Any any -> any.filters().stream().anyMatch(f -> matches(f, values));
            case ItemFilter.Equals eq -> equalsOrContains(values.get(eq.field()), eq.value());
            case ItemFilter.In in -> in.values().stream().anyMatch(v -> equalsOrContains(values.get(in.field()), v));
            case ItemFilter.Range range -> inRange(values.get(range.field()), range.from(), range.to());
            case ItemFilter.Contains contains -> values.get(contains.field()) instanceof String text
                    && lower(text).contains(lower(contains.text()));
            case ItemFilter.Empty empty -> isEmpty(values.get(empty.field())) == empty.empty();
            case ItemFilter.FullText full -> full.text().isBlank() || values.values().stream()
                    .anyMatch(v -> containsText(v, lower(full.text())));
        };
    }

    /** Sorted by the field, or by when they were created or updated; ties by id, as the platform breaks them. */
    static Comparator<Item> order(String sortField) {
        Comparator<Item> by = switch (sortField) {
            case "createdAt" -> Comparator.comparing(Item::createdAt);
            case "updatedAt" -> Comparator.comparing(Item::updatedAt);
            default -> (a, b) -> compareNullsFirst(a.values().get(sortField), b.values().get(sortField));
        };
        return by.thenComparing(Item::id);
    }

    private static boolean equalsOrContains(Object actual, Object expected) {
        if (actual instanceof Collection<?> list) {
            return list.stream().anyMatch(v -> same(v, expected));
        }
        return same(actual, expected);
    }

    private static boolean same(Object actual, Object expected) {
        if (actual instanceof Number a && expected instanceof Number b) {
            return decimal(a).compareTo(decimal(b)) == 0;
        }
        return actual != null && actual.equals(expected);
    }

    private static boolean inRange(Object actual, Object from, Object to) {
        if (actual == null) {
            return false;
        }
        return (from == null || compare(actual, from) >= 0) && (to == null || compare(actual, to) <= 0);
    }

    private static int compareNullsFirst(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return compare(a, b);
    }

    /** Numbers by value, anything else by its text; a number and a text never meet in one field of a real app. */
    private static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return decimal(x).compareTo(decimal(y));
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    private static boolean isEmpty(Object value) {
        return value == null || (value instanceof String text && text.isEmpty())
                || (value instanceof Collection<?> list && list.isEmpty());
    }

    private static boolean containsText(Object value, String text) {
        if (value instanceof String s) {
            return lower(s).contains(text);
        }
        return value instanceof Collection<?> list && list.stream().anyMatch(v -> containsText(v, text));
    }

    private static BigDecimal decimal(Number number) {
        return new BigDecimal(number.toString());
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
