package io.atrium.runtime.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.atrium.platform.QueryTimeLimit;
import io.atrium.platform.access.Actor;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.FieldDefinition;
import io.atrium.platform.app.FieldType;
import io.atrium.platform.app.LocalizedText;
import io.atrium.platform.item.ItemFilter;
import io.atrium.platform.item.ItemQuery;
import io.atrium.platform.item.Items;
import io.atrium.platform.item.internal.AuditRelay;
import io.atrium.runtime.embedded.EmbeddedMongoServer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Bean;

/**
 * Item create and filtered search through the platform (permissions, validation, audit) against
 * the raw MongoDB driver doing the same inserts and finds on the same durable stand-in, in the
 * same run. Usage: ItemsBenchmark [sizes, comma-separated; default 10000] [writers; default 4]
 */
public final class ItemsBenchmark {

    private static final String[] CITIES = new String[50];
    private static final int ROUNDS = 5;
    private static final int WARMUP = 10000;

    static {
        for (int i = 0; i < CITIES.length; i++) {
            CITIES[i] = "City " + i;
        }
    }

    private ItemsBenchmark() {
    }

    /**
     * The platform module alone, on the stand-in started by the benchmark. Not a configuration
     * stereotype, so the integration tests' component scan does not pick it up.
     */
    @EnableAutoConfiguration
    @ComponentScan("io.atrium.platform")
    static class PlatformOnly {
        static MongoDatabase database;

        @Bean
        MongoDatabase mongoDatabase() {
            return database;
        }

        @Bean
        QueryTimeLimit queryTimeLimit() {
            return new QueryTimeLimit(QueryTimeLimit.DEFAULT);
        }
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream((args.length > 0 ? args[0] : "10000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int writers = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        var root = Files.createTempDirectory("atrium-items-bench-");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(root, "127.0.0.1", 0, true,
                        BenchSupport.CREDENTIALS);
                MongoClient client = MongoClients.create(server.connectionString(BenchSupport.CREDENTIALS))) {
            PlatformOnly.database = client.getDatabase("atrium");
            var app = new SpringApplication(PlatformOnly.class);
            app.setWebApplicationType(WebApplicationType.NONE);
            app.setDefaultProperties(Map.of("ATRIUM_ADMIN_PASSWORD", "benchmark-chief-secret",
                    "spring.main.banner-mode", "off", "logging.level.root", "WARN"));
            try (var context = app.run()) {
                var catalog = context.getBean(AppCatalog.class);
                var items = context.getBean(Items.class);
                var relay = context.getBean(AuditRelay.class);
                Actor actor = Actor.SYSTEM;
                // warm-up, not measured: the same work on other collections, so the JIT has compiled both paths
                var warmup = contacts(catalog, new AppRef("bench", "warmup"));
                MongoCollection<Document> rawWarmup = rawCollection("raw.warmup");
                run(WARMUP, writers, i -> createThroughPlatform(items, actor, warmup, i));
                run(WARMUP, writers, i -> insertRaw(rawWarmup, i));
                run(WARMUP / 10, 1, i -> searchThroughPlatform(items, actor, warmup, i));
                run(WARMUP / 10, 1, i -> findRaw(rawWarmup, i));
                relay.flush();

                var ref = contacts(catalog, new AppRef("bench", "contacts"));
                MongoCollection<Document> raw = rawCollection("raw.contacts");

                System.out.printf("items | platform creates | raw inserts | platform/raw | platform search | raw find"
                        + " | platform/raw   (%d writers; searches: city = x, first 20)%n", writers);
                int loaded = 0;
                for (int size : sizes) {
                    int count = size - loaded;
                    // alternate rounds, so drift in the store (growth, compaction) affects both alike;
                    // the platform's time includes moving its audit entries to the trail
                    double platformSeconds = 0;
                    double rawSeconds = 0;
                    int perRound = count / ROUNDS;
                    for (int round = 0; round < ROUNDS; round++) {
                        int base = loaded + round * perRound;
                        platformSeconds += seconds(perRound, writers,
                                i -> createThroughPlatform(items, actor, ref, base + i), relay::flush);
                        rawSeconds += seconds(perRound, writers, i -> insertRaw(raw, base + i), () -> { });
                    }
                    double platformRate = perRound * ROUNDS / platformSeconds;
                    double rawRate = perRound * ROUNDS / rawSeconds;
                    loaded = size;
                    int searches = size >= 1_000_000 ? 20 : 200;
                    double platformSearch = run(searches, 1, i -> searchThroughPlatform(items, actor, ref, i));
                    double rawSearch = run(searches, 1, i -> findRaw(raw, i));
                    System.out.printf("%,d | %.0f/s | %.0f/s | %.2f | %s/s | %s/s | %.2f%n", size, platformRate,
                            rawRate, platformRate / rawRate, rate(platformSearch), rate(rawSearch),
                            platformSearch / rawSearch);
                }
            }
        } finally {
            BenchSupport.deleteTree(root);
        }
    }

    /** Whole numbers, and two decimals for rates below ten (a search over a million items takes seconds). */
    private static String rate(double perSecond) {
        return perSecond < 10 ? String.format("%.2f", perSecond) : String.format("%,.0f", perSecond);
    }

    /**
     * The indexes a developer would give the same finds: the platform's own for the list order and
     * the indexed city (its extra one, for audit entries not yet moved, is part of its cost).
     */
    private static MongoCollection<Document> rawCollection(String name) {
        var raw = PlatformOnly.database.getCollection(name);
        raw.createIndex(com.mongodb.client.model.Indexes.ascending("_createdAt", "_id"));
        raw.createIndex(com.mongodb.client.model.Indexes.ascending("city", "_createdAt", "_id"));
        return raw;
    }

    private static AppRef contacts(AppCatalog catalog, AppRef ref) {
        catalog.saveDraft(new AppDefinition(ref, LocalizedText.of("Contacts"), List.of(
                FieldDefinition.of("name", FieldType.STRING).withRequired(true),
                FieldDefinition.of("email", FieldType.EMAIL),
                FieldDefinition.of("age", FieldType.NUMBER),
                new FieldDefinition("city", FieldType.STRING, null, false, false, true, false, null, false,
                        null, null, null, null, null))), "bench");
        catalog.publish(ref, "bench");
        return ref;
    }

    private static void createThroughPlatform(Items items, Actor actor, AppRef ref, int i) {
        items.create(actor, ref, Map.of("name", "Person " + i, "email", "p" + i + "@example.com", "age", i % 90,
                "city", CITIES[i % CITIES.length]));
    }

    private static void insertRaw(MongoCollection<Document> raw, int i) {
        raw.insertOne(new Document("_id", new ObjectId().toHexString()).append("name", "Person " + i)
                .append("email", "p" + i + "@example.com").append("age", (long) (i % 90))
                .append("city", CITIES[i % CITIES.length]).append("_v", 1L)
                .append("_createdAt", new java.util.Date()).append("_deleted", false));
    }

    private static void searchThroughPlatform(Items items, Actor actor, AppRef ref, int i) {
        items.search(actor, ref, new ItemQuery(new ItemFilter.Equals("city", CITIES[i % CITIES.length]), null, false,
                20, null));
    }

    /** The same find the platform runs: stable order for cursor paging, one extra to see a next page. */
    private static void findRaw(MongoCollection<Document> raw, int i) {
        raw.find(Filters.and(Filters.ne("_deleted", true), Filters.eq("city", CITIES[i % CITIES.length])))
                .sort(com.mongodb.client.model.Sorts.ascending("_createdAt", "_id")).limit(21)
                .into(new ArrayList<>());
    }

    interface Step {
        void run(int i) throws Exception;
    }

    private static double run(int count, int threads, Step step) throws Exception {
        return count / seconds(count, threads, step, () -> { });
    }

    /** Runs {@code count} steps on {@code threads} threads, then {@code finish}; returns the seconds taken. */
    private static double seconds(int count, int threads, Step step, Runnable finish) throws Exception {
        var next = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(threads);
        var futures = new ArrayList<java.util.concurrent.Future<Object>>();
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count) {
                    step.run(i);
                }
                return null;
            }));
        }
        pool.shutdown();
        for (var future : futures) {
            future.get(2, TimeUnit.HOURS); // a failed step fails the benchmark, never inflates it
        }
        finish.run();
        return (System.nanoTime() - started) / 1e9;
    }
}
