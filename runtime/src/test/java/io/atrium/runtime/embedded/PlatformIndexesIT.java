package io.atrium.runtime.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import io.atrium.platform.QueryTimeLimit;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.FieldDefinition;
import io.atrium.platform.app.FieldType;
import io.atrium.platform.app.LocalizedText;
import io.atrium.platform.item.internal.ItemCollections;
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
    @Autowired
    AppCatalog catalog;
    @Autowired
    ItemCollections collections;

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
    void shouldReadAnAppsListPagesInOrderFromIndexes() {
        // given: an app whose items an earlier release indexed by creation time and by city alone
        var ref = new AppRef("indexes", "contacts");
        var items = collections.of(ref);
        items.createIndex(Indexes.ascending("_createdAt"));
        items.createIndex(Indexes.ascending("city"));
        var companies = new AppRef("indexes", "companies");
        catalog.saveDraft(new AppDefinition(companies, LocalizedText.of("Companies"),
                List.of(FieldDefinition.of("name", FieldType.STRING))), "ana");
        catalog.publish(companies, "ana");

        // when
        catalog.saveDraft(new AppDefinition(ref, LocalizedText.of("Contacts"), List.of(
                FieldDefinition.of("name", FieldType.STRING),
                new FieldDefinition("city", FieldType.STRING, null, false, false, true, false, null, false,
                        null, null, null, null, null),
                new FieldDefinition("company", FieldType.REFERENCE, null, false, false, true, false, null, false,
                        null, companies, null, null, null))), "ana");
        catalog.publish(ref, "ana");

        // then: the first page of the list, of one city and of one company come from an index in
        // the list's order (creation, then id), without sorting what matched
        var order = new Document("_createdAt", 1).append("_id", 1);
        var visible = Filters.ne("_deleted", true);
        String collection = items.getNamespace().getCollectionName();
        for (Bson filter : List.of(visible, Filters.and(visible, Filters.eq("city", "Oslo")),
                Filters.and(visible, Filters.eq("company", "c1")))) {
            Document plan = StandInIndexesIT.winningPlan(database, collection, filter, order, 21);
            assertThat(plan.getString("stage")).as(plan.toJson()).isEqualTo("LIMIT");
            assertThat(StandInIndexesIT.indexScan(plan)).as(plan.toJson()).isNotNull();
        }
        Document descending = StandInIndexesIT.winningPlan(database, collection, visible,
                new Document("_createdAt", -1).append("_id", -1), 21);
        assertThat(descending.getString("stage")).as(descending.toJson()).isEqualTo("LIMIT");
        assertThat(indexes(collection)).extracting(i -> i.getString("name"))
                .contains("_createdAt_1__id_1", "city_1__createdAt_1__id_1", "company_1__createdAt_1__id_1")
                .doesNotContain("_createdAt_1", "city_1");
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
