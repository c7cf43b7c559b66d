package io.atrium.runtime.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
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
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream((args.length > 0 ? args[0] : "10000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int writers = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        var root = Files.createTempDirectory("atrium-items-bench-");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(root, "127.0.0.1", 0, true);
                MongoClient client = MongoClients.create(server.connectionString())) {
            PlatformOnly.database = client.getDatabase("atrium");
            var app = new SpringApplication(PlatformOnly.class);
            app.setWebApplicationType(WebApplicationType.NONE);
            app.setDefaultProperties(Map.of("ATRIUM_ADMIN_PASSWORD", "benchmark-admin-secret",
                    "spring.main.banner-mode", "off", "logging.level.root", "WARN"));
            try (var context = app.run()) {
                var catalog = context.getBean(AppCatalog.class);
                var items = context.getBean(Items.class);
                var ref = new AppRef("bench", "contacts");
                catalog.saveDraft(new AppDefinition(ref, LocalizedText.of("Contacts"), List.of(
                        FieldDefinition.of("name", FieldType.STRING).withRequired(true),
                        FieldDefinition.of("email", FieldType.EMAIL),
                        FieldDefinition.of("age", FieldType.NUMBER),
                        new FieldDefinition("city", FieldType.STRING, null, false, false, true, false, null, false,
                                null, null, null, null, null))), "bench");
                catalog.publish(ref, "bench");
                Actor actor = Actor.SYSTEM;
                MongoCollection<Document> raw = PlatformOnly.database.getCollection("raw.contacts");

                System.out.printf("items | platform creates | raw inserts | platform/raw | platform search | raw find"
                        + " | platform/raw   (%d writers; searches: city = x, first 20)%n", writers);
                int loaded = 0;
                for (int size : sizes) {
                    int count = size - loaded;
                    double platformRate = run(count, writers, i -> items.create(actor, ref, Map.of(
                            "name", "Person " + i, "email", "p" + i + "@example.com", "age", i % 90,
                            "city", CITIES[i % CITIES.length])));
                    double rawRate = run(count, writers, i -> raw.insertOne(new Document("_id",
                            new ObjectId().toHexString()).append("name", "Person " + i)
                            .append("email", "p" + i + "@example.com").append("age", (long) (i % 90))
                            .append("city", CITIES[i % CITIES.length]).append("_v", 1L)
                            .append("_createdAt", new java.util.Date()).append("_deleted", false)));
                    loaded = size;
                    int searches = size >= 1_000_000 ? 20 : 200;
                    double platformSearch = run(searches, 1, i -> items.search(actor, ref, new ItemQuery(
                            new ItemFilter.Equals("city", CITIES[i % CITIES.length]), null, false, 20, null)));
                    // the same find the platform runs: stable order for cursor paging, one extra to see a next page
                    double rawSearch = run(searches, 1, i -> raw.find(Filters.and(Filters.ne("_deleted", true),
                            Filters.eq("city", CITIES[i % CITIES.length])))
                            .sort(com.mongodb.client.model.Sorts.ascending("_createdAt", "_id")).limit(21)
                            .into(new ArrayList<>()));
                    System.out.printf("%,d | %.0f/s | %.0f/s | %.2f | %.0f/s | %.0f/s | %.2f%n", size, platformRate,
                            rawRate, platformRate / rawRate, platformSearch, rawSearch, platformSearch / rawSearch);
                }
            }
        } finally {
            BenchSupport.deleteTree(root);
        }
    }

    interface Step {
        void run(int i) throws Exception;
    }

    /** Runs {@code count} steps on {@code threads} threads and returns steps per second. */
    private static double run(int count, int threads, Step step) throws Exception {
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
        return count / ((System.nanoTime() - started) / 1e9);
    }
}
