package io.atrium.runtime.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.atrium.runtime.embedded.EmbeddedMongoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * What the MongoDB stand-in's secondary indexes buy and cost, in one run on the same data:
 * query latency on an indexed non-unique field against the same values in an unindexed field
 * (a scan) at growing sizes, a compound equality + sort + limit, insert throughput with 0, 1
 * and 3 secondary indexes, and the restart time of the largest indexed collection.
 * Usage: StandInIndexBenchmark [sizes, comma-separated; default 10000,100000,1000000] [inserts; default 20000]
 */
public final class StandInIndexBenchmark {

    private static final String[] STATUSES = {"new", "open", "waiting", "resolved", "closed"};

    private StandInIndexBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream((args.length > 0 ? args[0] : "10000,100000,1000000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int inserts = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        Path root = Files.createTempDirectory("atrium-index-bench-");
        var random = new Random(7);
        try {
            try (var server = EmbeddedMongoServer.start(root, "127.0.0.1", 0, true, BenchSupport.CREDENTIALS);
                    var client = MongoClients.create(server.connectionString(BenchSupport.CREDENTIALS))) {
                insertThroughput(client, inserts);
                MongoCollection<Document> requests = client.getDatabase("bench").getCollection("requests");
                requests.createIndex(Indexes.ascending("customerId"));
                requests.createIndex(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.descending("createdAt")));
                System.out.println("documents | load rate | indexed customerId = x p50 / p99 | unindexed copy = x avg"
                        + " | scan / index | status = x sort createdAt desc limit 20 p50 / p99");
                int loaded = 0;
                for (int size : sizes) {
                    long started = System.nanoTime();
                    load(requests, loaded, size);
                    double loadRate = (size - loaded) / ((System.nanoTime() - started) / 1e9);
                    loaded = size;
                    final int n = size;
                    double[] indexed = latencies(requests, 500, () -> Filters.eq("customerId", "c-" + random.nextInt(n / 3)), null, 0);
                    double[] scanned = latencies(requests, n >= 1_000_000 ? 5 : 20,
                            () -> Filters.eq("customerCopy", "c-" + random.nextInt(n / 3)), null, 0);
                    double[] page = latencies(requests, 500,
                            () -> Filters.eq("status", STATUSES[random.nextInt(STATUSES.length)]), Sorts.descending("createdAt"), 20);
                    System.out.printf("%,d | %.0f/s | %.2f / %.2f ms | %.1f ms | %.0fx | %.2f / %.2f ms%n", size, loadRate,
                            indexed[0], indexed[1], scanned[2], scanned[2] / indexed[2], page[0], page[1]);
                }
            }
            long started = System.nanoTime();
            try (var server = EmbeddedMongoServer.start(root, "127.0.0.1", 0, true, BenchSupport.CREDENTIALS);
                    var client = MongoClients.create(server.connectionString(BenchSupport.CREDENTIALS))) {
                var requests = client.getDatabase("bench").getCollection("requests");
                Document first = requests.find(Filters.eq("customerId", "c-1")).first();
                double restart = (System.nanoTime() - started) / 1e6;
                System.out.printf("restart with %,d indexed documents (2 secondary indexes) until the first indexed answer:"
                        + " %.0f ms (%s)%n", sizes[sizes.length - 1], restart, first != null ? "found" : "MISSING");
                System.out.println("store size: " + BenchSupport.mb(BenchSupport.sizeOf(root)));
            }
        } finally {
            BenchSupport.deleteTree(root);
        }
    }

    private static Document request(int i) {
        String customer = "c-" + (i / 3);
        return new Document("_id", i).append("customerId", customer).append("customerCopy", customer)
                .append("status", STATUSES[i % STATUSES.length]).append("priority", i % 4)
                .append("subject", "Request number " + i).append("createdAt", new Date(1_700_000_000_000L + i * 1_000L));
    }

    private static void load(MongoCollection<Document> collection, int from, int to) {
        var batch = new ArrayList<Document>(1_000);
        for (int i = from; i < to; i++) {
            batch.add(request(i));
            if (batch.size() == 1_000) {
                collection.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            collection.insertMany(batch);
        }
    }

    /**
     * Inserts into fresh collections with 0, 1 and 3 secondary indexes, single (each one forced
     * to disk before the reply) and in batches of 1,000. After a warm-up, three rounds run the
     * three variants in rotating order, so a slow moment of a shared machine does not land on
     * one variant only; the median round is printed.
     */
    private static void insertThroughput(MongoClient client, int count) {
        int singles = Math.max(100, count / 20);
        insertRound(client, 3, singles, count); // warm-up
        int[] variants = {0, 1, 3};
        double[][] singleRates = new double[3][3];
        double[][] batchRates = new double[3][3];
        for (int round = 0; round < 3; round++) {
            for (int k = 0; k < 3; k++) {
                int variant = (k + round) % 3;
                double[] rates = insertRound(client, variants[variant], singles, count);
                singleRates[variant][round] = rates[0];
                batchRates[variant][round] = rates[1];
            }
        }
        System.out.printf("secondary indexes | single inserts (%,d per round) | batches of 1,000 (%,d per round)%n",
                singles, count);
        for (int variant = 0; variant < 3; variant++) {
            System.out.printf("%d | %.0f/s | %.0f/s%n", variants[variant], median(singleRates[variant]),
                    median(batchRates[variant]));
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** {single inserts per second, batched inserts per second} into fresh collections with {@code indexes} indexes. */
    private static double[] insertRound(MongoClient client, int indexes, int singles, int count) {
        var db = client.getDatabase("inserts" + indexes);
        MongoCollection<Document> single = db.getCollection("single");
        MongoCollection<Document> batched = db.getCollection("batched");
        for (var collection : List.of(single, batched)) {
            if (indexes >= 1) {
                collection.createIndex(Indexes.ascending("customerId"));
            }
            if (indexes >= 3) {
                collection.createIndex(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.descending("createdAt")));
                collection.createIndex(Indexes.ascending("priority"));
            }
        }
        long started = System.nanoTime();
        for (int i = 0; i < singles; i++) {
            single.insertOne(request(i));
        }
        double singleRate = singles / ((System.nanoTime() - started) / 1e9);
        started = System.nanoTime();
        load(batched, 0, count);
        double batchRate = count / ((System.nanoTime() - started) / 1e9);
        db.drop();
        return new double[] {singleRate, batchRate};
    }

    /** {p50, p99, average} in milliseconds. */
    private static double[] latencies(MongoCollection<Document> collection, int runs, Supplier<Bson> filter, Bson sort,
            int limit) {
        collection.find(filter.get()).sort(sort).limit(limit).into(new ArrayList<>()); // warm-up
        double[] millis = new double[runs];
        double total = 0;
        for (int i = 0; i < runs; i++) {
            Bson f = filter.get();
            long started = System.nanoTime();
            List<Document> found = collection.find(f).sort(sort).limit(limit).into(new ArrayList<>());
            millis[i] = (System.nanoTime() - started) / 1e6;
            total += millis[i];
            if (found.isEmpty()) {
                throw new IllegalStateException("no document matched " + f);
            }
        }
        Arrays.sort(millis);
        return new double[] {millis[runs / 2], millis[Math.min(runs - 1, (int) Math.ceil(runs * 0.99) - 1)], total / runs};
    }
}
