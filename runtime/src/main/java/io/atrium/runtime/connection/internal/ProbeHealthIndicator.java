package io.atrium.runtime.connection.internal;

import io.atrium.runtime.connection.ConnectionProbe.Probe;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** A health indicator that reports one {@link Probe}; details are shown only to administrators. */
abstract class ProbeHealthIndicator implements HealthIndicator {

    private final Supplier<Probe> probe;

    ProbeHealthIndicator(Supplier<Probe> probe) {
        this.probe = probe;
    }

    @Override
    public Health health() {
        Probe result = probe.get();
        return (result.up() ? Health.up() : Health.down())
                .withDetail("mode", result.mode().name().toLowerCase())
                .withDetail("address", result.address())
                .withDetail("detail", result.detail())
                .build();
    }
}
