package io.atrium.runtime.embedded;

import io.camunda.zeebe.process.test.engine.AtriumEngine;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Zeebe workflow engine inside the JVM with a real gRPC gateway, so the Camunda Java client,
 * Camunda Modeler and grpcurl talk to it as to a Zeebe cluster. Every call must carry basic
 * credentials (see {@link GatewayAuthentication}); it listens on loopback unless configured
 * otherwise.
 */
public final class EmbeddedZeebeEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedZeebeEngine.class);

    private final AtriumEngine engine;

    private EmbeddedZeebeEngine(AtriumEngine engine) {
        this.engine = engine;
    }

    /** Starts an engine that keeps nothing, for clients with {@code credentials}: for tests and benchmarks. */
    public static EmbeddedZeebeEngine start(String bindAddress, int port, EngineCredentials credentials) {
        return start(bindAddress, port, new AtriumEngine.InMemory(), credentials);
    }

    /**
     * Starts the engine with the given storage. A durable engine first restores its latest
     * state snapshot and replays the log after it, so deployments, instances, jobs, timers and
     * message subscriptions are as they were when it stopped (or crashed). Only clients that
     * present {@code credentials} are served.
     */
    public static EmbeddedZeebeEngine start(String bindAddress, int port, AtriumEngine.Storage storage,
            EngineCredentials credentials) {
        var authentication = new GatewayAuthentication(credentials);
        var requested = new InetSocketAddress(bindAddress, port);
        // Checked before anything is assembled: stopping an engine whose start failed can hang.
        if (port != 0 && !canListen(requested)) {
            throw new IllegalStateException(cannotListen(bindAddress, port), null);
        }
        long started = System.nanoTime();
        var engine = AtriumEngine.create(requested, storage, authentication);
        try {
            engine.start();
        } catch (Exception e) { // Netty reports a taken port as a checked BindException
            throw new IllegalStateException(cannotListen(bindAddress, port), e);
        }
        var embedded = new EmbeddedZeebeEngine(engine);
        log.info("Embedded Zeebe gateway listening on {} ({}; ready in {} ms)", embedded.gatewayAddress(),
                storage instanceof AtriumEngine.Durable d ? "durable, in " + d.directory() : "in memory",
                (System.nanoTime() - started) / 1_000_000);
        return embedded;
    }

    private static boolean canListen(InetSocketAddress address) {
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(address);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String cannotListen(String bindAddress, int port) {
        return "The embedded Zeebe engine cannot listen on " + bindAddress + ":" + port
                + " (is another Zeebe running? set atrium.embedded.zeebe.port)";
    }

    /** The gRPC address for the Camunda client, e.g. {@code http://127.0.0.1:26500}. */
    /** A reader of the engine's events of these value types (not thread-safe: one per consumer). */
    public io.camunda.zeebe.process.test.engine.EngineRecordReader newRecordReader(
            java.util.Set<io.camunda.zeebe.protocol.record.ValueType> types) {
        return engine.newRecordReader(types);
    }

    public URI gatewayAddress() {
        var address = engine.address();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort());
    }

    /** Snapshots the state and truncates the log now (durable engines); returns the position covered or -1. */
    public long snapshot() throws Exception {
        return engine.snapshot();
    }

    /** Why the engine cannot go on, if it cannot (a failed force of its log, a failed processor). */
    public java.util.Optional<String> failure() {
        return engine.failure();
    }

    /** How many log segment files a durable engine has on disk. */
    public int logSegments() {
        return engine.logSegments();
    }

    /**
     * Stops without the final snapshot, so the next start recovers the way it does after a
     * crash: from the last periodic snapshot plus the log after it. For tests and benchmarks.
     */
    public void closeAsAfterCrash() {
        engine.stop(false);
        log.info("Embedded Zeebe engine stopped without a final snapshot");
    }

    @Override
    public void close() {
        engine.stop();
        log.info("Embedded Zeebe engine stopped");
    }
}
