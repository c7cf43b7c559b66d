package io.atrium.runtime.script.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import io.atrium.platform.QueryTimeLimit;
import io.atrium.runtime.process.ProcessITSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The claim itself, raced: many nodes asking for the same due occurrence at the same moment, on
 * the stand-in MongoDB, get it once; a lease that expired is taken again; a lost lease cannot
 * move the timetable.
 */
class ScheduleLeaseIT extends ProcessITSupport {

    @Autowired
    MongoDatabase database;

    @Test
    void shouldHandAnOccurrenceToOneClaimantOnlyAndTakeItAgainAfterItsLeaseExpires() throws Exception {
        var store = new ScheduleStore(database, new QueryTimeLimit(QueryTimeLimit.DEFAULT));
        // a day ahead, so this node's own runner (which reads the real clock) leaves it to the race
        Instant now = Instant.now().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String id = "lease-" + UUID.randomUUID();
        store.insert(new ScriptSchedule(id, "race", "ns/clock#tick", "* * * * * *", "UTC", true, null, Map.of(),
                "admin", now.minusSeconds(1), null, now, 1));

        int claimants = 16;
        var start = new CountDownLatch(1);
        var won = new AtomicInteger();
        try (var pool = Executors.newFixedThreadPool(claimants)) {
            for (int i = 0; i < claimants; i++) {
                String lease = "node-" + i;
                pool.submit(() -> {
                    start.await();
                    store.claimDue(now, lease, now.plusSeconds(60)).filter(s -> s.id().equals(id))
                            .ifPresent(s -> won.incrementAndGet());
                    return null;
                });
            }
            start.countDown();
        }
        assertThat(won).as("exactly one claimant wins the occurrence").hasValue(1);
        assertThat(store.claimDue(now, "late", now.plusSeconds(60)).filter(s -> s.id().equals(id))).isEmpty();

        var run = new ScriptSchedule.Run(now, now, "ok", null, 1, java.util.List.of(), "node-x");
        assertThat(store.finish(id, "not-the-holder", run, now.plus(Duration.ofHours(1))))
                .as("a node without the lease cannot move the timetable").isFalse();
        assertThat(store.get(id).orElseThrow().nextRunAt()).isEqualTo(now.minusSeconds(1));

        Instant afterLease = now.plusSeconds(61);
        // (the timetable was not moved, so the occurrence is still due)
        assertThat(store.claimDue(afterLease, "rescuer", afterLease.plusSeconds(60)).filter(s -> s.id().equals(id)))
                .as("an expired lease is taken again").isPresent();
        assertThat(store.finish(id, "rescuer", run, afterLease.plusSeconds(3600))).isTrue();
        assertThat(store.get(id).orElseThrow().nextRunAt()).isEqualTo(afterLease.plusSeconds(3600));
    }
}
