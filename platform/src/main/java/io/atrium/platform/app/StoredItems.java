package io.atrium.platform.app;

import java.util.Collection;

/**
 * What publishing needs to know about items already stored, and the changes it may make to
 * them. The item store implements it.
 */
public interface StoredItems {

    /** Whether any item (deleted ones included) holds a value for the field. */
    boolean anyHasValue(AppRef app, String field);

    /** Whether any item (deleted ones included) has no value for the field. */
    boolean anyLacksValue(AppRef app, String field);

    /** Whether any item holds a value of the field (or an element of it) outside {@code allowed}. */
    boolean anyHasValueOutside(AppRef app, String field, Collection<String> allowed);

    /** Whether any item holds a text value of the field longer than {@code length}. */
    boolean anyLongerThan(AppRef app, String field, int length);

    /** Gives every item without a value for the field the given stored value. */
    long fillMissing(AppRef app, String field, Object storedValue);

    /** Creates the indexes the definition asks for; a unique index over duplicates is refused. */
    void ensureIndexes(AppDefinition definition);
}
