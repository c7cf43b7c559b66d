package io.atrium.platform.app;

/** The kinds of value a field holds. Each type decides which JSON values it accepts. */
public enum FieldType {
    STRING,
    TEXT,
    NUMBER,
    /** An amount with a currency: {@code {"amount": "12.50", "currency": "EUR"}}. */
    MONEY,
    /** A calendar date, ISO 8601 {@code 2026-11-22}. */
    DATE,
    /** An instant, ISO 8601 with offset {@code 2026-11-22T10:15:00Z}. */
    DATE_TIME,
    /** Yes or no. */
    BOOLEAN,
    /** One value (or several) from a fixed list. */
    CHOICE,
    /** A platform user, by username. */
    USER,
    /** An item of another app (or several), by id. */
    REFERENCE,
    /** A stored file, by id. */
    FILE,
    PHONE,
    EMAIL,
    /** A state from a list, changed only along allowed transitions. */
    STATUS,
    /** Sub-rows, each with its own fields. */
    TABLE;

    /** Whether a field of this type may hold a list of values instead of one. */
    public boolean allowsMultiple() {
        return this == CHOICE || this == REFERENCE || this == USER || this == FILE;
    }
}
