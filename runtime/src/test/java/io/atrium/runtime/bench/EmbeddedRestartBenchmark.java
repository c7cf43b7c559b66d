package io.atrium.runtime.bench;

import io.atrium.runtime.embedded.EmbeddedZeebeEngine;
import io.camunda.zeebe.process.test.engine.AtriumEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * Restart time of the durable embedded Zeebe engine as completed history grows: instances are
 * run to completion up to each size, the engine is stopped, and the time from start until a
 * new instance runs to completion is measured, with the size of the engine's folder.
 * Usage: EmbeddedRestartBenchmark [sizes, comma-separated; default 10000,100000,1000000]
 */
public final class EmbeddedRestartBenchmark {

    private EmbeddedRestartBenchmark() {
    }

    private static int lastSegments;
    private static long lastHeap;

    /**
     * Starts the engine and measures until one new instance has run to completion; then stops it,
     * leaving a final snapshot or not (as a crash would not).
     */
    private static long restartMillis(AtriumEngine.Storage storage, boolean thenCrash) throws Exception {
        // thenCrash=false: a clean stop with a final snapshot follows the measurement
        System.gc();
        long started = System.nanoTime();
        var engine = EmbeddedZeebeEngine.start("127.0.0.1", 0, storage, BenchSupport.CREDENTIALS);
        try (var client = BenchSupport.camunda(engine.gatewayAddress())) {
            BenchSupport.startInstances(client, "bench-straight", 1, 1, true);
            long millis = (System.nanoTime() - started) / 1_000_000;
            lastSegments = engine.logSegments();
            System.gc();
            lastHeap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            return millis;
        } finally {
            if (thenCrash) {
                engine.closeAsAfterCrash();
            } else {
                engine.close();
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream((args.length > 0 ? args[0] : "10000,100000,1000000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        Path root = Files.createTempDirectory("atrium-restart-bench-");
        var storage = new AtriumEngine.Durable(root, 64L * 1024 * 1024, Duration.ofSeconds(30), 64L * 1024 * 1024);
        try {
            System.out.println("completed instances | fill rate | restart after a clean stop | restart as after a crash"
                    + " | engine folder | log segments | heap with the engine running");
            int completed = 0;
            double fillRate = 0;
            try (var engine = EmbeddedZeebeEngine.start("127.0.0.1", 0, storage, BenchSupport.CREDENTIALS);
                    var client = BenchSupport.camunda(engine.gatewayAddress())) {
                BenchSupport.deploy(client);
            }
            for (int size : sizes) {
                var filling = EmbeddedZeebeEngine.start("127.0.0.1", 0, storage, BenchSupport.CREDENTIALS);
                try (var client = BenchSupport.camunda(filling.gatewayAddress())) {
                    long started = System.nanoTime();
                    // start events complete these instances at once; the last batch waits for results
                    BenchSupport.startInstances(client, "bench-straight", size - completed - 1_000, 256, false);
                    BenchSupport.startInstances(client, "bench-straight", 1_000, 64, true);
                    fillRate = (size - completed) / ((System.nanoTime() - started) / 1e9);
                    completed = size;
                } finally {
                    filling.closeAsAfterCrash(); // the next start replays what came after the last periodic snapshot
                }
                long crash = restartMillis(storage, false);
                long graceful = restartMillis(storage, false);
                completed += 2;
                System.out.printf("%,d | %.0f/s | %d ms | %d ms | %s | %d | %s%n", size, fillRate, graceful, crash,
                        BenchSupport.mb(BenchSupport.sizeOf(root)), lastSegments, BenchSupport.mb(lastHeap));
            }
        } finally {
            BenchSupport.deleteTree(root);
        }
    }
}
