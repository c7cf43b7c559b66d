package io.atrium.runtime;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots the platform and runtime modules without the UI, for integration tests. */
@SpringBootApplication(scanBasePackages = "io.atrium")
public class RuntimeTestApplication {
}
