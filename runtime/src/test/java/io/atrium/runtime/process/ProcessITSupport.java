package io.atrium.runtime.process;

import io.atrium.runtime.RuntimeTestApplication;
import io.atrium.runtime.config.AtriumProperties;
import io.atrium.runtime.connection.MongoConnection;
import io.atrium.runtime.connection.ZeebeConnection;
import io.atrium.runtime.embedded.EngineCredentialsFile;
import org.springframework.boot.builder.SpringApplicationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the process tests: one platform on embedded stand-ins, shared by every test class
 * that extends this (Spring reuses the context), so each class keeps to its own workspaces,
 * groups and users.
 */
@SpringBootTest(classes = RuntimeTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ProcessITSupport {

    protected static final String ADMIN_PASSWORD = "process-chief-secret";
    /** A loopback address the administrator allowed outbound calls to, unlike 127.0.0.1. */
    protected static final String ALLOWED_HOST = "127.0.0.2";
    private static final Path DATA_DIR = createDataDir();

    @DynamicPropertySource
    static void platformProperties(DynamicPropertyRegistry registry) {
        RuntimeTestApplication.embeddedOnFreePorts(registry, DATA_DIR, ADMIN_PASSWORD);
        registry.add("atrium.outbound.allowed-hosts", () -> ALLOWED_HOST);
        // schedules may fire every second here, and are looked for often, so tests need not wait long
        registry.add("atrium.scripts.schedules.min-interval", () -> "1s");
        registry.add("atrium.scripts.schedules.poll", () -> "300ms");
    }

    @LocalServerPort
    protected int port;
    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.context.ApplicationContext first;
    private ProcessTestApi api;
    private String admin;

    /** Calls to this platform's API. */
    protected ProcessTestApi api() {
        if (api == null) {
            api = new ProcessTestApi(port);
        }
        return api;
    }

    /** The first administrator's bearer token. */
    protected String admin() throws Exception {
        if (admin == null) {
            admin = api().token("admin", ADMIN_PASSWORD);
        }
        return admin;
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("atrium-process-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The platform again, in this JVM, on the first node's stand-ins as if they were external servers. */
    protected org.springframework.context.ConfigurableApplicationContext secondNode() throws Exception {
        var properties = first.getBean(AtriumProperties.class);
        var mongo = first.getBean(MongoConnection.class);
        var zeebe = first.getBean(ZeebeConnection.class);
        var credentials = EngineCredentialsFile.in(properties.dataDir());
        var zeebeCredentials = credentials.obtain("zeebe").credentials();
        return new SpringApplicationBuilder(RuntimeTestApplication.class).properties(java.util.Map.of(
                "server.port", "0",
                "atrium.data-dir", Files.createTempDirectory("atrium-process-node2-").toString(),
                "atrium.mongodb.uri", mongo.embedded().orElseThrow()
                        .connectionString(credentials.obtain("mongodb").credentials()),
                "atrium.mongodb.database", mongo.databaseName(),
                "atrium.zeebe.gateway-address", zeebe.gatewayAddress().toString(),
                "atrium.zeebe.username", zeebeCredentials.username(),
                "atrium.zeebe.password", zeebeCredentials.password(),
                "atrium.scripts.schedules.min-interval", "1s",
                "atrium.scripts.schedules.poll", "300ms")).run();
    }
}
