package io.atrium.runtime.process.instance;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.atrium.platform.QueryTimeLimit;
import io.atrium.runtime.embedded.EmbeddedMongoServer;
import io.atrium.runtime.embedded.EngineCredentials;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceStoreIT {

    private static final EngineCredentials CREDENTIALS = EngineCredentials.generate();

    @TempDir
    Path dataDir;

    @Test
    void shouldWriteABatchInWhichAnInstanceHasNothingToKeep() {
        try (var server = EmbeddedMongoServer.start(dataDir, "127.0.0.1", 0, true, EmbeddedMongoServer.DEFAULT_CACHE_MB,
                CREDENTIALS, Duration.ofMillis(200));
                var client = MongoClients.create(server.connectionString(CREDENTIALS))) {
            var database = client.getDatabase("atrium");
            var store = new InstanceStore(database, new QueryTimeLimit(QueryTimeLimit.DEFAULT));

            // given: one instance's events change something, the other's (say, only an element
            // completing) change nothing the projection keeps
            var kept = new InstanceStore.Change(1).set("state", "ACTIVE").flow("toTask");
            var nothing = new InstanceStore.Change(2);

            // when
            store.apply(List.of(kept, nothing));
            store.apply(List.of(new InstanceStore.Change(3)));

            // then: the batch is written, without an empty update the server would refuse
            var instances = database.getCollection("process_instances");
            assertThat(instances.find(Filters.eq("_id", 1L)).first())
                    .containsEntry("state", "ACTIVE").containsEntry("flows", List.of("toTask"));
            assertThat(instances.countDocuments(Filters.in("_id", 2L, 3L))).isZero();
            assertThat(instances.countDocuments(new Document())).isEqualTo(1);
        }
    }
}
