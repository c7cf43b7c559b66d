package io.atrium;

import sun.misc.Signal;

/**
 * Makes SIGTERM a normal stop. The JVM ends a process stopped by SIGTERM with status 143, so
 * whoever supervises it reports a failure: Maven's {@code spring-boot:run} stops its forked
 * application with SIGTERM when Maven itself is interrupted, and then fails the build with
 * "exit code: 143". Exiting with 0 runs the same shutdown hooks (Spring closes the context
 * gracefully, the embedded engines stop), only the status says what happened: a requested stop.
 */
final class StopSignal {

    private StopSignal() {
    }

    static void treatTermAsNormalStop() {
        try {
            Signal.handle(new Signal("TERM"), signal -> System.exit(0));
        } catch (IllegalArgumentException notHandled) {
            // the signal is reserved here (e.g. -Xrs); the JVM's default stays
        }
    }
}
