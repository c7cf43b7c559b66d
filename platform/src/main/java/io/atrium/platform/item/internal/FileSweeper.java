package io.atrium.platform.item.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Every hour, removes uploads that no item took within a day. */
@Component
class FileSweeper implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(FileSweeper.class);
    static final Duration KEEP_UNATTACHED = Duration.ofDays(1);

    private final FileBucket bucket;
    private ScheduledExecutorService timer;

    FileSweeper(FileBucket bucket) {
        this.bucket = bucket;
    }

    private void sweep() {
        try {
            int removed = bucket.removeUnattached(Instant.now().minus(KEEP_UNATTACHED));
            if (removed > 0) {
                LOG.info("Removed {} uploaded files that no item took within {}", removed, KEEP_UNATTACHED);
            }
        } catch (RuntimeException e) {
            LOG.warn("Removing unattached uploads failed; trying again in an hour: {}", e.getMessage());
        }
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("file-sweeper").daemon()
                .factory());
        timer.scheduleWithFixedDelay(this::sweep, 5, 60, TimeUnit.MINUTES);
    }

    @Override
    public void stop() {
        timer.shutdownNow();
        timer = null;
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
