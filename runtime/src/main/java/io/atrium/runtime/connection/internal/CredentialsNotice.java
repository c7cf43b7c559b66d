package io.atrium.runtime.connection.internal;

import io.atrium.runtime.embedded.EmbeddedMongoServer;
import io.atrium.runtime.embedded.EmbeddedZeebeEngine;
import io.atrium.runtime.embedded.EngineCredentialsFile.Obtained;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the operator how to reach the embedded engines. Generated credentials are printed once,
 * on the start that generated them, with ready-to-use connection strings; at every other start
 * only where the credentials come from is logged, never the password.
 */
final class CredentialsNotice {

    private static final Logger log = LoggerFactory.getLogger(CredentialsNotice.class);

    private CredentialsNotice() {
    }

    static void mongodb(EmbeddedMongoServer server, Obtained obtained, String source) {
        if (!obtained.generated()) {
            log.info("The embedded MongoDB lets in '{}' with the password from {}",
                    obtained.credentials().username(), source);
            return;
        }
        var credentials = obtained.credentials();
        String uri = server.connectionString(credentials);
        // Printed once, on purpose, like the first administrator's password.
        log.warn("""

                ==================================================================
                 Generated credentials for the embedded MongoDB (SCRAM-SHA-256,
                 authSource=admin). They are kept, owner-only, in
                   {}
                   username: {}
                   password: {}
                 mongosh:  mongosh "{}"
                 Compass:  {}
                 This is shown only once. To choose them yourself, set
                 atrium.embedded.mongodb.username and .password.
                ==================================================================""",
                source, credentials.username(), credentials.password(), uri, uri);
    }

    static void zeebe(EmbeddedZeebeEngine engine, Obtained obtained, String source) {
        if (!obtained.generated()) {
            log.info("The embedded Zeebe gateway lets in '{}' with the password from {}",
                    obtained.credentials().username(), source);
            return;
        }
        var credentials = obtained.credentials();
        var address = engine.gatewayAddress();
        String basic = Base64.getEncoder().encodeToString(
                (credentials.username() + ":" + credentials.password()).getBytes(StandardCharsets.UTF_8));
        log.warn("""

                ==================================================================
                 Generated credentials for the embedded Zeebe gateway on {}
                 (HTTP basic authentication on every gRPC call). They are kept,
                 owner-only, in
                   {}
                   username: {}
                   password: {}
                 Camunda client:  camunda.client.auth.method=basic with these as
                   camunda.client.auth.username / .password, or
                   CAMUNDA_BASIC_AUTH_USERNAME / CAMUNDA_BASIC_AUTH_PASSWORD
                 grpcurl: grpcurl -plaintext -proto gateway.proto \\
                   -H 'authorization: Basic {}' \\
                   {}:{} gateway_protocol.Gateway/Topology
                 zbctl cannot send basic credentials. This is shown only once.
                 To choose them yourself, set atrium.embedded.zeebe.username
                 and .password.
                ==================================================================""",
                address, source, credentials.username(), credentials.password(), basic,
                address.getHost(), address.getPort());
    }
}
