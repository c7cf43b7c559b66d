package io.atrium.runtime.connection.internal;

import io.atrium.runtime.connection.ConnectionProbe;
import org.springframework.stereotype.Component;

/** Reported as {@code mongo}: UP only when the database answers a ping. */
@Component("mongoHealthIndicator")
class MongoHealthIndicator extends ProbeHealthIndicator {

    MongoHealthIndicator(ConnectionProbe probe) {
        super(probe::mongo);
    }
}
