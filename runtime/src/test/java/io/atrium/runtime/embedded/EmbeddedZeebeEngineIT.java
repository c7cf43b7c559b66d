package io.atrium.runtime.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EmbeddedZeebeEngineIT {

    private static final EngineCredentials CREDENTIALS = EngineCredentials.generate();

    @Test
    void shouldAnswerTheCamundaClientOnTheChosenLoopbackAddress() {
        try (var engine = EmbeddedZeebeEngine.start("127.0.0.1", 0, CREDENTIALS);
                var client = EmbeddedClients.camunda(engine.gatewayAddress(), CREDENTIALS).build()) {
            var topology = client.newTopologyRequest().requestTimeout(Duration.ofSeconds(10)).send()
                    .join(15, TimeUnit.SECONDS);

            assertThat(engine.gatewayAddress().getHost()).isEqualTo("127.0.0.1");
            assertThat(topology.getBrokers()).hasSize(1);
            assertThat(topology.getPartitionsCount()).isEqualTo(1);
        }
    }

    @Test
    void shouldRefuseAClientWithoutCredentials() {
        // given
        try (var engine = EmbeddedZeebeEngine.start("127.0.0.1", 0, CREDENTIALS);
                var anonymous = CamundaClient.newClientBuilder().grpcAddress(engine.gatewayAddress())
                        .preferRestOverGrpc(false).build()) {

            // when / then
            assertThatThrownBy(() -> anonymous.newTopologyRequest().requestTimeout(Duration.ofSeconds(10)).send()
                    .join(15, TimeUnit.SECONDS))
                    .isInstanceOfSatisfying(ClientStatusException.class,
                            e -> assertThat(e.getStatusCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
            assertThatThrownBy(() -> anonymous.newPublishMessageCommand().messageName("m").correlationKey("k")
                    .send().join(15, TimeUnit.SECONDS))
                    .isInstanceOfSatisfying(ClientStatusException.class,
                            e -> assertThat(e.getStatusCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
        }
    }

    @Test
    void shouldRefuseAClientWithAWrongPassword() {
        // given
        var wrong = new EngineCredentials(CREDENTIALS.username(), CREDENTIALS.password() + "x");
        try (var engine = EmbeddedZeebeEngine.start("127.0.0.1", 0, CREDENTIALS);
                var client = EmbeddedClients.camunda(engine.gatewayAddress(), wrong).build()) {

            // when / then
            assertThatThrownBy(() -> client.newTopologyRequest().requestTimeout(Duration.ofSeconds(10)).send()
                    .join(15, TimeUnit.SECONDS))
                    .isInstanceOfSatisfying(ClientStatusException.class,
                            e -> assertThat(e.getStatusCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
        }
    }

    @Test
    void shouldExplainWhenThePortIsTaken() {
        try (var first = EmbeddedZeebeEngine.start("127.0.0.1", 0, CREDENTIALS)) {
            int taken = first.gatewayAddress().getPort();

            assertThatThrownBy(() -> EmbeddedZeebeEngine.start("127.0.0.1", taken, CREDENTIALS))
                    .hasMessageContaining("cannot listen on 127.0.0.1:" + taken)
                    .hasMessageContaining("atrium.embedded.zeebe.port");
        }
    }
}
