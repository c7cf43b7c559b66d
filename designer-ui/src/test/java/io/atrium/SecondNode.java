package io.atrium;

import io.atrium.runtime.config.AtriumProperties;
import io.atrium.runtime.connection.MongoConnection;
import io.atrium.runtime.connection.ZeebeConnection;
import io.atrium.runtime.embedded.EngineCredentialsFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another node of the platform in the same JVM: the whole application again, on a port of its
 * own, using the first node's embedded MongoDB and Zeebe as the nodes of a cluster share theirs.
 * Its caches, events and open pages are its own.
 */
public final class SecondNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    /** Starts a node that joins the one the beans come from. */
    public SecondNode(ApplicationContext first) {
        var properties = first.getBean(AtriumProperties.class);
        var mongo = first.getBean(MongoConnection.class);
        var zeebe = first.getBean(ZeebeConnection.class);
        var credentials = EngineCredentialsFile.in(properties.dataDir());
        var zeebeCredentials = credentials.obtain("zeebe").credentials();
        try {
            context = new SpringApplicationBuilder(AtriumApplication.class).properties(Map.of(
                    "server.port", "0",
                    "atrium.data-dir", Files.createTempDirectory("atrium-node2-").toString(),
                    "atrium.mongodb.uri", mongo.embedded().orElseThrow()
                            .connectionString(credentials.obtain("mongodb").credentials()),
                    "atrium.mongodb.database", mongo.databaseName(),
                    "atrium.zeebe.gateway-address", zeebe.gatewayAddress().toString(),
                    "atrium.zeebe.username", zeebeCredentials.username(),
                    "atrium.zeebe.password", zeebeCredentials.password())).run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        context.close();
    }
}
