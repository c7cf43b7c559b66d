package io.atrium.runtime.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.CannotIndexParallelArraysError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * A non-unique (single-field or compound) index of the stand-in, kept in an MVStore map of the
 * same store as the documents so both change in one commit. Arrays are indexed per element
 * (multikey). The library never asks it to serve a query ({@link #canHandle} is false): the
 * stand-in's {@link IndexPlan} chooses and scans it.
 */
final class SecondaryIndex extends Index<Object> {

    private static final String MULTIKEY = "multikey";

    private final MVMap<IndexEntry, Boolean> entries;
    private final MVMap<String, Object> info;
    private final List<String[]> paths;
    private final int descending;

    SecondaryIndex(String name, List<IndexKey> keys, boolean sparse, MVMap<IndexEntry, Boolean> entries,
            MVMap<String, Object> info) {
        super(name, keys, sparse);
        this.entries = entries;
        this.info = info;
        this.paths = keys.stream().map(key -> key.getKey().split("\\.", -1)).toList();
        int mask = 0;
        for (int i = 0; i < keys.size(); i++) {
            mask |= keys.get(i).isAscending() ? 0 : 1 << i;
        }
        this.descending = mask;
    }

    int descendingMask() {
        return descending;
    }

    boolean isDescending(int field) {
        return (descending & (1 << field)) != 0;
    }

    boolean sparse() {
        return isSparse();
    }

    /** Whether some document ever had an array on an indexed path; such an index cannot give a sort order. */
    boolean isMultikey() {
        return Boolean.TRUE.equals(info.get(MULTIKEY));
    }

    /** The stored entries from {@code from} to {@code to} (both bounds), in index order or reversed. */
    Cursor<IndexEntry, Boolean> scan(IndexEntry from, IndexEntry to, boolean reverse) {
        return reverse ? entries.cursor(to, from, true) : entries.cursor(from, to, false);
    }

    /** The entries a document has in this index; empty for a sparse index and a document without its fields. */
    NavigableSet<IndexEntry> entriesOf(Document document, Object position) {
        NavigableSet<IndexEntry> result = new TreeSet<>();
        if (isSparse() && paths.stream().noneMatch(path -> hasValue(document, path, 0))) {
            return result;
        }
        List<List<Object>> perField = new ArrayList<>(paths.size());
        Set<String> arrayPaths = new LinkedHashSet<>();
        for (String[] path : paths) {
            List<Object> values = new ArrayList<>();
            StringBuilder firstArray = new StringBuilder();
            collect(document, path, 0, values, firstArray);
            if (!firstArray.isEmpty()) {
                arrayPaths.add(firstArray.toString());
            }
            perField.add(values);
        }
        if (arrayPaths.size() > 1) {
            throw new CannotIndexParallelArraysError(arrayPaths);
        }
        if (!arrayPaths.isEmpty() && !isMultikey()) {
            info.put(MULTIKEY, Boolean.TRUE);
        }
        combine(perField, 0, new ArrayList<>(), position, result);
        return result;
    }

    private void combine(List<List<Object>> perField, int field, List<Object> chosen, Object position,
            Set<IndexEntry> result) {
        if (field == perField.size()) {
            result.add(IndexEntry.of(new ArrayList<>(chosen), position, descending));
            return;
        }
        for (Object value : perField.get(field)) {
            chosen.add(value);
            combine(perField, field + 1, chosen, position, result);
            chosen.removeLast();
        }
    }

    /**
     * The values at {@code path}, as the matcher finds them: through arrays of subdocuments and
     * array positions, every element of a final array, and null wherever the path ends early
     * (so a query for null finds documents without the field).
     */
    private static void collect(Object node, String[] path, int depth, List<Object> out, StringBuilder firstArray) {
        if (depth == path.length) {
            if (node instanceof Collection<?> array) {
                markArray(path, depth, firstArray);
                if (array.isEmpty()) {
                    out.add(List.of());
                }
                for (Object element : array) {
                    out.add(normalize(element));
                    if (element instanceof Collection<?>) {
                        out.addAll(((Collection<?>) element).stream().map(SecondaryIndex::normalize).toList());
                    }
                }
            } else {
                out.add(normalize(node));
            }
            return;
        }
        switch (node) {
            case Document document when document.containsKey(path[depth]) ->
                    collect(document.get(path[depth]), path, depth + 1, out, firstArray);
            case Collection<?> array -> {
                markArray(path, depth, firstArray);
                if (array.isEmpty()) {
                    out.add(null);
                }
                for (Object element : array) {
                    collect(element, path, depth, out, firstArray);
                }
                if (path[depth].chars().allMatch(Character::isDigit) && !path[depth].isEmpty()) {
                    int position = Integer.parseInt(path[depth]);
                    if (position < array.size()) {
                        collect(List.copyOf(array).get(position), path, depth + 1, out, firstArray);
                    }
                }
            }
            case null, default -> out.add(null);
        }
    }

    private static void markArray(String[] path, int depth, StringBuilder firstArray) {
        if (firstArray.isEmpty()) {
            firstArray.append(String.join(".", java.util.Arrays.copyOf(path, Math.max(depth, 1))));
        }
    }

    private static boolean hasValue(Object node, String[] path, int depth) {
        if (depth == path.length) {
            return !(node instanceof Missing);
        }
        return switch (node) {
            case Document document -> document.containsKey(path[depth])
                    && hasValue(document.get(path[depth]), path, depth + 1);
            case Collection<?> array -> array.stream().anyMatch(element -> hasValue(element, path, depth));
            case null, default -> false;
        };
    }

    private static Object normalize(Object value) {
        return value instanceof Missing ? null : value;
    }

    private static Object positionOf(Document document) {
        return document.get("_id");
    }

    @Override
    public Object getPosition(Document document) {
        return null; // the _id index answers where a document is
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        entriesOf(document, positionOf(document));
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        for (IndexEntry entry : entriesOf(document, position)) {
            entries.put(entry, Boolean.TRUE);
        }
    }

    @Override
    public Object remove(Document document) {
        Object position = positionOf(document);
        Set<IndexEntry> removed = entriesOf(document, position);
        for (IndexEntry entry : removed) {
            entries.remove(entry);
        }
        return removed.isEmpty() && isSparse() ? null : position;
    }

    @Override
    public boolean canHandle(Document query) {
        return false;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        throw new UnsupportedOperationException("the stand-in's query planner scans secondary indexes itself");
    }

    @Override
    public long getCount() {
        return entries.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        entriesOf(newDocument, positionOf(newDocument));
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position,
            MongoCollection<Object> collection) {
        NavigableSet<IndexEntry> before = entriesOf(oldDocument, position);
        NavigableSet<IndexEntry> after = entriesOf(newDocument, position);
        for (IndexEntry entry : before) {
            if (!after.contains(entry)) {
                entries.remove(entry);
            }
        }
        for (IndexEntry entry : after) {
            if (!before.contains(entry)) {
                entries.put(entry, Boolean.TRUE);
            }
        }
    }

    @Override
    public void drop() {
        // H2Database removes the entries' map; the stand-in's database removes the info map
    }

    @Override
    public Document toIndexDescription() {
        Document description = super.toIndexDescription();
        description.put("unique", false);
        return description;
    }

    Map<String, Object> describeKeys() {
        Document pattern = new Document();
        for (IndexKey key : getKeys()) {
            pattern.put(key.getKey(), key.isAscending() ? 1 : -1);
        }
        return pattern;
    }
}
