package io.atrium.runtime.embedded;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.AtriumEngineAssembly;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Zeebe workflow engine inside the JVM with a real gRPC gateway, so the Camunda Java client,
 * zbctl and Camunda Modeler talk to it as to a Zeebe cluster. It has no authentication, so it
 * should listen on loopback only.
 */
public final class EmbeddedZeebeEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedZeebeEngine.class);

    private final ZeebeTestEngine engine;
    private final InetSocketAddress address;

    private EmbeddedZeebeEngine(ZeebeTestEngine engine, InetSocketAddress address) {
        this.engine = engine;
        this.address = address;
    }

    public static EmbeddedZeebeEngine start(String bindAddress, int port) {
        var requested = new InetSocketAddress(bindAddress, port);
        // Checked before anything is assembled: stopping an engine whose start failed can hang.
        if (port != 0 && !canListen(requested)) {
            throw new IllegalStateException(cannotListen(bindAddress, port), null);
        }
        var assembled = AtriumEngineAssembly.create(requested);
        try {
            assembled.engine().start();
        } catch (Exception e) { // Netty reports a taken port as a checked BindException
            throw new IllegalStateException(cannotListen(bindAddress, port), e);
        }
        var embedded = new EmbeddedZeebeEngine(assembled.engine(), assembled.boundAddress());
        log.info("Embedded Zeebe gateway listening on {}", embedded.gatewayAddress());
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
    public URI gatewayAddress() {
        return URI.create("http://" + address.getHostString() + ":" + address.getPort());
    }

    @Override
    public void close() {
        engine.stop();
        log.info("Embedded Zeebe engine stopped");
    }
}
