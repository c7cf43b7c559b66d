package io.atrium.runtime.embedded;

import io.camunda.client.CamundaClient;
import io.camunda.client.CamundaClientBuilder;
import io.camunda.client.CredentialsProvider;
import java.net.URI;

/** Clients of the embedded engines that log in, for tests and benchmarks. */
public final class EmbeddedClients {

    private EmbeddedClients() {
    }

    /** A Camunda client builder for the gateway at {@code address} that sends {@code credentials}. */
    public static CamundaClientBuilder camunda(URI address, EngineCredentials credentials) {
        return CamundaClient.newClientBuilder().grpcAddress(address).preferRestOverGrpc(false)
                .credentialsProvider(basicAuth(credentials));
    }

    public static CredentialsProvider basicAuth(EngineCredentials credentials) {
        return CredentialsProvider.newBasicAuthCredentialsProviderBuilder().username(credentials.username())
                .password(credentials.password()).applyEnvironmentOverrides(false).build();
    }
}
