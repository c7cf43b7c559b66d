package io.atrium.platform.item.internal;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.item.ItemChangeRelayed;
import io.atrium.platform.app.PublishedApp;
import io.atrium.platform.audit.AuditTrail;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Moves audit entries from the item documents that carry them to the audit trail.
 *
 * <p>A write to an item carries its audit entry inside the same document write (the
 * {@link ItemCollections#PENDING_AUDIT} field), so the change and its record are durable together
 * or not at all, at the cost of one write instead of two. This relay then appends the entries to
 * the audit trail in batches and removes them from the items. Appending is idempotent, so a
 * crash between the two steps, or two nodes moving the same entry, never duplicates an entry.
 * Entries whose hand-over was lost (a crash, a full queue, another node gone) are found by a
 * sweep over every app at start and every few minutes; until then, readers see them in the item.
 */
@Component
public class AuditRelay implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(AuditRelay.class);
    private static final int BATCH = 512;
    private static final Duration LINGER = Duration.ofMillis(200);
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(5);

    /** An entry written inside an item, waiting to be moved. */
    record Pending(AppRef app, String itemId, Document entry) {
    }

    private final ItemCollections collections;
    private final AuditTrail trail;
    private final AppCatalog catalog;
    private final List<ItemChangeRelayed> reactions;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(100_000);
    /** Entries handed over and not yet moved or given up on. */
    private final AtomicInteger inHand = new AtomicInteger();
    private volatile boolean running;
    private Thread worker;

    public AuditRelay(ItemCollections collections, AuditTrail trail, AppCatalog catalog,
            List<ItemChangeRelayed> reactions) {
        this.collections = collections;
        this.trail = trail;
        this.catalog = catalog;
        this.reactions = List.copyOf(reactions);
    }

    /** Hands over an entry already written inside its item. If the queue is full, the sweep finds it. */
    public void written(AppRef app, String itemId, Document entry) {
        if (queue.offer(new Pending(app, itemId, entry))) {
            inHand.incrementAndGet();
        }
    }

    /**
     * Moves every entry handed over so far and waits for a batch the relay is moving right now.
     *
     * @throws IllegalStateException if that batch is not done within a minute
     */
    public void flush() {
        var batch = new ArrayList<Pending>();
        while (queue.drainTo(batch, BATCH) > 0) {
            try {
                move(batch);
            } finally {
                done(batch.size());
            }
            batch.clear();
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        synchronized (inHand) {
            while (inHand.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException(inHand.get() + " audit entries are still being moved");
                }
                try {
                    inHand.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Entries moved, or left to the sweep after a failure, are no longer in hand. */
    private void done(int entries) {
        synchronized (inHand) {
            if (inHand.addAndGet(-entries) <= 0) {
                inHand.notifyAll();
            }
        }
    }

    /** Finds entries left in items of every published app and moves them. */
    public int sweep() {
        int moved = 0;
        for (PublishedApp app : catalog.published()) {
            var batch = new ArrayList<Pending>();
            var items = collections.of(app.ref()).find(Filters.exists(ItemCollections.PENDING_AUDIT + "._id"))
                    .projection(new Document(ItemCollections.PENDING_AUDIT, 1));
            for (Document item : items) {
                for (Document entry : item.getList(ItemCollections.PENDING_AUDIT, Document.class)) {
                    batch.add(new Pending(app.ref(), item.getString("_id"), entry));
                }
                if (batch.size() >= BATCH) {
                    moved += move(batch);
                    batch.clear();
                }
            }
            moved += move(batch);
        }
        return moved;
    }

    private int move(List<Pending> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        trail.append(batch.stream().map(Pending::entry).toList());
        if (!reactions.isEmpty()) {
            var changes = batch.stream().map(AuditRelay::change).toList();
            reactions.forEach(r -> r.relayed(changes)); // a failure leaves the batch in the items
        }
        var removals = new LinkedHashMap<AppRef, List<WriteModel<Document>>>();
        for (Pending p : batch) {
            Bson sameEntry = Filters.eq("_id", p.entry().get("_id"));
            removals.computeIfAbsent(p.app(), a -> new ArrayList<>()).add(new UpdateOneModel<>(
                    Filters.eq("_id", p.itemId()), Updates.pull(ItemCollections.PENDING_AUDIT, sameEntry)));
        }
        for (Map.Entry<AppRef, List<WriteModel<Document>>> e : removals.entrySet()) {
            collections.of(e.getKey()).bulkWrite(e.getValue());
        }
        return batch.size();
    }

    private static ItemChangeRelayed.Change change(Pending p) {
        Document entry = p.entry();
        var changes = new LinkedHashMap<String, Object>();
        Document recorded = entry.get("changes", Document.class);
        if (recorded != null) {
            changes.putAll(recorded);
        }
        return new ItemChangeRelayed.Change(p.app(), p.itemId(), entry.getString("_id"), entry.getString("action"),
                ((Number) entry.get("version")).longValue(), entry.getString("actor"), changes);
    }

    private void run() {
        long nextSweep = 0;
        while (running) {
            try {
                if (System.nanoTime() - nextSweep >= 0) {
                    int moved = sweep();
                    if (moved > 0) {
                        LOG.info("Moved {} audit entries left in items to the audit trail", moved);
                    }
                    nextSweep = System.nanoTime() + SWEEP_EVERY.toNanos();
                }
                Pending first = queue.poll(1, TimeUnit.SECONDS);
                if (first != null) {
                    moveBatchStartingWith(first);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the entries stay in their items; the next sweep moves them
                LOG.warn("Moving audit entries failed; they stay in their items until the next sweep: {}",
                        e.getMessage());
                nextSweep = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                pause();
            }
        }
    }

    private void moveBatchStartingWith(Pending first) throws InterruptedException {
        var batch = new ArrayList<Pending>();
        batch.add(first);
        try {
            // the entries are durable already: waiting a little for more makes fewer, larger writes
            long lingerEnd = System.nanoTime() + LINGER.toNanos();
            while (batch.size() < BATCH && System.nanoTime() < lingerEnd) {
                if (queue.drainTo(batch, BATCH - batch.size()) == 0) {
                    Thread.sleep(5);
                }
            }
            move(batch);
        } finally {
            done(batch.size());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofPlatform().name("audit-relay").daemon().start(this::run);
    }

    @Override
    public void stop() {
        running = false; // the worker notices within a second
        if (worker != null) {
            try {
                worker.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("Audit entries not moved at stop stay in their items until the next start: {}", e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100; // stops before the database client closes
    }
}
