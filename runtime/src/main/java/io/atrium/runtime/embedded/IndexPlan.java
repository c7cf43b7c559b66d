package io.atrium.runtime.embedded;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.h2.mvstore.Cursor;

/**
 * How one secondary index serves a query: equality (or {@code $in}) values on a prefix of its
 * fields, at most one range on the next field, and whether its order is the query's sort. An
 * index only narrows the candidates; every candidate is still matched against the whole query,
 * so a plan must find a superset of the matching documents and nothing more is assumed.
 */
final class IndexPlan {

    /** More equality combinations than this are not worth enumerating; the plan stops at fewer fields. */
    private static final int MAX_PREFIXES = 1_000;

    private final SecondaryIndex index;
    private final List<List<Object>> prefixes;
    private final Range range;
    private final boolean servesSort;
    private final boolean reverse;
    private final int orderFields;

    private IndexPlan(SecondaryIndex index, List<List<Object>> prefixes, Range range, boolean servesSort,
            boolean reverse, int orderFields) {
        this.index = index;
        this.prefixes = prefixes;
        this.range = range;
        this.servesSort = servesSort;
        this.reverse = reverse;
        this.orderFields = orderFields;
    }

    /** A range on one field; a missing end stops at the end of the other end's type bracket. */
    record Range(Object low, boolean lowInclusive, Object high, boolean highInclusive) {
    }

    SecondaryIndex index() {
        return index;
    }

    boolean servesSort() {
        return servesSort;
    }

    private int equalityFields() {
        return prefixes.getFirst().size();
    }

    private int score() {
        return equalityFields() * 4 + (range != null ? 2 : 0) + (servesSort ? 1 : 0);
    }

    /** The best plan among the indexes for this query, or null when none narrows it or gives its order. */
    static IndexPlan choose(List<SecondaryIndex> indexes, Document query, Document orderBy, int limit) {
        Map<String, Bounds> conditions = new HashMap<>();
        collect(query, conditions);
        IndexPlan best = null;
        for (SecondaryIndex index : indexes) {
            IndexPlan plan = plan(index, conditions, orderBy, limit);
            if (plan != null && (best == null || plan.score() > best.score())) {
                best = plan;
            }
        }
        return best;
    }

    private static IndexPlan plan(SecondaryIndex index, Map<String, Bounds> conditions, Document orderBy, int limit) {
        List<IndexKey> keys = index.getKeys();
        List<List<Object>> prefixes = List.of(List.of());
        Range range = null;
        for (IndexKey key : keys) {
            Bounds bounds = conditions.get(key.getKey());
            if (bounds == null) {
                break;
            }
            if (bounds.points != null) {
                if (index.sparse() && bounds.points.contains(null)) {
                    return null; // a sparse index lacks the documents without the field
                }
                if ((long) prefixes.size() * bounds.points.size() > MAX_PREFIXES) {
                    break;
                }
                List<List<Object>> longer = new ArrayList<>();
                for (List<Object> prefix : prefixes) {
                    for (Object point : distinct(bounds.points)) {
                        List<Object> extended = new ArrayList<>(prefix);
                        extended.add(point);
                        longer.add(extended);
                    }
                }
                if (longer.isEmpty()) { // $in: [] matches nothing
                    return new IndexPlan(index, List.of(List.of()), null, false, false, 0).empty();
                }
                prefixes = longer;
                continue;
            }
            if (bounds.low != null || bounds.high != null) {
                Object high = bounds.high;
                if (index.isMultikey() && bounds.low != null) {
                    high = null; // elements of one array may satisfy each end separately
                }
                range = new Range(bounds.low, bounds.lowInclusive, high, bounds.highInclusive);
            }
            break;
        }
        int equality = prefixes.getFirst().size();
        int[] order = sortOrder(index, orderBy, equality, prefixes.size());
        boolean constrained = equality > 0 || range != null;
        if (!constrained && (order == null || limit <= 0 || index.sparse())) {
            return null;
        }
        return new IndexPlan(index, prefixes, range, order != null, order != null && order[0] == 1,
                order != null ? order[1] : 0);
    }

    private boolean matchesNothing;

    private IndexPlan empty() {
        matchesNothing = true;
        return this;
    }

    /**
     * Whether the index order is the sort: the sort fields are index fields in order, starting at
     * or before the first field after the equalities, all in the index's direction or all against
     * it. Returns {reverse (0/1), the number of leading index fields that decide the order}.
     */
    private static int[] sortOrder(SecondaryIndex index, Document orderBy, int equality, int prefixCount) {
        if (orderBy == null || orderBy.isEmpty() || orderBy.containsKey("$natural") || index.isMultikey()
                || prefixCount != 1) {
            return null;
        }
        List<String> fields = index.getKeys().stream().map(IndexKey::getKey).toList();
        List<String> sort = new ArrayList<>(orderBy.keySet());
        int start = fields.indexOf(sort.getFirst());
        if (start < 0 || start > equality || start + sort.size() > fields.size()) {
            return null;
        }
        Boolean reverse = null;
        for (int i = 0; i < sort.size(); i++) {
            int field = start + i;
            if (!fields.get(field).equals(sort.get(i))) {
                return null;
            }
            if (field < equality) {
                continue; // a field with one value sorts either way
            }
            boolean ascending = ((Number) orderBy.get(sort.get(i))).intValue() > 0;
            boolean against = ascending == index.isDescending(field);
            if (reverse != null && reverse != against) {
                return null;
            }
            reverse = against;
        }
        return new int[] {Boolean.TRUE.equals(reverse) ? 1 : 0, start + sort.size()};
    }

    /** The positions of all candidates, each once, in no particular order. */
    Set<Object> positions(Runnable deadline) {
        Set<Object> positions = new LinkedHashSet<>();
        if (matchesNothing) {
            return positions;
        }
        for (List<Object> prefix : prefixes) {
            IndexEntry[] bounds = bounds(prefix);
            Cursor<IndexEntry, Boolean> cursor = index.scan(bounds[0], bounds[1], false);
            while (cursor.hasNext()) {
                deadline.run();
                positions.add(cursor.next().position());
            }
        }
        return positions;
    }

    /**
     * Hands the candidates over in sort order, ties in {@code positionOrder}; stops when the
     * consumer returns false. Only for a plan that {@link #servesSort()}.
     */
    void inOrder(Comparator<Object> positionOrder, Predicate<Object> consumer) {
        if (matchesNothing) {
            return;
        }
        IndexEntry[] bounds = bounds(prefixes.getFirst());
        Cursor<IndexEntry, Boolean> cursor = index.scan(bounds[0], bounds[1], reverse);
        List<Object> ties = new ArrayList<>();
        IndexEntry first = null;
        while (cursor.hasNext()) {
            IndexEntry entry = cursor.next();
            if (first != null && !entry.sameValues(first, orderFields)) {
                if (!emit(ties, positionOrder, consumer)) {
                    return;
                }
                ties.clear();
            }
            if (ties.isEmpty()) {
                first = entry;
            }
            ties.add(entry.position());
        }
        emit(ties, positionOrder, consumer);
    }

    private static boolean emit(List<Object> ties, Comparator<Object> order,
            Predicate<Object> consumer) {
        if (ties.size() > 1) {
            ties.sort(order);
        }
        for (Object position : ties) {
            if (!consumer.test(position)) {
                return false;
            }
        }
        return true;
    }

    private IndexEntry[] bounds(List<Object> prefix) {
        int mask = index.descendingMask();
        if (range == null) {
            return new IndexEntry[] {IndexEntry.bound(prefix, mask, -1), IndexEntry.bound(prefix, mask, 1)};
        }
        Object low = range.low() != null ? range.low() : new TypeFloor(TypeFloor.rank(range.high()));
        boolean lowInclusive = range.low() == null || range.lowInclusive();
        Object high = range.high() != null ? range.high() : new TypeFloor(TypeFloor.rank(range.low()) + 1);
        boolean highInclusive = range.high() != null && range.highInclusive();
        List<Object> lows = with(prefix, low);
        List<Object> highs = with(prefix, high);
        if (!index.isDescending(prefix.size())) {
            return new IndexEntry[] {IndexEntry.bound(lows, mask, lowInclusive ? -1 : 1),
                IndexEntry.bound(highs, mask, highInclusive ? 1 : -1)};
        }
        return new IndexEntry[] {IndexEntry.bound(highs, mask, highInclusive ? -1 : 1),
            IndexEntry.bound(lows, mask, lowInclusive ? 1 : -1)};
    }

    private static List<Object> with(List<Object> prefix, Object value) {
        List<Object> values = new ArrayList<>(prefix);
        values.add(value);
        return values;
    }

    private static List<Object> distinct(List<Object> values) {
        List<Object> result = new ArrayList<>();
        for (Object value : values) {
            if (result.stream().noneMatch(known -> IndexEntry.compareValues(known, value) == 0)) {
                result.add(value);
            }
        }
        return result;
    }

    /** The stages of this plan as MongoDB's explain shows them: FETCH over IXSCAN. */
    Document describe(Document filter) {
        Document bounds = new Document();
        List<IndexKey> keys = index.getKeys();
        for (int i = 0; i < keys.size(); i++) {
            List<String> intervals = new ArrayList<>();
            if (matchesNothing) {
                intervals = List.of();
            } else if (i < equalityFields()) {
                for (List<Object> prefix : prefixes) {
                    String point = String.valueOf(prefix.get(i));
                    String interval = "[" + point + ", " + point + "]";
                    if (!intervals.contains(interval)) {
                        intervals.add(interval);
                    }
                }
            } else if (i == equalityFields() && range != null) {
                intervals.add((range.low() != null && range.lowInclusive() ? "[" : "(")
                        + (range.low() != null ? range.low() : "-inf") + ", "
                        + (range.high() != null ? range.high() : "inf")
                        + (range.high() != null && range.highInclusive() ? "]" : ")"));
            } else {
                intervals.add("[MinKey, MaxKey]");
            }
            bounds.put(keys.get(i).getKey(), intervals);
        }
        Document scan = new Document("stage", "IXSCAN")
                .append("keyPattern", index.describeKeys())
                .append("indexName", index.getName())
                .append("isMultiKey", index.isMultikey())
                .append("isUnique", false)
                .append("isSparse", index.sparse())
                .append("isPartial", false)
                .append("indexVersion", 2)
                .append("direction", reverse ? "backward" : "forward")
                .append("indexBounds", bounds);
        Document fetch = new Document("stage", "FETCH");
        if (filter != null && !filter.isEmpty()) {
            fetch.append("filter", filter);
        }
        return fetch.append("inputStage", scan);
    }

    // --- the conditions of a query, per field, that an index can use ---

    private static void collect(Document query, Map<String, Bounds> conditions) {
        for (Map.Entry<String, Object> clause : query.entrySet()) {
            String field = clause.getKey();
            if (field.equals("$and") && clause.getValue() instanceof Collection<?> parts) {
                for (Object part : parts) {
                    if (part instanceof Document document) {
                        collect(document, conditions);
                    }
                }
            } else if (!field.startsWith("$")) {
                conditions.computeIfAbsent(field, f -> new Bounds()).add(clause.getValue());
            }
        }
    }

    /** What the clauses on one field imply; anything not understood is left to the matcher. */
    private static final class Bounds {
        List<Object> points;
        Object low;
        boolean lowInclusive;
        Object high;
        boolean highInclusive;

        void add(Object clause) {
            if (clause instanceof Document operators && !operators.isEmpty()
                    && operators.keySet().iterator().next().startsWith("$")) {
                for (Map.Entry<String, Object> operator : operators.entrySet()) {
                    Object value = operator.getValue();
                    switch (operator.getKey()) {
                        case "$eq" -> {
                            if (TypeFloor.isPointValue(value)) {
                                points(Collections.singletonList(value));
                            }
                        }
                        case "$in" -> {
                            if (value instanceof Collection<?> values && values.stream().allMatch(TypeFloor::isPointValue)) {
                                points(new ArrayList<>(values));
                            }
                        }
                        case "$gt" -> lower(value, false);
                        case "$gte" -> lower(value, true);
                        case "$lt" -> upper(value, false);
                        case "$lte" -> upper(value, true);
                        default -> {
                            // left to the matcher
                        }
                    }
                }
            } else if (TypeFloor.isPointValue(clause)) {
                points(Collections.singletonList(clause));
            }
        }

        private void points(List<Object> values) {
            if (points == null || values.size() < points.size()) {
                points = values;
            }
        }

        private void lower(Object value, boolean inclusive) {
            if (!TypeFloor.isRangeValue(value) || (high != null && TypeFloor.rank(high) != TypeFloor.rank(value))) {
                return;
            }
            if (low == null || TypeFloor.rank(low) == TypeFloor.rank(value)
                    && IndexEntry.compareValues(value, low) > 0) {
                low = value;
                lowInclusive = inclusive;
            }
        }

        private void upper(Object value, boolean inclusive) {
            if (!TypeFloor.isRangeValue(value) || (low != null && TypeFloor.rank(low) != TypeFloor.rank(value))) {
                return;
            }
            if (high == null || TypeFloor.rank(high) == TypeFloor.rank(value)
                    && IndexEntry.compareValues(value, high) < 0) {
                high = value;
                highInclusive = inclusive;
            }
        }
    }
}
