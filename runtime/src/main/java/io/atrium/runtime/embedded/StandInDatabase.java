package io.atrium.runtime.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * A database of the stand-in: the H2 database on the same maps, with real non-unique indexes
 * ({@link SecondaryIndex}) in place of the library's ignored ones, and the commands standard
 * tools rely on answered truthfully: {@code explain}, {@code listCollections} with a filter,
 * {@code hint} of an unknown index refused.
 */
final class StandInDatabase extends H2Database {

    static final int BAD_VALUE = 2;
    static final String UNKNOWN_HINT = "hint provided does not correspond to an existing index";

    // H2Database opens collections and indexes from its own constructor, before a field of ours
    // is set, so during construction the store travels through a thread-local.
    private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();
    /** The description of the index being created, which the library does not pass down. */
    private static final ThreadLocal<Document> CREATING = new ThreadLocal<>();

    private final MVStore store;

    StandInDatabase(String name, MVStore store, CursorRegistry cursors) {
        super(name, opening(store), cursors);
        this.store = store;
        OPENING.remove();
    }

    private static MVStore opening(MVStore store) {
        OPENING.set(store);
        return store;
    }

    private MVStore store() {
        return store != null ? store : OPENING.get();
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String fullName = getFullCollectionNamespace(collectionName);
        return new StandInCollection(this, collectionName, options, store().openMap("databases." + fullName),
                store().openMap("meta." + fullName), cursorRegistry);
    }

    @Override
    protected void addIndex(Document indexDescription) {
        CREATING.set(indexDescription);
        try {
            super.addIndex(indexDescription);
        } finally {
            CREATING.remove();
        }
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        Document description = description(collectionName, indexName);
        if (description != null && description.get("key") instanceof Document key
                && key.values().stream().anyMatch(direction -> !(direction instanceof Number))) {
            // text, hashed and geo indexes: accepted and listed, never used (queries needing them are refused)
            return super.openOrCreateSecondaryIndex(collectionName, indexName, keys, sparse);
        }
        String mapName = indexMapName(collectionName, indexName);
        MVMap<IndexEntry, Boolean> entries = store().openMap(mapName,
                new MVMap.Builder<IndexEntry, Boolean>().keyType(new IndexEntryType()));
        return new SecondaryIndex(indexName, keys, sparse, entries, store().openMap(mapName + ".info"));
    }

    private Document description(String collectionName, String indexName) {
        Document creating = CREATING.get();
        if (creating != null && indexName.equals(creating.get("name"))) {
            return creating;
        }
        MongoCollection<Object> known = indexes.get();
        if (known == null) {
            return null;
        }
        for (Document description : known.handleQuery(new Document("ns", getFullCollectionNamespace(collectionName))
                .append("name", indexName))) {
            return description;
        }
        return null;
    }

    /** The name H2Database gives an index's map, so it drops it with the index, collection or database. */
    private String indexMapName(String collectionName, String indexName) {
        return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        String info = indexMapName(collection.getCollectionName(), indexName) + ".info";
        if (store().hasMap(info)) {
            store().removeMap(info);
        }
    }

    @Override
    public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver,
            Oplog oplog) {
        switch (command.toLowerCase(Locale.ROOT)) {
            case "explain" -> {
                return explain(query);
            }
            case "listcollections" -> {
                return filterCollections(super.handleCommand(channel, command, query, resolver, oplog), query);
            }
            case "find", "count", "distinct", "aggregate", "findandmodify" -> checkHint(query.get(command), query.get("hint"));
            case "update" -> statements(query, "updates").forEach(update -> checkHint(query.get(command), update.get("hint")));
            case "delete" -> statements(query, "deletes").forEach(delete -> checkHint(query.get(command), delete.get("hint")));
            default -> {
                // nothing to check
            }
        }
        return super.handleCommand(channel, command, query, resolver, oplog);
    }

    private static List<Document> statements(Document command, String field) {
        List<Document> statements = new ArrayList<>();
        if (command.get(field) instanceof Collection<?> values) {
            values.stream().filter(Document.class::isInstance).map(Document.class::cast).forEach(statements::add);
        }
        return statements;
    }

    private void checkHint(Object collectionName, Object hint) {
        if (hint == null || !(collectionName instanceof String name)) {
            return;
        }
        MongoCollection<?> collection = resolveCollection(name, false);
        // a collection that does not exist answers nothing, whatever the hint
        if (collection instanceof StandInCollection standIn && !standIn.hasIndex(hint)) {
            throw new MongoServerError(BAD_VALUE, "BadValue", UNKNOWN_HINT);
        }
    }

    /** The library lists every collection; apply the filter (and nameOnly) as the server does. */
    private static Document filterCollections(Document reply, Document query) {
        Object filter = query.get("filter");
        boolean nameOnly = Boolean.TRUE.equals(query.get("nameOnly"));
        if (!(reply.get("cursor") instanceof Document cursor) || !(cursor.get("firstBatch") instanceof List<?> batch)) {
            return reply;
        }
        var matcher = new DefaultQueryMatcher();
        List<Document> kept = new ArrayList<>();
        for (Object element : batch) {
            Document collection = (Document) element;
            if (filter instanceof Document wanted && !wanted.isEmpty() && !matcher.matches(collection, wanted)) {
                continue;
            }
            kept.add(nameOnly ? new Document("name", collection.get("name")).append("type", collection.get("type"))
                    : collection);
        }
        cursor.put("firstBatch", kept);
        return reply;
    }

    private Document explain(Document query) {
        if (!(query.get("explain") instanceof Document explained) || explained.isEmpty()) {
            throw new MongoServerError(BAD_VALUE, "BadValue", "explain needs a command to explain");
        }
        String verb = explained.keySet().iterator().next();
        Object collectionName = explained.get(verb);
        Document filter = explainedFilter(verb, explained);
        Document sort = explained.get("sort") instanceof Document s ? s : null;
        int limit = explained.get("limit") instanceof Number n ? Math.abs(n.intValue()) : 0;
        checkHint(collectionName, explained.get("hint"));
        StandInCollection.refuseUnsupported(filter);
        MongoCollection<?> collection = collectionName instanceof String name ? resolveCollection(name, false) : null;
        Document winningPlan = collection instanceof StandInCollection standIn
                ? standIn.winningPlan(filter, sort, limit)
                : new Document("stage", "EOF");
        Document planner = new Document("plannerVersion", 1)
                .append("namespace", getFullCollectionNamespace(String.valueOf(collectionName)))
                .append("indexFilterSet", false)
                .append("parsedQuery", filter)
                .append("winningPlan", winningPlan)
                .append("rejectedPlans", List.of());
        return new Document("explainVersion", "1")
                .append("queryPlanner", planner)
                .append("command", explained)
                .append("serverInfo", new Document("host", "embedded").append("version", "stand-in"))
                .append("ok", 1.0);
    }

    private static Document explainedFilter(String verb, Document explained) {
        Object filter = switch (verb.toLowerCase(Locale.ROOT)) {
            case "find" -> explained.get("filter");
            case "count", "distinct", "findandmodify" -> explained.get("query");
            case "update" -> statements(explained, "updates").stream().findFirst().map(u -> u.get("q")).orElse(null);
            case "delete" -> statements(explained, "deletes").stream().findFirst().map(d -> d.get("q")).orElse(null);
            case "aggregate" -> null; // pipelines read the whole collection in the stand-in
            default -> throw new MongoServerError(BAD_VALUE, "BadValue", "explain of " + verb + " is not supported");
        };
        return filter instanceof Document document ? document : new Document();
    }

    /** Deletes the documents whose TTL index field is older than its expireAfterSeconds; returns how many. */
    int expire(Instant now) {
        MongoCollection<Object> known = indexes.get();
        if (known == null) {
            return 0;
        }
        int deleted = 0;
        List<Document> descriptions = new ArrayList<>();
        known.queryAll().forEach(descriptions::add);
        for (Document description : descriptions) {
            if (!(description.get("expireAfterSeconds") instanceof Number seconds)
                    || !(description.get("key") instanceof Document key) || key.size() != 1) {
                continue;
            }
            String namespace = String.valueOf(description.get("ns"));
            String collectionName = namespace.substring(getDatabaseName().length() + 1);
            MongoCollection<?> collection = resolveCollection(collectionName, false);
            if (collection == null) {
                continue;
            }
            Instant cutoff = now.minusMillis((long) (seconds.doubleValue() * 1000));
            String field = key.keySet().iterator().next();
            deleted += collection.deleteDocuments(new Document(field, new Document("$lt", cutoff)), 0, NoopOplog.get());
        }
        return deleted;
    }
}
