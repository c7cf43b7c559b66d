package io.atrium.runtime.process;

import io.atrium.runtime.RuntimeTestApplication;
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
    }

    @LocalServerPort
    protected int port;
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
}
