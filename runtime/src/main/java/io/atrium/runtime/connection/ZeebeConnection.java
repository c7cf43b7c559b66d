package io.atrium.runtime.connection;

import io.atrium.runtime.embedded.EmbeddedZeebeEngine;
import io.camunda.client.CamundaClient;
import java.net.URI;
import java.util.Optional;

/**
 * The platform's Camunda client and, in embedded mode, the engine it talks to. Closing it
 * closes the client first, then the engine.
 */
public record ZeebeConnection(CamundaClient client, URI gatewayAddress, ConnectionMode mode,
        Optional<EmbeddedZeebeEngine> embedded) implements AutoCloseable {

    @Override
    public void close() {
        client.close();
        embedded.ifPresent(EmbeddedZeebeEngine::close);
    }
}
