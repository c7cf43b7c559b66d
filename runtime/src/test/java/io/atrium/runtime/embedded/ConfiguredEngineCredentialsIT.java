package io.atrium.runtime.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoSecurityException;
import com.mongodb.client.MongoClients;
import io.atrium.runtime.RuntimeTestApplication;
import io.atrium.runtime.connection.ConnectionProbe;
import io.atrium.runtime.connection.MongoConnection;
import io.atrium.runtime.connection.ZeebeConnection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The four properties, exactly as operators write them, decide whom the embedded engines let in. */
@SpringBootTest(classes = RuntimeTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ConfiguredEngineCredentialsIT {

    private static final EngineCredentials MONGODB = new EngineCredentials("ops-mongo", "mongo-pass-0123456789");
    private static final EngineCredentials ZEEBE = new EngineCredentials("ops-zeebe", "zeebe-pass-0123456789");

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        RuntimeTestApplication.embeddedOnFreePorts(registry, dataDir, "integration-test-secret");
        registry.add("atrium.embedded.mongodb.username", MONGODB::username);
        registry.add("atrium.embedded.mongodb.password", MONGODB::password);
        registry.add("atrium.embedded.zeebe.username", ZEEBE::username);
        registry.add("atrium.embedded.zeebe.password", ZEEBE::password);
    }

    @Autowired
    MongoConnection mongo;
    @Autowired
    ZeebeConnection zeebe;
    @Autowired
    ConnectionProbe probe;

    @Test
    void shouldLetInTheConfiguredUsersAndGenerateNothing() {
        // given
        var server = mongo.embedded().orElseThrow();

        // when
        try (var client = MongoClients.create(server.connectionString(MONGODB));
                var camunda = EmbeddedClients.camunda(zeebe.gatewayAddress(), ZEEBE).build()) {
            var pong = client.getDatabase("atrium").runCommand(new Document("listCollections", 1));
            var topology = camunda.newTopologyRequest().requestTimeout(Duration.ofSeconds(10)).send()
                    .join(15, TimeUnit.SECONDS);

            // then
            assertThat(pong.get("ok", Number.class).intValue()).isEqualTo(1);
            assertThat(topology.getBrokers()).hasSize(1);
        }
        assertThat(probe.mongo().up()).isTrue();
        assertThat(probe.zeebe().up()).isTrue();
        assertThat(dataDir.resolve(EngineCredentialsFile.FILE_NAME)).doesNotExist();
    }

    @Test
    void shouldRefuseTheOtherEnginesPassword() {
        var server = mongo.embedded().orElseThrow();
        var swapped = new EngineCredentials(MONGODB.username(), ZEEBE.password());
        try (var client = MongoClients.create(server.connectionString(swapped))) {
            assertThatThrownBy(() -> client.getDatabase("atrium").runCommand(new Document("listCollections", 1)))
                    .isInstanceOf(MongoSecurityException.class);
        }
    }
}
