package io.atrium.runtime.connection.internal;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCredential;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.atrium.platform.QueryTimeLimit;
import io.atrium.runtime.config.AtriumProperties;
import io.atrium.runtime.connection.ConnectionMode;
import io.atrium.runtime.connection.MongoConnection;
import io.atrium.runtime.connection.ZeebeConnection;
import io.atrium.runtime.embedded.EmbeddedMongoServer;
import io.atrium.runtime.embedded.EmbeddedZeebeEngine;
import io.atrium.runtime.embedded.EngineCredentials;
import io.atrium.runtime.embedded.EngineCredentialsFile;
import io.atrium.runtime.embedded.EngineCredentialsFile.Obtained;
import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.zeebe.process.test.engine.AtriumEngine;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Connects to MongoDB and Zeebe: to the servers named by {@code atrium.mongodb.uri} and
 * {@code atrium.zeebe.gateway-address}, or to embedded stand-ins started here when they are unset.
 * The stand-ins require credentials: configured ones, or ones generated on the first start and
 * kept in the data directory.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AtriumProperties.class)
class ConnectionConfiguration {

    /** Threads running job handlers (building blocks, the inbox's workers). */
    private static final int JOB_THREADS = 8;

    @Bean(destroyMethod = "close")
    MongoConnection mongoConnection(AtriumProperties properties) {
        var mongodb = properties.mongodb();
        if (mongodb.external()) {
            var connectionString = new ConnectionString(mongodb.uri());
            String database = connectionString.getDatabase() != null ? connectionString.getDatabase() : mongodb.database();
            return new MongoConnection(client(connectionString, null), database, ConnectionMode.EXTERNAL,
                    Optional.empty());
        }
        var listener = properties.embedded().mongodb();
        var credentials = credentials(properties, "mongodb", listener.hasCredentials()
                ? new EngineCredentials(listener.username(), listener.password()) : null);
        var server = EmbeddedMongoServer.start(properties.dataDir().resolve("mongodb"), listener.bindAddress(),
                listener.port(), listener.durable(), listener.cache().toMegabytes(), credentials.credentials());
        try {
            // The driver negotiates the mechanism (SCRAM-SHA-256) as mongosh and Compass do.
            var credential = MongoCredential.createCredential(credentials.credentials().username(), "admin",
                    credentials.credentials().password().toCharArray());
            var connection = new MongoConnection(client(new ConnectionString(server.connectionString()), credential),
                    mongodb.database(), ConnectionMode.EMBEDDED, Optional.of(server));
            CredentialsNotice.mongodb(server, credentials, source(properties, listener.hasCredentials()));
            return connection;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    @Bean(destroyMethod = "") // closed by its MongoConnection
    MongoClient mongoClient(MongoConnection connection) {
        return connection.client();
    }

    @Bean
    MongoDatabase mongoDatabase(MongoConnection connection) {
        return connection.client().getDatabase(connection.databaseName());
    }

    @Bean
    QueryTimeLimit queryTimeLimit(AtriumProperties properties) {
        return new QueryTimeLimit(properties.query().maxTime());
    }

    @Bean(destroyMethod = "close")
    ZeebeConnection zeebeConnection(AtriumProperties properties) {
        var zeebe = properties.zeebe();
        if (zeebe.external()) {
            URI address = URI.create(zeebe.gatewayAddress());
            var external = zeebe.hasCredentials() ? new EngineCredentials(zeebe.username(), zeebe.password()) : null;
            return new ZeebeConnection(client(address, external), address, ConnectionMode.EXTERNAL, Optional.empty());
        }
        var listener = properties.embedded().zeebe();
        AtriumEngine.Storage storage = listener.durable()
                ? new AtriumEngine.Durable(properties.dataDir().resolve("zeebe"), listener.segmentSize().toBytes(),
                        listener.snapshotInterval(), listener.stateMemory().toBytes())
                : new AtriumEngine.InMemory();
        var credentials = credentials(properties, "zeebe", listener.hasCredentials()
                ? new EngineCredentials(listener.username(), listener.password()) : null);
        var engine = EmbeddedZeebeEngine.start(listener.bindAddress(), listener.port(), storage,
                credentials.credentials());
        try {
            var connection = new ZeebeConnection(client(engine.gatewayAddress(), credentials.credentials()),
                    engine.gatewayAddress(), ConnectionMode.EMBEDDED, Optional.of(engine));
            CredentialsNotice.zeebe(engine, credentials, source(properties, listener.hasCredentials()));
            return connection;
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    @Bean(destroyMethod = "") // closed by its ZeebeConnection
    CamundaClient camundaClient(ZeebeConnection connection) {
        return connection.client();
    }

    /** Configured credentials win; otherwise those in the data directory, generated there if new. */
    private static Obtained credentials(AtriumProperties properties, String engine, EngineCredentials configured) {
        return configured != null ? new Obtained(configured, false) : credentialsFile(properties).obtain(engine);
    }

    private static String source(AtriumProperties properties, boolean configured) {
        return configured ? "the configuration" : credentialsFile(properties).path().toAbsolutePath().toString();
    }

    private static EngineCredentialsFile credentialsFile(AtriumProperties properties) {
        return EngineCredentialsFile.in(properties.dataDir());
    }

    /** @param credential for the embedded stand-in; null when the URI carries its own */
    private static MongoClient client(ConnectionString connectionString, MongoCredential credential) {
        var settings = MongoClientSettings.builder()
                // Fail fast rather than hang 30 s when the server is gone; a URI may still override.
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(10, TimeUnit.SECONDS))
                .applyConnectionString(connectionString)
                .applicationName("atrium");
        if (credential != null) {
            settings.credential(credential);
        }
        return MongoClients.create(settings.build());
    }

    /** @param credentials basic credentials for the gateway; null for none */
    private static CamundaClient client(URI grpcAddress, EngineCredentials credentials) {
        var builder = CamundaClient.newClientBuilder()
                .grpcAddress(grpcAddress)
                .preferRestOverGrpc(false)
                // job handlers wait on MongoDB and HTTP: more than the default single thread keeps them busy
                .numJobWorkerExecutionThreads(JOB_THREADS)
                .defaultRequestTimeout(Duration.ofSeconds(20));
        if (credentials != null) {
            builder.credentialsProvider(CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
                    .username(credentials.username())
                    .password(credentials.password())
                    .applyEnvironmentOverrides(false)
                    .build());
        }
        return builder.build();
    }
}
