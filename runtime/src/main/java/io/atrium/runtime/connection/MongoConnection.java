package io.atrium.runtime.connection;

import com.mongodb.client.MongoClient;
import io.atrium.runtime.embedded.EmbeddedMongoServer;
import java.util.Optional;

/**
 * The platform's MongoDB client and, in embedded mode, the stand-in it talks to. Closing it
 * closes the client first, then the stand-in.
 */
public record MongoConnection(MongoClient client, String databaseName, ConnectionMode mode,
        Optional<EmbeddedMongoServer> embedded) implements AutoCloseable {

    @Override
    public void close() {
        client.close();
        embedded.ifPresent(EmbeddedMongoServer::close);
    }
}
