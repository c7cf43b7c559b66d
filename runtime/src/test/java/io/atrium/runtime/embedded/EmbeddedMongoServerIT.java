package io.atrium.runtime.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoServerIT {

    @TempDir
    Path dataDir;

    @Test
    void shouldKeepDocumentsAcrossAStopAndStart() {
        try (var server = EmbeddedMongoServer.start(dataDir, "127.0.0.1", 0);
                var client = MongoClients.create(server.connectionString())) {
            client.getDatabase("atrium").getCollection("requests")
                    .insertOne(new Document("_id", "r-1").append("subject", "Card lost"));
        }

        try (var server = EmbeddedMongoServer.start(dataDir, "127.0.0.1", 0);
                var client = MongoClients.create(server.connectionString())) {
            var found = client.getDatabase("atrium").getCollection("requests").find(new Document("_id", "r-1")).first();
            assertThat(found).containsEntry("subject", "Card lost");
        }
    }

    @Test
    void shouldExplainWhenThePortIsTaken() {
        try (var first = EmbeddedMongoServer.start(dataDir.resolve("a"), "127.0.0.1", 0)) {
            int taken = first.address().getPort();

            assertThatThrownBy(() -> EmbeddedMongoServer.start(dataDir.resolve("b"), "127.0.0.1", taken))
                    .hasMessageContaining("cannot listen on 127.0.0.1:" + taken)
                    .hasMessageContaining("atrium.embedded.mongodb.port");
        }
    }
}
