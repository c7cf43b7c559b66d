package io.camunda.zeebe.process.test.engine;

import io.atrium.runtime.embedded.zeebe.DurableResponseWriter;
import io.atrium.runtime.embedded.zeebe.FileLogStorage;
import io.atrium.runtime.embedded.zeebe.SnapshotDirector;
import io.atrium.runtime.embedded.zeebe.StateSnapshots;
import io.camunda.search.clients.SearchClientsProxy;
import io.camunda.security.auth.BrokerRequestAuthorizationConverter;
import io.camunda.security.configuration.SecurityConfiguration;
import io.camunda.zeebe.db.AccessMetricsConfiguration;
import io.camunda.zeebe.db.ConsistencyChecksSettings;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.db.impl.rocksdb.RocksDbConfiguration;
import io.camunda.zeebe.db.impl.rocksdb.ZeebeRocksDbFactory;
import io.camunda.zeebe.engine.Engine;
import io.camunda.zeebe.engine.EngineConfiguration;
import io.camunda.zeebe.engine.processing.EngineProcessors;
import io.camunda.zeebe.engine.processing.message.command.SubscriptionCommandSender;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.logstreams.storage.LogStorage;
import io.camunda.zeebe.process.test.engine.db.InMemoryDbFactory;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.camunda.zeebe.scheduler.ActorScheduler;
import io.camunda.zeebe.scheduler.clock.ControlledActorClock;
import io.camunda.zeebe.stream.api.CommandResponseWriter;
import io.camunda.zeebe.stream.impl.ControllableStreamClockImpl;
import io.camunda.zeebe.stream.impl.StreamProcessor;
import io.camunda.zeebe.util.FeatureFlags;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.netty.NettyServerBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single-partition Zeebe engine of {@code zeebe-process-test-engine}, wired the way its own
 * {@code EngineFactory} wires it, with two differences: the gRPC gateway binds to a chosen
 * interface (the stock factory listens on all of them), and the log and state can be durable —
 * an fsynced file log and RocksDB state with snapshots — instead of in memory; and every gateway
 * call passes the given interceptor, which checks the caller's credentials. It lives in the
 * engine's package because the gateway parts it wires are package-private; docs/adr/0002 and
 * 0005 say what this ties us to.
 */
public final class AtriumEngine {

    private static final Logger log = LoggerFactory.getLogger(AtriumEngine.class);
    private static final int PARTITION_ID = 1;
    private static final int PARTITION_COUNT = 1;

    /** Where and how durably the engine keeps its log and state. */
    public sealed interface Storage {
    }

    /** Everything in memory: lost on stop. For tests and benchmarks. */
    public record InMemory() implements Storage {
    }

    /**
     * Log and state under {@code directory}.
     *
     * @param segmentSize      bytes per log segment file
     * @param snapshotInterval how often the state is snapshotted and the log truncated
     * @param stateMemory      RocksDB memory budget in bytes
     */
    public record Durable(Path directory, long segmentSize, Duration snapshotInterval, long stateMemory)
            implements Storage {
    }

    private final InetSocketAddress address;
    private final Server grpcServer;
    private final StreamProcessor streamProcessor;
    private final ZeebeDb<ZbColumnFamilies> db;
    private final LogStream logStream;
    private final ActorScheduler scheduler;
    private final Optional<FileLogStorage> fileLog;
    private final Optional<StateSnapshots> snapshots;
    private final Duration snapshotInterval;
    private final Optional<DurableResponseWriter> heldResponses;
    private SnapshotDirector snapshotDirector;

    private AtriumEngine(InetSocketAddress address, Server grpcServer, StreamProcessor streamProcessor,
            ZeebeDb<ZbColumnFamilies> db, LogStream logStream, ActorScheduler scheduler,
            Optional<FileLogStorage> fileLog, Optional<StateSnapshots> snapshots, Duration snapshotInterval,
            Optional<DurableResponseWriter> heldResponses) {
        this.address = address;
        this.grpcServer = grpcServer;
        this.streamProcessor = streamProcessor;
        this.db = db;
        this.logStream = logStream;
        this.scheduler = scheduler;
        this.fileLog = fileLog;
        this.snapshots = snapshots;
        this.snapshotInterval = snapshotInterval;
        this.heldResponses = heldResponses;
    }

    /**
     * Assembles an engine that is not yet started.
     *
     * @param authentication runs before every gateway call; it ends the calls it refuses
     */
    public static AtriumEngine create(InetSocketAddress requested, Storage storage,
            ServerInterceptor authentication) {
        var address = requested.getPort() == 0
                ? new InetSocketAddress(requested.getAddress(), freePort(requested))
                : requested;

        Optional<FileLogStorage> fileLog = Optional.empty();
        Optional<StateSnapshots> snapshots = Optional.empty();
        LogStorage logStorage;
        ZeebeDb<ZbColumnFamilies> db;
        Duration snapshotInterval = Duration.ZERO;
        if (storage instanceof Durable durable) {
            var file = FileLogStorage.open(durable.directory().resolve("log"), durable.segmentSize());
            var store = new StateSnapshots(durable.directory().resolve("snapshots"));
            Path runtime = durable.directory().resolve("runtime");
            try {
                var latest = store.latest();
                if (latest.isPresent()) {
                    StateSnapshots.restore(latest.get(), runtime);
                } else {
                    StateSnapshots.deleteTree(runtime);
                }
            } catch (IOException e) {
                file.close();
                throw new UncheckedIOException("Cannot restore the Zeebe state snapshot", e);
            }
            var config = new RocksDbConfiguration().setMemoryLimit(durable.stateMemory());
            db = new ZeebeRocksDbFactory<ZbColumnFamilies>(config, new ConsistencyChecksSettings(),
                    new AccessMetricsConfiguration(AccessMetricsConfiguration.Kind.NONE, PARTITION_ID),
                    SimpleMeterRegistry::new).createDb(runtime.toFile());
            logStorage = file;
            fileLog = Optional.of(file);
            snapshots = Optional.of(store);
            snapshotInterval = durable.snapshotInterval();
        } else {
            logStorage = new InMemoryLogStorage();
            db = new InMemoryDbFactory<ZbColumnFamilies>().createDb();
        }

        var clock = new ControlledActorClock();
        ActorScheduler scheduler = ActorScheduler.newActorScheduler().setActorClock(clock).build();
        scheduler.start();

        LogStream logStream = LogStream.builder()
                .withPartitionId(PARTITION_ID)
                .withLogStorage(logStorage)
                .withClock(clock)
                .withMeterRegistry(new SimpleMeterRegistry())
                .build();

        var commandWriter = new CommandWriter(logStream.newLogStreamWriter());
        var commandSender = new CommandSender(commandWriter);
        var requestStore = new GatewayRequestStore();
        var jobStreamer = new InMemoryJobStreamer(commandWriter);
        var gateway = new GrpcToLogStreamGateway(commandWriter, PARTITION_ID, PARTITION_COUNT,
                address.getPort(), requestStore, jobStreamer);
        Server grpcServer = NettyServerBuilder.forAddress(address).addService(gateway)
                .intercept(authentication).build();
        var grpcResponses = new GrpcResponseWriter(gateway, requestStore, null);
        // A durable engine answers only once what the answer describes is on disk.
        Optional<DurableResponseWriter> heldResponses = fileLog.map(f -> new DurableResponseWriter(grpcResponses, f));
        CommandResponseWriter responseWriter = heldResponses.isPresent() ? heldResponses.get() : grpcResponses;

        var security = new SecurityConfiguration();
        security.getAuthorizations().setEnabled(false);
        var engine = new Engine(context -> EngineProcessors.createEngineProcessors(
                        context,
                        PARTITION_COUNT,
                        new SubscriptionCommandSender(context.getPartitionId(), commandSender),
                        commandSender,
                        FeatureFlags.createDefault(),
                        jobStreamer,
                        SearchClientsProxy.noop(),
                        new BrokerRequestAuthorizationConverter(security)),
                new EngineConfiguration(), security);
        StreamProcessor streamProcessor = StreamProcessor.builder()
                .logStream(logStream)
                .zeebeDb(db)
                .commandResponseWriter(responseWriter)
                .partitionCommandSender(commandSender)
                .recordProcessors(List.of(engine))
                .actorSchedulingService(scheduler)
                .clock(new ControllableStreamClockImpl(clock))
                .meterRegistry(new SimpleMeterRegistry())
                .build();

        heldResponses.ifPresent(r -> r.watch(streamProcessor));
        return new AtriumEngine(address, grpcServer, streamProcessor, db, logStream, scheduler, fileLog, snapshots,
                snapshotInterval, heldResponses);
    }

    public InetSocketAddress address() {
        return address;
    }

    /** A reader of the engine's events of these value types, from the log. */
    public EngineRecordReader newRecordReader(java.util.Set<io.camunda.zeebe.protocol.record.ValueType> types) {
        return new EngineRecordReader(logStream.newLogStreamReader(), PARTITION_ID, types);
    }

    /** Replays the log after the latest snapshot, then opens the gateway. */
    public void start() throws IOException {
        streamProcessor.openAsync(false).join();
        if (fileLog.isPresent()) {
            snapshotDirector = new SnapshotDirector(streamProcessor, db, fileLog.get(), snapshots.orElseThrow(),
                    snapshotInterval);
        }
        grpcServer.start();
    }

    /** Snapshots the state now (durable engines only); returns the position covered, or -1. */
    public long snapshot() throws Exception {
        return snapshotDirector == null ? -1 : snapshotDirector.snapshot();
    }

    /** Why the engine cannot go on, if it cannot: its log refused a force, or its processor failed. */
    public Optional<String> failure() {
        if (streamProcessor.isFailed()) {
            return Optional.of("the stream processor failed; see the log");
        }
        return fileLog.flatMap(FileLogStorage::failure);
    }

    /** Number of log segment files on disk (durable engines only). */
    public int logSegments() {
        return fileLog.map(FileLogStorage::segmentCount).orElse(0);
    }

    /** Stops the gateway, snapshots the state so the next start replays little, and closes everything. */
    public void stop() {
        stop(true);
    }

    /**
     * Stops the engine; without the final snapshot the next start recovers as after a crash,
     * from the last periodic snapshot and the log after it.
     */
    public void stop(boolean finalSnapshot) {
        grpcServer.shutdownNow();
        try {
            grpcServer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (snapshotDirector != null) {
            try {
                if (finalSnapshot) {
                    snapshotDirector.snapshot();
                }
            } catch (Exception e) {
                log.warn("No final snapshot on stop; the next start replays more of the log", e);
            }
            snapshotDirector.close();
        }
        heldResponses.ifPresent(DurableResponseWriter::close);
        streamProcessor.close();
        try {
            db.close();
        } catch (Exception e) {
            log.warn("Closing the engine's state failed", e);
        }
        logStream.close();
        fileLog.ifPresent(FileLogStorage::close);
        try {
            scheduler.stop().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("The engine's scheduler did not stop cleanly", e);
        }
    }

    private static int freePort(InetSocketAddress requested) {
        try (var socket = new ServerSocket(0, 1, requested.getAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
