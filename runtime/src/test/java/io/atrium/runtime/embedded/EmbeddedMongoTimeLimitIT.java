package io.atrium.runtime.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stand-in honours maxTimeMS the way MongoDB does, so the driver's time limits mean something. */
class EmbeddedMongoTimeLimitIT {

    private static final int DOCUMENTS = 10_000;
    /** Backtracks on every document: slow enough that a full scan takes seconds. */
    private static final Bson SLOW = Filters.regex("text", "(.*a){4}$");
    private static final EngineCredentials CREDENTIALS = EngineCredentials.generate();

    @TempDir
    Path dataDir;

    private EmbeddedMongoServer server;
    private MongoClient client;
    private MongoCollection<Document> notes;

    @BeforeEach
    void startWithManyDocuments() {
        server = EmbeddedMongoServer.start(dataDir, "127.0.0.1", 0, false, CREDENTIALS);
        client = MongoClients.create(server.connectionString(CREDENTIALS));
        notes = client.getDatabase("atrium").getCollection("notes");
        var batch = new ArrayList<Document>();
        for (int i = 0; i < DOCUMENTS; i++) {
            batch.add(new Document("_id", i).append("text", "a".repeat(18) + "b"));
            if (batch.size() == 1000) {
                notes.insertMany(batch);
                batch.clear();
            }
        }
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void shouldStopAFindAtItsMaxTimeWithMaxTimeMSExpired() {
        // given the time a full scan takes
        long started = System.nanoTime();
        assertThat(notes.find(SLOW).into(new ArrayList<>())).isEmpty();
        long fullScanMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(fullScanMs).as("the scan must be slow for this test to mean anything").isGreaterThan(1_000);

        // when
        long limited = System.nanoTime();
        assertThatThrownBy(() -> notes.find(SLOW).maxTime(200, TimeUnit.MILLISECONDS).first())
                .isInstanceOfSatisfying(MongoExecutionTimeoutException.class,
                        e -> assertThat(e.getCode()).isEqualTo(50));
        long limitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - limited);

        // then it gave up at about its limit, not after the whole scan
        assertThat(limitedMs).as("full scan took %d ms", fullScanMs).isBetween(200L, Math.max(800L, fullScanMs / 3));
    }

    @Test
    void shouldStopCountsAndAggregationsAtTheirMaxTime() {
        assertThatThrownBy(() -> notes.countDocuments(SLOW, new CountOptions().maxTime(100, TimeUnit.MILLISECONDS)))
                .isInstanceOf(MongoExecutionTimeoutException.class);
        assertThatThrownBy(() -> notes.aggregate(java.util.List.of(new Document("$match", new Document("text",
                new Document("$regex", "(.*a){4}$"))))).maxTime(100, TimeUnit.MILLISECONDS).first())
                .isInstanceOf(MongoExecutionTimeoutException.class);
    }

    @Test
    void shouldAnswerQueriesThatFinishInTimeAndLeaveTheNextCommandUnlimited() {
        assertThat(notes.find(Filters.eq("_id", 7)).maxTime(200, TimeUnit.MILLISECONDS).first())
                .containsEntry("text", "a".repeat(18) + "b");
        assertThatThrownBy(() -> notes.find(SLOW).maxTime(50, TimeUnit.MILLISECONDS).first())
                .isInstanceOf(MongoExecutionTimeoutException.class);

        assertThat(notes.countDocuments(Filters.regex("text", "b$"))).as("no limit carried over")
                .isEqualTo(DOCUMENTS);
    }

    @Test
    void shouldReadWhatThePlainH2BackendWrote(@TempDir Path older) {
        // given a store written before the stand-in honoured time limits
        var store = new MVStore.Builder().fileName(older.resolve("atrium.mv.db").toString()).open();
        var plain = new MongoServer(new H2Backend(store));
        plain.bind("127.0.0.1", 0);
        try (var writer = MongoClients.create("mongodb://127.0.0.1:" + plain.getLocalAddress().getPort())) {
            writer.getDatabase("atrium").getCollection("requests").insertOne(new Document("_id", "r-1"));
        }
        plain.shutdownNow();
        store.close();

        // when / then
        try (var reopened = EmbeddedMongoServer.start(older, "127.0.0.1", 0, CREDENTIALS);
                var reader = MongoClients.create(reopened.connectionString(CREDENTIALS))) {
            assertThat(reader.getDatabase("atrium").getCollection("requests").find(Filters.eq("_id", "r-1"))
                    .maxTime(1, TimeUnit.SECONDS).first()).isNotNull();
        }
    }
}
