package io.atrium.platform.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MongoSignInThrottleTest {

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final MutableClock clock = new MutableClock(Instant.now().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    private final MongoSignInThrottle throttle = new MongoSignInThrottle(mongo.database(), clock,
            new SignInLimits(5, 20, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofMinutes(15)));

    @AfterEach
    void closeMongo() {
        mongo.close();
    }

    @Test
    void shouldLetTheFirstFailuresThroughThenDoubleTheWait() {
        for (int i = 1; i <= 4; i++) {
            assertThat(throttle.failed("ann", "10.0.0.1")).isEqualTo(i);
            assertThat(throttle.waitBefore("ann", "10.0.0.1")).isEmpty();
        }

        throttle.failed("ann", "10.0.0.1");
        assertThat(throttle.waitBefore("ann", "10.0.0.1")).contains(Duration.ofSeconds(1));

        clock.advance(Duration.ofSeconds(1));
        throttle.failed("ann", "10.0.0.1");
        assertThat(throttle.waitBefore("ann", "10.0.0.1")).contains(Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        throttle.failed("ann", "10.0.0.1");
        assertThat(throttle.waitBefore("ann", "10.0.0.1")).contains(Duration.ofSeconds(4));
        clock.advance(Duration.ofSeconds(3));
        assertThat(throttle.waitBefore("ann", "10.0.0.1")).contains(Duration.ofSeconds(1));
    }

    @Test
    void shouldCapTheWait() {
        for (int i = 0; i < 40; i++) {
            throttle.failed("ann", "10.0.0.1");
            clock.advance(Duration.ofMinutes(1)); // within the 15 minutes that keep a counter
        }
        throttle.failed("ann", "10.0.0.1");

        assertThat(throttle.waitBefore("ann", "10.0.0.1")).contains(Duration.ofMinutes(15));
    }

    @Test
    void shouldSpareTheSameAccountFromAnotherAddress() {
        for (int i = 0; i < 8; i++) {
            throttle.failed("ann", "10.0.0.1");
        }

        assertThat(throttle.waitBefore("ann", "10.0.0.1")).isPresent();
        assertThat(throttle.waitBefore("ann", "10.0.0.2")).isEmpty();
        assertThat(throttle.waitBefore("bob", "10.0.0.1")).isEmpty();
    }

    @Test
    void shouldLockAnAddressThatGuessesAtManyAccounts() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("user" + i, "10.0.0.9");
        }

        assertThat(throttle.waitBefore("someone-else", "10.0.0.9")).contains(Duration.ofSeconds(1));
        assertThat(throttle.waitBefore("someone-else", "10.0.0.8")).isEmpty();
    }

    @Test
    void shouldForgetFailuresAfterASuccessOrAQuietWhile() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("ann", "10.0.0.1");
        }
        throttle.succeeded("ann", "10.0.0.1");
        assertThat(throttle.failed("ann", "10.0.0.1")).isEqualTo(1);

        clock.advance(Duration.ofMinutes(16));
        assertThat(throttle.failed("ann", "10.0.0.1")).isEqualTo(1);
    }

    @Test
    void shouldTreatUsernamesCaseInsensitively() {
        for (int i = 0; i < 5; i++) {
            throttle.failed(i % 2 == 0 ? "Ann" : "ann ", "10.0.0.1");
        }

        assertThat(throttle.waitBefore("ANN", "10.0.0.1")).isPresent();
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
