package io.atrium.runtime.process.crash;

import io.atrium.runtime.RuntimeTestApplication;
import org.springframework.boot.SpringApplication;

/**
 * The platform without its UI in a JVM of its own, for tests that crash it. Arguments are Spring
 * properties ({@code --name=value}); prints READY once it serves requests.
 */
public final class PlatformNode {

    private PlatformNode() {
    }

    public static void main(String[] args) {
        SpringApplication.run(RuntimeTestApplication.class, args);
        System.out.println("READY");
        System.out.flush();
    }
}
