package io.atrium.platform;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The platform module's services on a throwaway MongoDB wire-protocol server, for tests of the
 * kernel without the runtime. Each context gets a database of its own.
 */
@SpringBootApplication
public class PlatformTestConfiguration {

    @Bean(destroyMethod = "shutdownNow")
    MongoServer mongoServer() {
        var server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        return server;
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoServer server) {
        return MongoClients.create(server.getConnectionString());
    }

    @Bean
    MongoDatabase mongoDatabase(MongoClient client) {
        return client.getDatabase("platform-test");
    }
}
