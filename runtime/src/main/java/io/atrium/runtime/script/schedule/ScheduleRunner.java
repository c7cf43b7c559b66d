package io.atrium.runtime.script.schedule;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Looks for due schedules on every node, every few seconds, and runs what this node claims. Runs
 * go one after another on one thread, so schedules never crowd the scripts people wait for.
 */
@Component
class ScheduleRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ScheduleRunner.class);
    /** At most this many occurrences per look, so one look never runs for long. */
    private static final int PER_LOOK = 20;

    private final ScriptSchedules schedules;
    private final Duration poll;
    private final boolean enabled;
    private ScheduledExecutorService executor;

    ScheduleRunner(ScriptSchedules schedules, @Value("${atrium.scripts.schedules.poll:5s}") Duration poll,
            @Value("${atrium.scripts.schedules.enabled:true}") boolean enabled) {
        this.schedules = schedules;
        this.poll = poll;
        this.enabled = enabled;
    }

    @Override
    public synchronized void start() {
        if (!enabled || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, "atrium-script-schedules");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::look, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void look() {
        try {
            for (int i = 0; i < PER_LOOK && schedules.runOneDue(); i++) {
                // each call claimed and ran one occurrence
            }
        } catch (RuntimeException e) {
            log.warn("Looking for due script schedules failed; trying again in {}", poll, e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
