package io.atrium.platform.item.internal;

/**
 * What a listing is sorted by: the stored path and the kind of value found there. A cursor
 * carries a value of that kind and nothing else.
 *
 * @param field the field code the caller asked for ({@code createdAt}, {@code id}, …)
 * @param path  the stored path (money sorts by its amount, {@code createdAt} is {@code _createdAt})
 */
public record SortKey(String field, String path, Kind kind) {

    /** The stored value types a sort field holds; any of them may also be missing (null). */
    public enum Kind {
        /** Strings, and dates stored as ISO text ({@code 2026-11-22}), which sort as text. */
        TEXT,
        /** Whole numbers (int64) and decimals (double). */
        NUMBER,
        /** Instants stored as BSON dates. */
        INSTANT,
        BOOLEAN
    }
}
