package io.atrium.runtime.connection.internal;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
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
import io.camunda.client.CamundaClient;
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
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AtriumProperties.class)
class ConnectionConfiguration {

    @Bean(destroyMethod = "close")
    MongoConnection mongoConnection(AtriumProperties properties) {
        var mongodb = properties.mongodb();
        if (mongodb.external()) {
            var connectionString = new ConnectionString(mongodb.uri());
            String database = connectionString.getDatabase() != null ? connectionString.getDatabase() : mongodb.database();
            return new MongoConnection(client(connectionString), database, ConnectionMode.EXTERNAL, Optional.empty());
        }
        var listener = properties.embedded().mongodb();
        var server = EmbeddedMongoServer.start(properties.dataDir().resolve("mongodb"), listener.bindAddress(),
                listener.port(), listener.durable(), listener.cache().toMegabytes());
        try {
            return new MongoConnection(client(new ConnectionString(server.connectionString())), mongodb.database(),
                    ConnectionMode.EMBEDDED, Optional.of(server));
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
            return new ZeebeConnection(client(address), address, ConnectionMode.EXTERNAL, Optional.empty());
        }
        var listener = properties.embedded().zeebe();
        AtriumEngine.Storage storage = listener.durable()
                ? new AtriumEngine.Durable(properties.dataDir().resolve("zeebe"), listener.segmentSize().toBytes(),
                        listener.snapshotInterval(), listener.stateMemory().toBytes())
                : new AtriumEngine.InMemory();
        var engine = EmbeddedZeebeEngine.start(listener.bindAddress(), listener.port(), storage);
        try {
            return new ZeebeConnection(client(engine.gatewayAddress()), engine.gatewayAddress(),
                    ConnectionMode.EMBEDDED, Optional.of(engine));
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    @Bean(destroyMethod = "") // closed by its ZeebeConnection
    CamundaClient camundaClient(ZeebeConnection connection) {
        return connection.client();
    }

    private static MongoClient client(ConnectionString connectionString) {
        var settings = MongoClientSettings.builder()
                // Fail fast rather than hang 30 s when the server is gone; a URI may still override.
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(10, TimeUnit.SECONDS))
                .applyConnectionString(connectionString)
                .applicationName("atrium")
                .build();
        return MongoClients.create(settings);
    }

    private static CamundaClient client(URI grpcAddress) {
        return CamundaClient.newClientBuilder()
                .grpcAddress(grpcAddress)
                .preferRestOverGrpc(false)
                .defaultRequestTimeout(Duration.ofSeconds(20))
                .build();
    }
}
