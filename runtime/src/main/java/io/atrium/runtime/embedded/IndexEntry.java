package io.atrium.runtime.embedded;

import de.bwaldvogel.mongo.backend.ValueComparator;
import java.util.List;

/**
 * One key of a secondary index in its MVStore map: the document's values for the index's fields,
 * then the document's position, so equal values sort in one run and every entry is distinct.
 * Values compare as MongoDB orders them ({@link ValueComparator}), a descending field reversed.
 * Bound entries ({@code bound} −1 or +1, no position) only delimit scans: they sort before or
 * after every entry that starts with their values.
 *
 * @param descending bit {@code i} set when field {@code i} is descending
 */
record IndexEntry(List<Object> values, Object position, int descending, int bound) implements Comparable<IndexEntry> {

    static IndexEntry of(List<Object> values, Object position, int descending) {
        return new IndexEntry(values, position, descending, 0);
    }

    static IndexEntry bound(List<Object> values, int descending, int bound) {
        return new IndexEntry(values, null, descending, bound);
    }

    @Override
    public int compareTo(IndexEntry other) {
        int shared = Math.min(values.size(), other.values.size());
        for (int i = 0; i < shared; i++) {
            int cmp = compareValues(values.get(i), other.values.get(i));
            if (cmp != 0) {
                return (descending & (1 << i)) != 0 ? -cmp : cmp;
            }
        }
        if (values.size() != other.values.size()) {
            // only a bound is shorter than an entry: it stands before or after all entries it prefixes
            return values.size() < other.values.size() ? (bound < 0 ? -1 : 1) : (other.bound < 0 ? 1 : -1);
        }
        int cmp = Integer.compare(bound, other.bound);
        if (cmp != 0 || bound != 0) {
            return cmp;
        }
        return ValueComparator.asc().compare(position, other.position);
    }

    static int compareValues(Object a, Object b) {
        if (a instanceof TypeFloor floor) {
            return b instanceof TypeFloor other ? Integer.compare(floor.rank(), other.rank())
                    : (TypeFloor.rank(b) < floor.rank() ? 1 : -1);
        }
        if (b instanceof TypeFloor) {
            return -compareValues(b, a);
        }
        return ValueComparator.asc().compare(a, b);
    }

    /** Whether the two entries hold equal values in their first {@code count} fields. */
    boolean sameValues(IndexEntry other, int count) {
        for (int i = 0; i < count; i++) {
            if (compareValues(values.get(i), other.values.get(i)) != 0) {
                return false;
            }
        }
        return true;
    }
}
