package io.atrium.runtime.connection;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClients;
import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The probes must say DOWN, quickly, when nothing answers: never UP by default. */
class ConnectionProbeTest {

    @Test
    void shouldReportDownWhenNothingAnswers() throws IOException {
        int closedPort = closedPort();
        var mongoClient = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + closedPort))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(30, TimeUnit.SECONDS))
                .build());
        var camunda = CamundaClient.newClientBuilder()
                .grpcAddress(URI.create("http://127.0.0.1:" + closedPort))
                .preferRestOverGrpc(false)
                .build();
        try (var mongo = new MongoConnection(mongoClient, "atrium", ConnectionMode.EXTERNAL, Optional.empty());
                var zeebe = new ZeebeConnection(camunda, URI.create("http://127.0.0.1:" + closedPort),
                        ConnectionMode.EXTERNAL, Optional.empty())) {
            var probe = new ConnectionProbe(mongo, zeebe);

            long started = System.nanoTime();
            var mongoProbe = probe.mongo();
            var zeebeProbe = probe.zeebe();
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(mongoProbe.up()).isFalse();
            assertThat(mongoProbe.detail()).contains("no answer");
            assertThat(zeebeProbe.up()).isFalse();
            // bounded by the probes' own limits, not by the clients' 30 s timeouts
            assertThat(took).isLessThan(Duration.ofSeconds(15));
        }
    }

    private static int closedPort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
