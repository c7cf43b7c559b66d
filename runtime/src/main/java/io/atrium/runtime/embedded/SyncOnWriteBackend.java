package io.atrium.runtime.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.h2.mvstore.MVStore;

/**
 * Makes the MongoDB stand-in durable on acknowledgement: after a command that may have
 * changed data, and before its reply goes out, the H2 store is committed and forced to disk.
 * Writers that finish while a force is under way are covered by the next one together
 * (group commit). Reads never wait for a force.
 */
final class SyncOnWriteBackend extends ForwardingBackend {

    /** Commands known not to change data; anything else is treated as a write. */
    private static final Set<String> READS = Set.of("find", "getmore", "count", "distinct", "aggregate",
            "listcollections", "listindexes", "listdatabases", "hello", "ismaster", "ping", "buildinfo",
            "getlasterror", "getparameter", "serverstatus", "dbstats", "collstats", "whatsmyuri", "endsessions",
            "killcursors", "connectionstatus", "hostinfo", "getlog", "getcmdlineopts", "getfreemonitoringstatus",
            "saslstart", "saslcontinue", "currentop", "explain");

    private final MVStore store;
    private final ReentrantLock syncLock = new ReentrantLock();
    /**
     * Writers hold it shared while they change maps, a commit holds it exclusively: a commit never
     * lands between a document write and its index writes, so a crash cannot part them.
     */
    private final ReentrantReadWriteLock commitGate = new ReentrantReadWriteLock();

    SyncOnWriteBackend(MongoBackend delegate, MVStore store) {
        super(delegate);
        this.store = store;
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (!isWrite(command, query)) {
            return delegate.handleCommand(channel, database, command, query);
        }
        Document reply = write(() -> delegate.handleCommand(channel, database, command, query));
        makeDurable();
        return reply;
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        Document body = message.getDocument();
        if (!isWrite(body.isEmpty() ? "" : body.keySet().iterator().next(), body)) {
            return delegate.handleMessage(message);
        }
        Document reply = write(() -> delegate.handleMessage(message));
        makeDurable();
        return reply;
    }

    /** Runs a change of the store so that no commit happens in the middle of it. */
    <T> T write(Supplier<T> change) {
        commitGate.readLock().lock();
        try {
            return change.get();
        } finally {
            commitGate.readLock().unlock();
        }
    }

    private static boolean isWrite(String command, Document body) {
        String name = command.toLowerCase(Locale.ROOT);
        return !READS.contains(name) || writesOutput(name, body);
    }

    /** An aggregation with $out or $merge writes a collection. */
    private static boolean writesOutput(String name, Document body) {
        if (!name.equals("aggregate") || !(body.get("pipeline") instanceof List<?> pipeline) || pipeline.isEmpty()) {
            return false;
        }
        return pipeline.getLast() instanceof Document last && (last.containsKey("$out") || last.containsKey("$merge"));
    }

    /**
     * Commits and forces everything written so far. Holding the lock through the force means a
     * caller that finds nothing left to commit knows an earlier force has already covered it.
     */
    void makeDurable() {
        syncLock.lock();
        try {
            if (store.hasUnsavedChanges()) {
                commitGate.writeLock().lock();
                try {
                    store.commit();
                } finally {
                    commitGate.writeLock().unlock();
                }
                store.sync();
            }
        } finally {
            syncLock.unlock();
        }
    }

    @Override
    public void dropDatabase(String database) {
        write(() -> {
            delegate.dropDatabase(database);
            return null;
        });
        makeDurable();
    }
}
