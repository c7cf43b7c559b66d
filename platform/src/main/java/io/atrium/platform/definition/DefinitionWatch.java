package io.atrium.platform.definition;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Looks at the definition stamps every {@code atrium.definitions.watch-interval} (2 s) and
 * publishes {@link DefinitionsChanged} when one moved, whichever node raised it. The stand-in
 * MongoDB has no change streams, and a read of a few tiny documents is cheap (ADR 0011).
 */
@Component
class DefinitionWatch implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DefinitionWatch.class);

    private final DefinitionStamps stamps;
    private final ApplicationEventPublisher events;
    private final Duration interval;
    private volatile ScheduledExecutorService executor;
    private Map<String, Long> seen; // null until the first look
    private boolean failing;

    DefinitionWatch(MongoDatabase database, ApplicationEventPublisher events,
            @Value("${atrium.definitions.watch-interval:2s}") Duration interval) {
        this.stamps = new DefinitionStamps(database);
        this.events = events;
        this.interval = interval;
    }

    /** One look: the kinds whose stamp moved since the last look are announced. */
    synchronized void look() {
        Map<String, Long> now;
        try {
            now = stamps.read();
        } catch (RuntimeException e) {
            if (!failing) { // once per outage, not every two seconds
                log.warn("Cannot read the definition stamps; other nodes' publications show up once it works again",
                        e);
            }
            failing = true;
            return;
        }
        failing = false;
        var before = seen;
        seen = now;
        if (before == null) {
            return;
        }
        var changed = new TreeSet<String>();
        now.forEach((kind, stamp) -> {
            if (!stamp.equals(before.get(kind))) {
                changed.add(kind);
            }
        });
        if (!changed.isEmpty()) {
            try {
                events.publishEvent(new DefinitionsChanged(changed));
            } catch (RuntimeException e) {
                log.warn("A listener failed on definitions changed: {}", changed, e);
            }
        }
    }

    @Override
    public void start() {
        var started = Executors.newSingleThreadScheduledExecutor(task -> {
            var thread = new Thread(task, "definition-watch");
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(this::look, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        executor = started;
    }

    @Override
    public void stop() {
        var running = executor;
        executor = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
