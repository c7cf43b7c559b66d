package io.atrium.runtime.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import io.atrium.runtime.RuntimeTestApplication;
import io.atrium.runtime.connection.ConnectionMode;
import io.atrium.runtime.connection.ConnectionProbe;
import io.atrium.runtime.connection.MongoConnection;
import io.atrium.runtime.connection.ZeebeConnection;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Boots the runtime on its embedded stand-ins and drives them only through the real clients:
 * a BPMN deployed and run to completion through a job worker and a message correlation, and a
 * document written and read through the MongoDB driver.
 */
@SpringBootTest(classes = RuntimeTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class EmbeddedEnginesIT {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        RuntimeTestApplication.embeddedOnFreePorts(registry, dataDir, "integration-test-secret");
    }

    @Autowired
    CamundaClient camunda;
    @Autowired
    MongoDatabase database;
    @Autowired
    MongoConnection mongoConnection;
    @Autowired
    ZeebeConnection zeebeConnection;
    @Autowired
    ConnectionProbe probe;

    @Test
    void shouldRunAProcessThroughAJobWorkerAndAMessage() throws Exception {
        camunda.newDeployResourceCommand()
                .addResourceFromClasspath("io/atrium/runtime/embedded/EmbeddedEnginesIT.bpmn")
                .send().join(20, TimeUnit.SECONDS);

        try (var worker = camunda.newWorker().jobType("compute-total")
                .handler((jobClient, job) -> {
                    var vars = job.getVariablesAsMap();
                    int total = ((Number) vars.get("quantity")).intValue() * ((Number) vars.get("price")).intValue();
                    jobClient.newCompleteCommand(job).variables(Map.of("total", total)).send().join();
                })
                .timeout(Duration.ofSeconds(30))
                .open()) {

            var outcome = camunda.newCreateInstanceCommand()
                    .bpmnProcessId("atrium-it-order").latestVersion()
                    .variables(Map.of("orderId", "order-17", "quantity", 3, "price", 40))
                    .withResult()
                    .requestTimeout(Duration.ofSeconds(30))
                    .send();

            // The instance waits at the message catch event until the payment arrives; the
            // message is correlated by the order id.
            camunda.newPublishMessageCommand()
                    .messageName("payment-received").correlationKey("order-17")
                    .variables(Map.of("paid", true))
                    .timeToLive(Duration.ofMinutes(1))
                    .send().join(20, TimeUnit.SECONDS);

            var result = outcome.join(30, TimeUnit.SECONDS);
            assertThat(result.getVariablesAsMap())
                    .containsEntry("total", 120)
                    .containsEntry("paid", true)
                    .containsEntry("orderId", "order-17");
        }
    }

    @Test
    void shouldStoreAndReadDocumentsThroughTheDriver() {
        var collection = database.getCollection("it_documents");
        collection.insertOne(new Document("_id", "doc-1").append("subject", "Lost card"));

        assertThat(collection.find(new Document("_id", "doc-1")).first())
                .containsEntry("subject", "Lost card");
    }

    @Test
    void shouldListenOnLoopbackOnlyByDefault() {
        InetAddress mongoHost = mongoConnection.embedded().orElseThrow().address().getAddress();
        assertThat(mongoHost.isLoopbackAddress()).isTrue();
        assertThat(zeebeConnection.gatewayAddress().getHost()).isEqualTo("127.0.0.1");
        assertThat(mongoConnection.mode()).isEqualTo(ConnectionMode.EMBEDDED);
        assertThat(zeebeConnection.mode()).isEqualTo(ConnectionMode.EMBEDDED);
    }

    @Test
    void shouldKeepTheGeneratedCredentialsOwnerOnlyAndRefuseClientsWithoutThem() throws Exception {
        // given: the platform started without configured credentials
        Path file = dataDir.resolve(EngineCredentialsFile.FILE_NAME);
        var server = mongoConnection.embedded().orElseThrow();

        // when
        try (var anonymousMongo = MongoClients.create(server.connectionString());
                var anonymousCamunda = CamundaClient.newClientBuilder().grpcAddress(zeebeConnection.gatewayAddress())
                        .preferRestOverGrpc(false).build()) {

            // then
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThatThrownBy(() -> anonymousMongo.getDatabase("atrium").getCollection("users").find().first())
                    .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(13));
            assertThatThrownBy(() -> anonymousCamunda.newTopologyRequest().send().join(15, TimeUnit.SECONDS))
                    .isInstanceOfSatisfying(ClientStatusException.class,
                            e -> assertThat(e.getStatusCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
        }
        var stored = EngineCredentialsFile.in(dataDir).obtain("mongodb");
        assertThat(stored.generated()).isFalse(); // the platform's start wrote them; this only reads
        try (var client = MongoClients.create(server.connectionString(stored.credentials()))) {
            assertThat(client.getDatabase("atrium").getCollection("users").countDocuments()).isPositive();
        }
    }

    @Test
    void shouldReportBothEnginesUp() {
        assertThat(probe.mongo().up()).isTrue();
        assertThat(probe.zeebe().up()).isTrue();
    }
}
