package io.atrium.runtime.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoQueryException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandInIndexesIT {

    private static final EngineCredentials CREDENTIALS = EngineCredentials.generate();

    @TempDir
    Path dataDir;

    private EmbeddedMongoServer start() {
        return EmbeddedMongoServer.start(dataDir, "127.0.0.1", 0, true, EmbeddedMongoServer.DEFAULT_CACHE_MB,
                CREDENTIALS, Duration.ofMillis(200));
    }

    private static MongoClient client(EmbeddedMongoServer server) {
        return MongoClients.create(server.connectionString(CREDENTIALS));
    }

    static Document winningPlan(MongoDatabase db, String collection, Bson filter, Document sort, int limit) {
        Document find = new Document("find", collection).append("filter", filter.toBsonDocument());
        if (sort != null) {
            find.append("sort", sort);
        }
        if (limit > 0) {
            find.append("limit", limit);
        }
        Document explained = db.runCommand(new Document("explain", find));
        return explained.get("queryPlanner", Document.class).get("winningPlan", Document.class);
    }

    /** The IXSCAN stage of a plan, or null when it scans the collection. */
    static Document indexScan(Document stage) {
        while (stage != null) {
            if ("IXSCAN".equals(stage.getString("stage"))) {
                return stage;
            }
            stage = stage.get("inputStage", Document.class);
        }
        return null;
    }

    private static long keys(MongoDatabase db, String collection, String index) {
        Document validated = db.runCommand(new Document("validate", collection));
        return ((Number) validated.get("keysPerIndex", Document.class).get(index)).longValue();
    }

    @Test
    void shouldKeepIndexesAsCreatedAcrossARestartAndStillAnswerFromThem() {
        List<Document> created;
        try (var server = start(); var client = client(server)) {
            // given
            MongoCollection<Document> messages = client.getDatabase("atrium").getCollection("messages");
            for (int i = 0; i < 500; i++) {
                messages.insertOne(new Document("_id", i).append("session", "s" + (i % 50)).append("seq", i)
                        .append("channel", new Document("kind", i % 2 == 0 ? "mail" : "chat")));
            }
            messages.createIndex(new Document("session", 1).append("seq", -1), new IndexOptions().name("by_session"));
            messages.createIndex(new Document("channel.kind", 1), new IndexOptions().sparse(true));
            messages.createIndex(new Document("sentAt", 1), new IndexOptions().expireAfter(3600L, TimeUnit.SECONDS));
            created = messages.listIndexes().into(new ArrayList<>());
        }

        try (var server = start(); var client = client(server)) {
            // when
            MongoDatabase db = client.getDatabase("atrium");
            MongoCollection<Document> messages = db.getCollection("messages");
            List<Document> found = messages.find(Filters.eq("session", "s7")).sort(new Document("seq", -1)).limit(3)
                    .into(new ArrayList<>());

            // then
            assertThat(messages.listIndexes().into(new ArrayList<>())).isEqualTo(created);
            assertThat(created).extracting(index -> index.getString("name"))
                    .containsExactly("_id_", "by_session", "channel.kind_1", "sentAt_1");
            assertThat(created).filteredOn(index -> index.getString("name").equals("channel.kind_1")).singleElement()
                    .satisfies(index -> assertThat(index).containsEntry("sparse", true)
                            .containsEntry("key", new Document("channel.kind", 1)));
            assertThat(created).filteredOn(index -> index.getString("name").equals("sentAt_1")).singleElement()
                    .satisfies(index -> assertThat(((Number) index.get("expireAfterSeconds")).longValue()).isEqualTo(3600));
            assertThat(found).extracting(document -> document.getInteger("seq")).containsExactly(457, 407, 357);
            Document scan = indexScan(winningPlan(db, "messages", Filters.eq("session", "s7"), new Document("seq", -1), 3));
            assertThat(scan).containsEntry("indexName", "by_session");
            assertThat(keys(db, "messages", "by_session")).isEqualTo(500);
            assertThat(messages.countDocuments(Filters.eq("channel.kind", "mail"))).isEqualTo(250);
        }
    }

    @Test
    void shouldFollowInsertsUpdatesReplacesDeletesUpsertsAndBulkWrites() {
        try (var server = start(); var client = client(server)) {
            // given
            MongoDatabase db = client.getDatabase("atrium");
            MongoCollection<Document> items = db.getCollection("items");
            items.createIndex(new Document("tags", 1));
            items.createIndex(new Document("status", 1).append("priority", -1));
            items.insertOne(new Document("_id", "i-1").append("tags", List.of("red", "blue")).append("status", "open")
                    .append("priority", 1));

            // when: an array element is replaced, a value changes, a document is replaced, upserted, bulk written
            items.updateOne(Filters.eq("_id", "i-1"), Updates.set("tags.1", "green"));
            items.updateOne(Filters.eq("_id", "i-1"), Updates.set("status", "closed"));
            items.replaceOne(Filters.eq("_id", "i-1"), new Document("tags", List.of("amber")).append("status", "open")
                    .append("priority", 5));
            items.updateOne(Filters.eq("status", "waiting"), Updates.combine(Updates.set("tags", List.of("new")),
                    Updates.set("priority", 2)), new UpdateOptions().upsert(true));
            items.replaceOne(Filters.eq("_id", "i-3"), new Document("status", "open").append("priority", 9),
                    new ReplaceOptions().upsert(true));
            items.bulkWrite(List.of(new InsertOneModel<>(new Document("_id", "i-4").append("status", "open")
                            .append("priority", 3).append("tags", List.of("red"))),
                    new UpdateOneModel<>(Filters.eq("_id", "i-3"), Updates.push("tags", "red"))));

            // then
            assertThat(items.find(Filters.eq("tags", "blue")).into(new ArrayList<>())).isEmpty();
            assertThat(items.find(Filters.eq("tags", "green")).into(new ArrayList<>())).isEmpty();
            assertThat(items.find(Filters.eq("tags", "amber")).into(new ArrayList<>())).extracting("_id")
                    .containsExactly("i-1");
            assertThat(items.find(Filters.eq("status", "closed")).into(new ArrayList<>())).isEmpty();
            assertThat(items.find(Filters.eq("status", "open")).sort(new Document("priority", -1)).into(new ArrayList<>()))
                    .extracting("_id").containsExactly("i-3", "i-1", "i-4");
            assertThat(items.find(Filters.eq("tags", "red")).into(new ArrayList<>())).extracting("_id")
                    .containsExactlyInAnyOrder("i-3", "i-4");
            assertThat(items.find(Filters.eq("tags", "new")).into(new ArrayList<>())).hasSize(1);
            assertThat(indexScan(winningPlan(db, "items", Filters.eq("tags", "red"), null, 0))).isNotNull();
            assertThat(keys(db, "items", "tags_1")).isEqualTo(4); // amber, new, red, red

            // and when everything is deleted, nothing is left behind in the indexes
            items.deleteMany(Filters.eq("status", "open"));
            items.deleteOne(Filters.eq("tags", "new"));
            assertThat(items.countDocuments()).isZero();
            assertThat(keys(db, "items", "tags_1")).isZero();
            assertThat(keys(db, "items", "status_1_priority_-1")).isZero();
        }
    }

    @Test
    void shouldExplainWhichIndexServesAQueryInTheServersShape() {
        try (var server = start(); var client = client(server)) {
            // given
            MongoDatabase db = client.getDatabase("atrium");
            MongoCollection<Document> sessions = db.getCollection("sessions");
            sessions.insertOne(new Document("_id", 1).append("customer", "c-1").append("state", "open"));
            sessions.createIndex(new Document("customer", 1));

            // when
            Document indexed = winningPlan(db, "sessions", Filters.eq("customer", "c-1"), null, 0);
            Document scanned = winningPlan(db, "sessions", Filters.eq("state", "open"), null, 0);
            Document sorted = winningPlan(db, "sessions", Filters.gt("customer", "c"), new Document("state", 1), 10);

            // then
            assertThat(indexed).containsEntry("stage", "FETCH");
            assertThat(indexed.get("inputStage", Document.class)).containsEntry("stage", "IXSCAN")
                    .containsEntry("indexName", "customer_1").containsEntry("direction", "forward")
                    .containsEntry("keyPattern", new Document("customer", 1));
            assertThat(scanned).containsEntry("stage", "COLLSCAN");
            assertThat(sorted).containsEntry("stage", "SORT");
            assertThat(indexScan(sorted)).containsEntry("indexName", "customer_1");
        }
    }

    @Test
    void shouldDropAnIndexAndBuildItAgainOverTheDocuments() {
        try (var server = start(); var client = client(server)) {
            // given
            MongoDatabase db = client.getDatabase("atrium");
            MongoCollection<Document> files = db.getCollection("files");
            files.insertMany(List.of(new Document("_id", 1).append("owner", "a"), new Document("_id", 2).append("owner", "b")));
            files.createIndex(new Document("owner", 1));

            // when
            files.dropIndex("owner_1");

            // then
            assertThat(files.listIndexes().into(new ArrayList<>())).extracting(index -> index.getString("name"))
                    .containsExactly("_id_");
            assertThat(winningPlan(db, "files", Filters.eq("owner", "a"), null, 0)).containsEntry("stage", "COLLSCAN");

            files.insertOne(new Document("_id", 3).append("owner", "a"));
            files.createIndex(new Document("owner", 1));
            assertThat(files.find(Filters.eq("owner", "a")).into(new ArrayList<>())).extracting("_id").containsExactly(1, 3);
            assertThat(keys(db, "files", "owner_1")).isEqualTo(3);
        }
    }

    @Test
    void shouldExpireDocumentsOfATtlIndexInTheBackground() throws InterruptedException {
        try (var server = start(); var client = client(server)) {
            // given
            MongoCollection<Document> tokens = client.getDatabase("atrium").getCollection("tokens");
            tokens.createIndex(new Document("createdAt", 1), new IndexOptions().expireAfter(60L, TimeUnit.SECONDS));
            Instant now = Instant.now();
            tokens.insertMany(List.of(
                    new Document("_id", "old").append("createdAt", Date.from(now.minusSeconds(3600))),
                    new Document("_id", "fresh").append("createdAt", Date.from(now)),
                    new Document("_id", "no-date").append("createdAt", "yesterday")));

            // when
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (tokens.countDocuments(Filters.eq("_id", "old")) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }

            // then
            assertThat(tokens.find().into(new ArrayList<>())).extracting("_id").containsExactly("fresh", "no-date");
        }
    }

    @Test
    void shouldAnswerWhatStandardToolsAskTruthfully() {
        try (var server = start(); var client = client(server)) {
            // given
            MongoDatabase db = client.getDatabase("atrium");
            MongoCollection<Document> audit = db.getCollection("audit");
            audit.insertOne(new Document("_id", 1).append("text", "card lost").append("at", new Date()).append("n", 3));
            db.getCollection("files").insertOne(new Document("_id", 1));
            audit.createIndex(new Document("n", 1));

            // then: listCollections honours its filter
            assertThat(db.listCollectionNames().into(new ArrayList<>())).containsExactlyInAnyOrder("audit", "files");
            assertThat(db.listCollections().filter(Filters.eq("name", "files")).into(new ArrayList<>()))
                    .extracting(collection -> collection.getString("name")).containsExactly("files");

            // a hint of a missing index is refused, a real one is taken
            assertThatThrownBy(() -> audit.find(Filters.eq("n", 3)).hint(new Document("nothing", 1)).first())
                    .isInstanceOfSatisfying(MongoQueryException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(2);
                        assertThat(e.getErrorMessage()).isEqualTo("hint provided does not correspond to an existing index");
                    });
            assertThatThrownBy(() -> audit.find().hintString("nothing_1").first())
                    .isInstanceOfSatisfying(MongoQueryException.class, e -> assertThat(e.getErrorCode()).isEqualTo(2));
            assertThat(audit.find(Filters.eq("n", 3)).hint(new Document("n", 1)).first()).isNotNull();
            assertThat(audit.find(Filters.eq("n", 3)).hintString("n_1").first()).isNotNull();

            // $type works, $text is an error rather than a wrong answer
            assertThat(audit.find(Filters.type("at", "date")).into(new ArrayList<>())).hasSize(1);
            assertThat(audit.find(Filters.type("n", "string")).into(new ArrayList<>())).isEmpty();
            assertThatThrownBy(() -> audit.find(Filters.text("card")).first())
                    .isInstanceOfSatisfying(MongoQueryException.class, e -> assertThat(e.getErrorCode()).isEqualTo(27));
            assertThatThrownBy(() -> db.runCommand(new Document("explain", new Document("find", "audit")
                    .append("filter", new Document("$text", new Document("$search", "card"))))))
                    .isInstanceOf(MongoCommandException.class);
        }
    }
}
