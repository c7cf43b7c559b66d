package io.atrium.platform.item;

import java.util.List;

/**
 * The typed filter model: the only way users, the API and scripts select items. Values are
 * given as in the API (JSON) and converted by the field's type; nothing here is a raw
 * MongoDB query.
 */
public sealed interface ItemFilter {

    /** The field equals the value (for list fields: contains it). */
    record Equals(String field, Object value) implements ItemFilter {
    }

    /** The field equals one of the values. */
    record In(String field, List<?> values) implements ItemFilter {
    }

    /** The field lies between {@code from} and {@code to}, inclusive; either may be null (open). */
    record Range(String field, Object from, Object to) implements ItemFilter {
    }

    /** A text field contains the text, ignoring case. */
    record Contains(String field, String text) implements ItemFilter {
    }

    /** The field has no value ({@code empty = true}) or has one ({@code false}). */
    record Empty(String field, boolean empty) implements ItemFilter {
    }

    /** Any text field contains the text, ignoring case. */
    record FullText(String text) implements ItemFilter {
    }

    /** All of the filters hold. */
    record All(List<ItemFilter> filters) implements ItemFilter {
    }

    /** At least one of the filters holds. */
    record Any(List<ItemFilter> filters) implements ItemFilter {
    }

    /** Every item. */
    ItemFilter NONE = new All(List.of());
}
