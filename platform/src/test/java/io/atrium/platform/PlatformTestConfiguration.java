package io.atrium.platform;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
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

    /** Distinct from the default, so a test can tell it was passed on. */
    public static final Duration QUERY_TIME_LIMIT = Duration.ofMillis(4321);

    @Bean
    SentCommands sentCommands() {
        return new SentCommands();
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoServer server, SentCommands sentCommands) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.getConnectionString()))
                .addCommandListener(sentCommands).build());
    }

    @Bean
    QueryTimeLimit queryTimeLimit() {
        return new QueryTimeLimit(QUERY_TIME_LIMIT);
    }

    @Bean
    MongoDatabase mongoDatabase(MongoClient client) {
        return client.getDatabase("platform-test");
    }
}
