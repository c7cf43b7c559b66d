package io.atrium.platform.identity.internal;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** A throwaway MongoDB wire-protocol server on a free loopback port, for unit tests. */
final class InMemoryMongo implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;

    InMemoryMongo() {
        server.bind("127.0.0.1", 0);
        client = MongoClients.create(server.getConnectionString());
    }

    MongoDatabase database() {
        return client.getDatabase("test");
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
