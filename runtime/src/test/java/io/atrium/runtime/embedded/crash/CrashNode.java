package io.atrium.runtime.embedded.crash;

import io.atrium.runtime.embedded.EmbeddedMongoServer;
import io.atrium.runtime.embedded.EmbeddedZeebeEngine;
import io.camunda.zeebe.process.test.engine.AtriumEngine;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The embedded mode's two stand-ins in a JVM of their own, for tests that kill it with SIGKILL.
 * Arguments: data directory, MongoDB port, Zeebe port. Prints READY when both listen.
 */
public final class CrashNode {

    private CrashNode() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path data = Path.of(args[0]);
        int mongoPort = Integer.parseInt(args[1]);
        int zeebePort = Integer.parseInt(args[2]);
        // Small segments and frequent snapshots, so that kills land in every phase: appends,
        // forces, snapshots, truncation.
        var storage = new AtriumEngine.Durable(data.resolve("zeebe"), 256 * 1024, Duration.ofMillis(700),
                32L * 1024 * 1024);
        EmbeddedMongoServer.start(data.resolve("mongodb"), "127.0.0.1", mongoPort, true);
        EmbeddedZeebeEngine.start("127.0.0.1", zeebePort, storage);
        System.out.println("READY");
        System.out.flush();
        Thread.currentThread().join();
    }
}
