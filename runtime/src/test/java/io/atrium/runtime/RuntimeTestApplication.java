package io.atrium.runtime;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots the platform and runtime modules without the UI, for integration tests. */
@SpringBootApplication(scanBasePackages = "io.atrium")
public class RuntimeTestApplication {

    /** Embedded stand-ins on free ports with a fresh data directory, and a known administrator password. */
    public static void embeddedOnFreePorts(org.springframework.test.context.DynamicPropertyRegistry registry,
            java.nio.file.Path dataDir, String adminPassword) {
        registry.add("atrium.data-dir", dataDir::toString);
        registry.add("atrium.embedded.mongodb.port", () -> 0);
        registry.add("atrium.embedded.zeebe.port", () -> 0);
        registry.add("ATRIUM_ADMIN_PASSWORD", () -> adminPassword);
    }
}
