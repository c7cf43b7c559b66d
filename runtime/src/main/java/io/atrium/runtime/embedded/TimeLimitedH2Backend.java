package io.atrium.runtime.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        return new StandInDatabase(databaseName, getMvStore(), getCursorRegistry());
    }

    /** Deletes what the TTL indexes of every database say has expired; returns how many documents. */
    int expire(Instant now) {
        int deleted = 0;
        for (String name : List.copyOf(listDatabaseNames())) {
            if (resolveDatabase(name) instanceof StandInDatabase database) {
                deleted += database.expire(now);
            }
        }
        return deleted;
    }

    /** Stops the running command when it is past the {@code maxTimeMS} it named. */
    static void checkDeadline() {
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
}
