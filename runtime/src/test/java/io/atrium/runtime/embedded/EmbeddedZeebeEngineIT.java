package io.atrium.runtime.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EmbeddedZeebeEngineIT {

    @Test
    void shouldAnswerTheCamundaClientOnTheChosenLoopbackAddress() {
        try (var engine = EmbeddedZeebeEngine.start("127.0.0.1", 0);
                var client = CamundaClient.newClientBuilder().grpcAddress(engine.gatewayAddress())
                        .preferRestOverGrpc(false).build()) {
            var topology = client.newTopologyRequest().requestTimeout(Duration.ofSeconds(10)).send()
                    .join(15, TimeUnit.SECONDS);

            assertThat(engine.gatewayAddress().getHost()).isEqualTo("127.0.0.1");
            assertThat(topology.getBrokers()).hasSize(1);
            assertThat(topology.getPartitionsCount()).isEqualTo(1);
        }
    }

    @Test
    void shouldExplainWhenThePortIsTaken() {
        try (var first = EmbeddedZeebeEngine.start("127.0.0.1", 0)) {
            int taken = first.gatewayAddress().getPort();

            assertThatThrownBy(() -> EmbeddedZeebeEngine.start("127.0.0.1", taken))
                    .hasMessageContaining("cannot listen on 127.0.0.1:" + taken)
                    .hasMessageContaining("atrium.embedded.zeebe.port");
        }
    }
}
