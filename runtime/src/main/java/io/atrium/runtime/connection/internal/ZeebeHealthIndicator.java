package io.atrium.runtime.connection.internal;

import io.atrium.runtime.connection.ConnectionProbe;
import org.springframework.stereotype.Component;

/** Reported as {@code zeebe}: UP only when the gateway answers a topology request with a broker. */
@Component("zeebeHealthIndicator")
class ZeebeHealthIndicator extends ProbeHealthIndicator {

    ZeebeHealthIndicator(ConnectionProbe probe) {
        super(probe::zeebe);
    }
}
