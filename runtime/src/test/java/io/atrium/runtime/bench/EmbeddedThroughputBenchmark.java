package io.atrium.runtime.bench;

import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.atrium.runtime.embedded.EmbeddedMongoServer;
import io.atrium.runtime.embedded.EmbeddedZeebeEngine;
import io.camunda.zeebe.process.test.engine.AtriumEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.bson.Document;

/**
 * Throughput of the durable embedded stand-ins against the in-memory ones, measured in the same
 * run: document inserts (1 and 8 writers) and process instances (start, one job, end).
 * Usage: EmbeddedThroughputBenchmark [inserts] [instances]
 */
public final class EmbeddedThroughputBenchmark {

    private EmbeddedThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int inserts = args.length > 0 ? Integer.parseInt(args[0]) : 4_000;
        int instances = args.length > 1 ? Integer.parseInt(args[1]) : 3_000;
        Path root = Files.createTempDirectory("atrium-bench-");
        try {
            System.out.printf("Document inserts (%d per run, single-document insertOne):%n", inserts);
            for (int writers : new int[] {1, 8}) {
                double memory = insertRate(() -> memoryServer(), inserts, writers);
                double background = insertRate(() -> h2Server(root.resolve("h2-bg-" + writers), false), inserts, writers);
                double durable = insertRate(() -> h2Server(root.resolve("h2-sync-" + writers), true), inserts, writers);
                System.out.printf("  %d writer(s): in-memory %.0f/s | H2 background commit %.0f/s | H2 durable %.0f/s"
                                + " -> durable/in-memory %.2f, durable/background %.2f%n",
                        writers, memory, background, durable, durable / memory, durable / background);
            }

            System.out.printf("Process instances (%d per run: start, one job, end; 64 in flight):%n", instances);
            double inMemory = processRate(new AtriumEngine.InMemory(), instances);
            double durable = processRate(new AtriumEngine.Durable(root.resolve("zeebe"), 64L * 1024 * 1024,
                    Duration.ofSeconds(30), 64L * 1024 * 1024), instances);
            System.out.printf("  in-memory %.0f/s | durable %.0f/s -> durable/in-memory %.2f%n",
                    inMemory, durable, durable / inMemory);
        } finally {
            BenchSupport.deleteTree(root);
        }
    }

    /** A server and how to stop it. */
    private record Server(String connectionString, AutoCloseable closer) {
    }

    private static Server memoryServer() {
        var server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        return new Server(server.getConnectionString(), server::shutdownNow);
    }

    private static Server h2Server(Path dir, boolean durable) {
        var server = EmbeddedMongoServer.start(dir, "127.0.0.1", 0, durable, BenchSupport.CREDENTIALS);
        return new Server(server.connectionString(BenchSupport.CREDENTIALS), server);
    }

    private static double insertRate(Supplier<Server> start, int inserts, int writers) throws Exception {
        var server = start.get();
        try (var client = MongoClients.create(server.connectionString());
                var pool = Executors.newFixedThreadPool(writers)) {
            var collection = client.getDatabase("bench").getCollection("docs");
            collection.insertOne(new Document("_id", "warm-up"));
            var next = new AtomicInteger();
            long started = System.nanoTime();
            for (int w = 0; w < writers; w++) {
                pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < inserts) {
                        collection.insertOne(new Document("_id", i).append("subject", "Request " + i)
                                .append("status", "open"));
                    }
                    return null;
                });
            }
            pool.shutdown();
            pool.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES);
            return inserts / ((System.nanoTime() - started) / 1e9);
        } finally {
            server.closer().close();
        }
    }

    private static double processRate(AtriumEngine.Storage storage, int instances) throws Exception {
        try (var engine = EmbeddedZeebeEngine.start("127.0.0.1", 0, storage, BenchSupport.CREDENTIALS);
                var client = BenchSupport.camunda(engine.gatewayAddress())) {
            BenchSupport.deploy(client);
            try (var worker = client.newWorker().jobType("bench-work")
                    .handler((jobs, job) -> jobs.newCompleteCommand(job).variables(Map.of("done", true)).send())
                    .maxJobsActive(64).pollInterval(Duration.ofMillis(10)).open()) {
                BenchSupport.startInstances(client, "bench-job", 300, 64, true); // warm-up
                long started = System.nanoTime();
                BenchSupport.startInstances(client, "bench-job", instances, 64, true);
                return instances / ((System.nanoTime() - started) / 1e9);
            }
        }
    }
}
