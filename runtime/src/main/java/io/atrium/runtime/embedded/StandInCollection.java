package io.atrium.runtime.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;

/**
 * A collection of the stand-in: the H2 collection on the same maps, whose queries are answered
 * from a {@link SecondaryIndex} when an {@link IndexPlan} finds one that serves them, and
 * otherwise as the library answers them (its unique indexes or a scan). Candidates come back in
 * the scan's order (or the sort's, ties in the scan's order), so an index never changes a result.
 */
final class StandInCollection extends H2Collection {

    static final int INDEX_NOT_FOUND = 27;

    private final MVMap<Object, Document> data;

    StandInCollection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
            MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, name, options, data, meta, cursors);
        this.data = data;
    }

    /**
     * A collection without an id field ({@code system.indexes}) keys its documents by a random
     * UUID in the library, so listing them follows no order. Here they take the next number, and
     * {@code listIndexes} answers in the order the indexes were created, as the server does.
     * (Numbers sort before the UUIDs of a store written before this, so older entries come last.)
     */
    @Override
    protected synchronized Object addDocumentInternal(Document document) {
        if (getIdField() != null) {
            return super.addDocumentInternal(document);
        }
        Object last = data.floorKey(Long.MAX_VALUE);
        long key = last instanceof Long number ? number + 1 : 1;
        if (data.putIfAbsent(key, document) != null) {
            throw new IllegalStateException("entry " + key + " of " + getCollectionName() + " is already taken");
        }
        return key;
    }

    @Override
    protected boolean documentMatchesQuery(Document document, Document query) {
        TimeLimitedH2Backend.checkDeadline();
        return super.documentMatchesQuery(document, query);
    }

    /** Aggregations read everything through here and then match it in their stages. */
    @Override
    public Stream<Document> queryAllAsStream() {
        return super.queryAllAsStream().peek(document -> TimeLimitedH2Backend.checkDeadline());
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
            Document fieldSelector) {
        refuseUnsupported(query);
        IndexPlan plan = libraryIndexFor(query) != null ? null : IndexPlan.choose(secondaryIndexes(), query, orderBy, limit);
        if (plan == null) {
            return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
        }
        if (plan.servesSort()) {
            long wanted = limit > 0 ? (long) skip + limit : Long.MAX_VALUE;
            List<Document> ordered = new ArrayList<>();
            plan.inOrder(scanOrder(), position -> {
                Document document = getDocument(position);
                if (document != null && documentMatchesQuery(document, query)) {
                    ordered.add(document);
                }
                return ordered.size() < wanted;
            });
            return matchDocumentsFromStream(query, ordered.stream(), skip, limit, batchSize, null, fieldSelector);
        }
        List<Object> positions = new ArrayList<>(plan.positions(TimeLimitedH2Backend::checkDeadline));
        positions.sort(isNaturalDescending(orderBy) ? ValueComparator.desc() : scanOrder());
        return matchDocumentsFromStream(positions.stream().map(this::getDocument), query, orderBy, skip, limit,
                batchSize, fieldSelector);
    }

    /** The order a scan visits documents in: the order of their keys in the data map. */
    private Comparator<Object> scanOrder() {
        return (a, b) -> data.getKeyType().compare(a, b);
    }

    private List<SecondaryIndex> secondaryIndexes() {
        return getIndexes().stream().filter(SecondaryIndex.class::isInstance).map(SecondaryIndex.class::cast).toList();
    }

    /** The library's own (unique) index that answers this query, as it would pick it. */
    private Index<Object> libraryIndexFor(Document query) {
        for (Index<Object> index : getIndexes()) {
            if (!(index instanceof SecondaryIndex) && index.canHandle(query)) {
                return index;
            }
        }
        return null;
    }

    /** {@code $text} needs a text index, which the stand-in does not have: refuse, as MongoDB does without one. */
    static void refuseUnsupported(Object query) {
        if (query instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if ("$text".equals(entry.getKey())) {
                    throw new MongoServerError(INDEX_NOT_FOUND, "IndexNotFound",
                            "text index required for $text query (the embedded MongoDB has no text indexes)");
                }
                refuseUnsupported(entry.getValue());
            }
        } else if (query instanceof Collection<?> parts) {
            parts.forEach(StandInCollection::refuseUnsupported);
        }
    }

    /** Whether {@code hint} names an index of this collection, by name or by key pattern, or the natural order. */
    boolean hasIndex(Object hint) {
        if (hint instanceof String name) {
            return getIndexes().stream().anyMatch(index -> index.getName().equals(name));
        }
        if (hint instanceof Document pattern) {
            if (pattern.isEmpty() || pattern.containsKey("$natural")) {
                return true;
            }
            return getIndexes().stream().anyMatch(index -> keyPattern(index).equals(normalized(pattern)));
        }
        return true;
    }

    private static Document keyPattern(Index<?> index) {
        Document pattern = new Document();
        for (IndexKey key : index.getKeys()) {
            pattern.put(key.getKey(), key.isAscending() ? 1 : -1);
        }
        return pattern;
    }

    private static Document normalized(Document pattern) {
        Document result = new Document();
        pattern.forEach((field, direction) -> result.put(field,
                direction instanceof Number number && number.doubleValue() < 0 ? -1 : 1));
        return result;
    }

    /** The winning plan MongoDB's explain would show for a find with this filter, sort and limit. */
    Document winningPlan(Document filter, Document sort, int limit) {
        Index<Object> library = libraryIndexFor(filter);
        IndexPlan plan = library != null ? null : IndexPlan.choose(secondaryIndexes(), filter, sort, limit);
        Document stage;
        if (library != null) {
            stage = new Document("stage", "FETCH").append("inputStage", new Document("stage", "IXSCAN")
                    .append("keyPattern", keyPattern(library))
                    .append("indexName", library.getName())
                    .append("isMultiKey", false)
                    .append("isUnique", library.isUnique())
                    .append("direction", "forward"));
        } else if (plan != null) {
            stage = plan.describe(filter);
        } else {
            stage = new Document("stage", "COLLSCAN").append("filter", filter).append("direction", "forward");
        }
        boolean sorted = sort != null && !sort.isEmpty() && !sort.containsKey("$natural");
        if (sorted && (plan == null || !plan.servesSort())) {
            stage = new Document("stage", "SORT").append("sortPattern", sort).append("memLimit", 104857600)
                    .append("type", "simple").append("inputStage", stage);
            if (limit > 0) {
                stage.put("limitAmount", limit);
            }
        } else if (limit > 0) {
            stage = new Document("stage", "LIMIT").append("limitAmount", limit).append("inputStage", stage);
        }
        return stage;
    }
}
