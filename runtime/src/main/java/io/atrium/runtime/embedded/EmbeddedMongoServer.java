package io.atrium.runtime.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.MVStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB wire-protocol server inside the JVM, storing its data in one H2 MVStore file under
 * the data directory. Clients must authenticate with SCRAM-SHA-256 as the one administrator
 * (see {@link AuthenticatingBackend}); it listens on loopback unless configured otherwise.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private final TimeLimitedH2Backend backend;
    private final MongoServer server;
    private final InetSocketAddress address;
    private final ScheduledExecutorService expiry;

    /** The page cache when none is configured; H2's own default of 16 MB is too small for real use. */
    public static final long DEFAULT_CACHE_MB = 256;

    /** How often TTL indexes are applied when nothing else is configured; MongoDB's monitor also runs each minute. */
    public static final Duration DEFAULT_EXPIRY_INTERVAL = Duration.ofSeconds(60);

    private EmbeddedMongoServer(TimeLimitedH2Backend backend, SyncOnWriteBackend durability, MongoServer server,
            InetSocketAddress address, Duration expiryInterval) {
        this.backend = backend;
        this.server = server;
        this.address = address;
        this.expiry = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "embedded-mongodb-ttl");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(1, expiryInterval.toMillis());
        expiry.scheduleWithFixedDelay(() -> expire(durability), millis, millis, TimeUnit.MILLISECONDS);
    }

    private void expire(SyncOnWriteBackend durability) {
        try {
            Instant now = Instant.now();
            int deleted = durability != null ? durability.write(() -> backend.expire(now)) : backend.expire(now);
            if (deleted > 0) {
                log.debug("TTL indexes expired {} documents", deleted);
                if (durability != null) {
                    durability.makeDurable();
                }
            }
        } catch (RuntimeException e) {
            log.warn("Applying TTL indexes failed; retrying at the next run", e);
        }
    }

    /**
     * Opens (or creates) the store in {@code directory}, durable on acknowledgement, and starts
     * listening for clients that log in with {@code credentials}.
     */
    public static EmbeddedMongoServer start(Path directory, String bindAddress, int port,
            EngineCredentials credentials) {
        return start(directory, bindAddress, port, true, credentials);
    }

    /**
     * Opens (or creates) the store in {@code directory} and starts listening.
     *
     * @param durable force every acknowledged write to disk before the reply; when false the
     *                store commits in the background about once a second (benchmarks only)
     * @param credentials the administrator clients must log in as
     */
    public static EmbeddedMongoServer start(Path directory, String bindAddress, int port, boolean durable,
            EngineCredentials credentials) {
        return start(directory, bindAddress, port, durable, DEFAULT_CACHE_MB, credentials);
    }

    /**
     * Opens (or creates) the store in {@code directory} and starts listening.
     *
     * @param durable force every acknowledged write to disk before the reply; when false the
     *                store commits in the background about once a second (benchmarks only)
     * @param cacheMb the store's page cache in megabytes
     * @param credentials the administrator clients must log in as; only its SCRAM keys are kept
     */
    public static EmbeddedMongoServer start(Path directory, String bindAddress, int port, boolean durable,
            long cacheMb, EngineCredentials credentials) {
        return start(directory, bindAddress, port, durable, cacheMb, credentials, DEFAULT_EXPIRY_INTERVAL);
    }

    /**
     * Opens (or creates) the store in {@code directory} and starts listening.
     *
     * @param expiryInterval how often documents past their TTL index's {@code expireAfterSeconds} are deleted
     */
    public static EmbeddedMongoServer start(Path directory, String bindAddress, int port, boolean durable,
            long cacheMb, EngineCredentials credentials, Duration expiryInterval) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the MongoDB data directory " + directory, e);
        }
        Path file = directory.resolve("atrium.mv.db");
        var builder = new MVStore.Builder().fileName(file.toString()).cacheSize((int) Math.max(1, cacheMb));
        MVStore store = (durable ? builder.autoCommitDisabled() : builder).open();
        var backend = new TimeLimitedH2Backend(store);
        SyncOnWriteBackend durability = durable ? new SyncOnWriteBackend(backend, store) : null;
        MongoBackend stored = durable ? durability : backend;
        var server = new MongoServer(new AuthenticatingBackend(stored, credentials));
        try {
            server.bind(bindAddress, port);
        } catch (Exception e) { // Netty reports a taken port as a checked BindException
            backend.close();
            throw new IllegalStateException("The embedded MongoDB cannot listen on " + bindAddress + ":" + port
                    + " (is another MongoDB running? set atrium.embedded.mongodb.port)", e);
        }
        var embedded = new EmbeddedMongoServer(backend, durability, server, server.getLocalAddress(),
                expiryInterval);
        log.info("Embedded MongoDB listening on {} with data in {}", embedded.connectionString(), file);
        return embedded;
    }

    public InetSocketAddress address() {
        return address;
    }

    /** The address as a connection string without credentials, e.g. for logs. */
    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    /** A connection string that logs in as {@code credentials}, for mongosh, Compass or a driver. */
    public String connectionString(EngineCredentials credentials) {
        return "mongodb://" + credentials.uriUserInfo() + "@" + address.getHostString() + ":" + address.getPort()
                + "/?authSource=" + AuthenticatingBackend.AUTHENTICATION_DATABASE;
    }

    @Override
    public void close() {
        expiry.shutdownNow();
        try {
            expiry.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.shutdownNow();
        backend.close(); // commits and closes the MVStore file
        log.info("Embedded MongoDB stopped");
    }
}
