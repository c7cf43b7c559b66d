package io.atrium.runtime.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import io.atrium.platform.QueryTimeLimit;
import io.atrium.platform.audit.AuditTrail;
import io.atrium.runtime.RuntimeTestApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The platform creates the indexes its own queries need through the driver at start, so the same
 * calls hold in embedded and external mode; each query below is the one the owning store runs, and
 * the stand-in's {@code explain} must say an index answers it.
 */
@SpringBootTest(classes = RuntimeTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class PlatformIndexesIT {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        RuntimeTestApplication.embeddedOnFreePorts(registry, dataDir, "indexes-test-secret");
    }

    @Autowired
    MongoDatabase database;
    @Autowired
    QueryTimeLimit timeLimit;

    @Test
    void shouldServeTheStoresQueriesFromIndexes() {
        assertServedByIndex("notifications", Filters.eq("recipient", "ann"), new Document("createdAt", -1), 50);
        assertServedByIndex("audit", Filters.eq("subject", "items/crm/deals/1"),
                new Document("at", 1).append("version", 1), 0);
        assertServedByIndex("api_tokens", Filters.eq("username", "ann"), null, 0);
        assertServedByIndex("users", Filters.eq("groups", "sales"), null, 0);
        assertServedByIndex("users", Filters.eq("roles", "ADMIN"), null, 1);
        assertServedByIndex("files.files", Filters.and(Filters.eq("metadata.item", null),
                Filters.lt("uploadDate", new Date())), null, 0);
        assertServedByIndex("process_versions", Filters.eq("definition.deployment.definitionKey", 42L), null, 1);
        assertServedByIndex("process_tasks", Filters.eq("state", "OPEN"),
                new Document("priority", -1).append("createdAt", 1), 100);
        assertServedByIndex("process_tasks", Filters.and(Filters.eq("instanceKey", 7L), Filters.eq("state", "OPEN")),
                null, 0);
        assertServedByIndex("process_tasks", Filters.eq("approval.jobKey", 9L), new Document("createdAt", 1), 0);
        assertServedByIndex("process_instances", new Document(), new Document("startedAt", -1), 50);
        assertServedByIndex("process_instances", Filters.eq("process", "crm/offer"), new Document("startedAt", -1), 50);
        assertServedByIndex("process_instances", Filters.eq("state", "ACTIVE"), new Document("startedAt", -1), 50);
        assertServedByIndex("process_instances", Filters.eq("hasIncident", true), new Document("startedAt", -1), 50);
        assertServedByIndex("process_versions", Filters.eq("process", "crm/offer"), new Document("version", 1), 0);
    }

    @Test
    void shouldExpireSignInCountersThroughATimeToLiveIndex() {
        var ttl = indexes("sign_in_attempts").stream().filter(i -> i.containsKey("expireAfterSeconds")).toList();
        assertThat(ttl).singleElement().satisfies(index -> {
            assertThat(index.get("key", Document.class)).containsEntry("expiresAt", 1);
            assertThat(((Number) index.get("expireAfterSeconds")).longValue()).isZero();
        });
    }

    @Test
    void shouldReplaceTheSubjectOnlyAuditIndexWithTheOrderedOne() {
        // given: the index an earlier release created
        database.getCollection("audit").createIndex(Indexes.ascending("subject"));
        assertThat(indexes("audit")).extracting(i -> i.getString("name")).contains("subject_1");

        // when: the trail starts again
        new AuditTrail(database, timeLimit);

        // then
        assertThat(indexes("audit")).extracting(i -> i.getString("name"))
                .contains("subject_1_at_1_version_1").doesNotContain("subject_1");
    }

    private List<Document> indexes(String collection) {
        return database.getCollection(collection).listIndexes().into(new ArrayList<>());
    }

    private void assertServedByIndex(String collection, Bson filter, Document sort, int limit) {
        Document plan = StandInIndexesIT.winningPlan(database, collection, filter, sort, limit);
        assertThat(StandInIndexesIT.indexScan(plan)).as("%s %s sorted %s: %s", collection, filter, sort, plan.toJson())
                .isNotNull();
    }
}
