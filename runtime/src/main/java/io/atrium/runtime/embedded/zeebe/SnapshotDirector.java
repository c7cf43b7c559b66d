package io.atrium.runtime.embedded.zeebe;

import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.stream.impl.StreamProcessor;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a snapshot of the engine's state now and then and deletes the log segments it makes
 * unnecessary, as Zeebe's broker does. A snapshot is kept only once every record the captured
 * state refers to is on disk in the log.
 */
public final class SnapshotDirector implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SnapshotDirector.class);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final StreamProcessor processor;
    private final ZeebeDb<?> db;
    private final FileLogStorage logStorage;
    private final StateSnapshots snapshots;
    private final ScheduledExecutorService timer;
    private final ReentrantLock running = new ReentrantLock();
    private volatile long lastSnapshotPosition;

    public SnapshotDirector(StreamProcessor processor, ZeebeDb<?> db, FileLogStorage logStorage,
            StateSnapshots snapshots, Duration interval) {
        this.processor = processor;
        this.db = db;
        this.logStorage = logStorage;
        this.snapshots = snapshots;
        this.lastSnapshotPosition = snapshots.latest().map(StateSnapshots.Snapshot::position).orElse(-1L);
        this.timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("zeebe-snapshot").factory());
        long millis = interval.toMillis();
        timer.scheduleWithFixedDelay(this::snapshotQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** The log position covered by the newest snapshot, or -1 if there is none. */
    public long lastSnapshotPosition() {
        return lastSnapshotPosition;
    }

    private void snapshotQuietly() {
        try {
            snapshot();
        } catch (Exception e) {
            log.warn("Taking a Zeebe state snapshot failed; the next attempt follows", e);
        }
    }

    /** Takes a snapshot if anything was processed since the last one. Returns its position, or -1. */
    public long snapshot() throws Exception {
        running.lock();
        try {
            long processed = processor.getLastProcessedPositionAsync().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (processed <= lastSnapshotPosition || processed <= 0) {
                return -1;
            }
            var temporary = snapshots.temporaryFolder(processed);
            db.createSnapshot(temporary.toFile());
            // The state may already hold effects whose follow-up records are still on their way
            // to the log; keep the snapshot only when those are on disk too.
            long written = processor.getLastWrittenPositionAsync().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (logStorage.durablePosition() < written) {
                if (System.nanoTime() > deadline) {
                    StateSnapshots.deleteTree(temporary);
                    throw new IllegalStateException("the log did not reach position " + written + " in time");
                }
                Thread.sleep(2);
            }
            snapshots.commit(temporary, processed);
            lastSnapshotPosition = processed;
            int before = logStorage.segmentCount();
            logStorage.deleteBefore(processed);
            log.debug("Zeebe state snapshot at position {}; log segments {} -> {}", processed, before,
                    logStorage.segmentCount());
            return processed;
        } finally {
            running.unlock();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
