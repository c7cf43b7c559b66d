package io.camunda.zeebe.process.test.engine;

import io.camunda.search.clients.SearchClientsProxy;
import io.camunda.security.auth.BrokerRequestAuthorizationConverter;
import io.camunda.security.configuration.SecurityConfiguration;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.engine.Engine;
import io.camunda.zeebe.engine.EngineConfiguration;
import io.camunda.zeebe.engine.processing.EngineProcessors;
import io.camunda.zeebe.engine.processing.message.command.SubscriptionCommandSender;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.db.InMemoryDbFactory;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.camunda.zeebe.scheduler.ActorScheduler;
import io.camunda.zeebe.scheduler.clock.ControlledActorClock;
import io.camunda.zeebe.stream.impl.ControllableStreamClockImpl;
import io.camunda.zeebe.stream.impl.StreamProcessor;
import io.camunda.zeebe.util.FeatureFlags;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

/**
 * Assembles the single-partition Zeebe engine of {@code zeebe-process-test-engine} the way its
 * own {@code EngineFactory} does, except that the gRPC gateway binds to a chosen interface
 * (the stock factory listens on all interfaces). It lives in the engine's package because the
 * parts it wires are package-private; see docs/adr/0002 for what this ties us to.
 */
public final class AtriumEngineAssembly {

    private static final int PARTITION_ID = 1;
    private static final int PARTITION_COUNT = 1;

    private AtriumEngineAssembly() {
    }

    /** An engine not yet started, and the address its gateway will listen on. */
    public record Assembled(ZeebeTestEngine engine, InetSocketAddress boundAddress) {
    }

    public static Assembled create(InetSocketAddress requested) {
        var address = requested.getPort() == 0
                ? new InetSocketAddress(requested.getAddress(), freePort(requested))
                : requested;

        var clock = new ControlledActorClock();
        ActorScheduler scheduler = ActorScheduler.newActorScheduler().setActorClock(clock).build();
        scheduler.start();

        var logStorage = new InMemoryLogStorage();
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
        Server grpcServer = NettyServerBuilder.forAddress(address).addService(gateway).build();
        var responseWriter = new GrpcResponseWriter(gateway, requestStore, null);

        ZeebeDb<ZbColumnFamilies> db = new InMemoryDbFactory<ZbColumnFamilies>().createDb();

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

        var stateMonitor = new EngineStateMonitor(logStorage, streamProcessor);
        var records = new RecordStreamSourceImpl(logStream.newLogStreamReader(), PARTITION_ID);
        var inMemoryEngine = new InMemoryEngine(grpcServer, streamProcessor, gateway, db, logStream,
                scheduler, records, clock, stateMonitor);
        return new Assembled(inMemoryEngine, address);
    }

    private static int freePort(InetSocketAddress requested) {
        try (var socket = new ServerSocket(0, 1, requested.getAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
