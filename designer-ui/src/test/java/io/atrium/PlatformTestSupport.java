package io.atrium;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that boot the whole platform on its embedded stand-ins, on free ports and a
 * fresh data directory. Sharing it lets Spring reuse one running platform across test classes.
 */
@SpringBootTest(classes = AtriumApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class PlatformTestSupport {

    /** The first administrator's password in tests (set through ATRIUM_ADMIN_PASSWORD). */
    protected static final String ADMIN_PASSWORD = "integration-chief-secret";

    private static final Path DATA_DIR = createDataDir();

    @DynamicPropertySource
    static void platformProperties(DynamicPropertyRegistry registry) {
        registry.add("atrium.data-dir", DATA_DIR::toString);
        registry.add("atrium.embedded.mongodb.port", () -> 0);
        registry.add("atrium.embedded.zeebe.port", () -> 0);
        registry.add("ATRIUM_ADMIN_PASSWORD", () -> ADMIN_PASSWORD);
        // as behind a TLS proxy: X-Forwarded-* from loopback count, so a test can send an HTTPS request
        registry.add("server.forward-headers-strategy", () -> "native");
        // a sign-in lock long enough that a test surely sees it
        registry.add("atrium.sign-in.first-delay", () -> "2m");
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("atrium-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
