package io.atrium.runtime.bench;

import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import io.atrium.runtime.embedded.EmbeddedMongoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * What the MongoDB stand-in's missing secondary indexes cost: query latency on a non-unique
 * field (with an index declared, which the stand-in accepts and ignores) against a point lookup
 * by _id (a real index), at growing collection sizes, in the same run.
 * Usage: StandInQueryBenchmark [sizes, comma-separated; default 10000,100000,1000000]
 */
public final class StandInQueryBenchmark {

    private static final String[] STATUSES = {"new", "open", "waiting", "resolved", "closed"};

    private StandInQueryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream((args.length > 0 ? args[0] : "10000,100000,1000000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        Path root = Files.createTempDirectory("atrium-query-bench-");
        var random = new Random(7);
        try (var server = EmbeddedMongoServer.start(root, "127.0.0.1", 0, true, BenchSupport.CREDENTIALS);
                var client = MongoClients.create(server.connectionString(BenchSupport.CREDENTIALS))) {
            MongoCollection<Document> requests = client.getDatabase("bench").getCollection("requests");
            requests.createIndex(Indexes.ascending("customerId")); // accepted, not used by the stand-in
            System.out.println("documents | load rate | _id lookup | customerId = x (non-unique) | status = x, limit 20"
                    + " | customerId / _id");
            int loaded = 0;
            for (int size : sizes) {
                long started = System.nanoTime();
                var batch = new ArrayList<Document>(1_000);
                for (int i = loaded; i < size; i++) {
                    batch.add(new Document("_id", i).append("customerId", "c-" + (i / 3))
                            .append("status", STATUSES[i % STATUSES.length])
                            .append("subject", "Request number " + i).append("priority", i % 4));
                    if (batch.size() == 1_000) {
                        requests.insertMany(batch);
                        batch.clear();
                    }
                }
                if (!batch.isEmpty()) {
                    requests.insertMany(batch);
                }
                double loadRate = (size - loaded) / ((System.nanoTime() - started) / 1e9);
                loaded = size;

                double byId = averageMillis(requests, 200, () -> Filters.eq("_id", random.nextInt(size)), 0);
                double byCustomer = averageMillis(requests, size >= 1_000_000 ? 5 : 20,
                        () -> Filters.eq("customerId", "c-" + random.nextInt(size / 3)), 0);
                double byStatus = averageMillis(requests, 20,
                        () -> Filters.eq("status", STATUSES[random.nextInt(STATUSES.length)]), 20);
                System.out.printf("%,d | %.0f/s | %.2f ms | %.1f ms | %.2f ms | %.0fx%n", size, loadRate, byId,
                        byCustomer, byStatus, byCustomer / byId);
            }
        } finally {
            BenchSupport.deleteTree(root);
        }
    }

    private static double averageMillis(MongoCollection<Document> collection, int runs,
            java.util.function.Supplier<Bson> filter, int limit) {
        collection.find(filter.get()).limit(limit).into(new ArrayList<>()); // warm-up
        long total = 0;
        for (int i = 0; i < runs; i++) {
            Bson f = filter.get();
            long started = System.nanoTime();
            List<Document> found = collection.find(f).limit(limit).into(new ArrayList<>());
            total += System.nanoTime() - started;
            if (found.isEmpty()) {
                throw new IllegalStateException("no document matched " + f);
            }
        }
        return total / 1e6 / runs;
    }
}
