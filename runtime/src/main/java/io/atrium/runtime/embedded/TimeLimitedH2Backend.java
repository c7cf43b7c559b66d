package io.atrium.runtime.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The stand-in's H2 backend, honouring {@code maxTimeMS} as MongoDB does (mongo-java-server
 * itself ignores it): a command that names a limit and works longer is stopped and answered
 * {@code MaxTimeMSExpired} (code 50), which the driver raises as
 * {@code MongoExecutionTimeoutException}. The deadline is checked before each document is
 * matched, so a scan stops within one document's work of its limit.
 */
final class TimeLimitedH2Backend extends H2Backend {

    static final int MAX_TIME_EXPIRED = 50;

    /** The deadline ({@link System#nanoTime()}) of the command this thread is running, if it named one. */
    private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();

    TimeLimitedH2Backend(MVStore store) {
        super(store);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (!(query.get("maxTimeMS") instanceof Number limit) || limit.longValue() <= 0) {
            return super.handleCommand(channel, database, command, query);
        }
        Long outer = DEADLINE.get();
        DEADLINE.set(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limit.longValue()));
        try {
            return super.handleCommand(channel, database, command, query);
        } catch (TimeLimitExceeded e) {
            var error = new Document("ok", 0);
            error.put("errmsg", "operation exceeded time limit");
            error.put("code", MAX_TIME_EXPIRED);
            error.put("codeName", "MaxTimeMSExpired");
            return error;
        } finally {
            if (outer == null) {
                DEADLINE.remove();
            } else {
                DEADLINE.set(outer);
            }
        }
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new TimeLimitedDatabase(databaseName, getMvStore(), getCursorRegistry());
    }

    private static void checkDeadline() {
        Long deadline = DEADLINE.get();
        if (deadline != null && System.nanoTime() - deadline > 0) {
            throw new TimeLimitExceeded();
        }
    }

    /** Unwinds a command past its deadline; no stack trace, it is an answer, not a fault. */
    private static final class TimeLimitExceeded extends RuntimeException {
        TimeLimitExceeded() {
            super("operation exceeded time limit", null, false, false);
        }
    }

    /**
     * Opens its collections as {@link TimeLimitedCollection}s on the same maps H2Database uses,
     * so data written by either reads back through the other.
     */
    private static final class TimeLimitedDatabase extends H2Database {

        // H2Database opens collections from its own constructor, before a field of ours is set,
        // so during construction the store travels through a thread-local.
        private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

        private final MVStore store;

        private TimeLimitedDatabase(String name, MVStore store, CursorRegistry cursors) {
            super(name, opening(store), cursors);
            this.store = store;
            OPENING.remove();
        }

        private static MVStore opening(MVStore store) {
            OPENING.set(store);
            return store;
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            MVStore mvStore = store != null ? store : OPENING.get();
            String fullName = getFullCollectionNamespace(collectionName);
            return new TimeLimitedCollection(this, collectionName, options, mvStore.openMap("databases." + fullName),
                    mvStore.openMap("meta." + fullName), cursorRegistry);
        }
    }

    private static final class TimeLimitedCollection extends H2Collection {

        private TimeLimitedCollection(MongoDatabase database, String name, CollectionOptions options,
                MVMap<Object, Document> data, MVMap<String, Object> meta,
                CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
        }

        @Override
        protected boolean documentMatchesQuery(Document document, Document query) {
            checkDeadline();
            return super.documentMatchesQuery(document, query);
        }

        /** Aggregations read everything through here and then match it in their stages. */
        @Override
        public Stream<Document> queryAllAsStream() {
            return super.queryAllAsStream().peek(document -> checkDeadline());
        }
    }
}
