package io.atrium.runtime.embedded.zeebe;

import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.RejectionType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.stream.api.CommandResponseWriter;
import io.camunda.zeebe.stream.impl.StreamProcessor;
import io.camunda.zeebe.util.buffer.BufferWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds each command's response until the records its processing wrote are on disk, then lets
 * it go to the client.
 *
 * <p>The engine answers a command as soon as it has processed it, while the follow-up records
 * are still on their way to the log. Were the process to crash in between, the command would be
 * processed again after the restart and could, for instance, create the instance under another
 * key than the one the client was told. Held back like this, an answer always describes state
 * that a restart recovers. Responses are released in batches, one log force covering many.
 */
public final class DurableResponseWriter implements CommandResponseWriter, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DurableResponseWriter.class);

    private final CommandResponseWriter delegate;
    private final FileLogStorage logStorage;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition available = lock.newCondition();
    private final Condition durable = lock.newCondition();
    private final List<Response> queue = new ArrayList<>();
    private final Thread releaser;
    private final io.camunda.zeebe.logstreams.storage.LogStorage.CommitListener commitListener = this::onCommit;
    private volatile Supplier<Long> lastWrittenPosition;
    private volatile boolean closed;

    // the response being assembled by the engine (always on its processing thread)
    private int partitionId;
    private long key;
    private Intent intent;
    private RecordType recordType;
    private ValueType valueType;
    private RejectionType rejectionType;
    private DirectBuffer rejectionReason;
    private DirectBuffer value;

    private record Response(int partitionId, long key, Intent intent, RecordType recordType, ValueType valueType,
            RejectionType rejectionType, DirectBuffer rejectionReason, DirectBuffer value, int streamId,
            long requestId) {
    }

    public DurableResponseWriter(CommandResponseWriter delegate, FileLogStorage logStorage) {
        this.delegate = delegate;
        this.logStorage = logStorage;
        logStorage.addCommitListener(commitListener);
        this.releaser = Thread.ofPlatform().daemon().name("zeebe-responses").start(this::releaseLoop);
    }

    /** Tells where to ask how far the engine has written; set once the processor exists. */
    public void watch(StreamProcessor processor) {
        this.lastWrittenPosition = () -> processor.getLastWrittenPositionAsync().join(30, TimeUnit.SECONDS);
    }

    @Override
    public CommandResponseWriter partitionId(int partitionId) {
        this.partitionId = partitionId;
        return this;
    }

    @Override
    public CommandResponseWriter key(long key) {
        this.key = key;
        return this;
    }

    @Override
    public CommandResponseWriter intent(Intent intent) {
        this.intent = intent;
        return this;
    }

    @Override
    public CommandResponseWriter recordType(RecordType recordType) {
        this.recordType = recordType;
        return this;
    }

    @Override
    public CommandResponseWriter valueType(ValueType valueType) {
        this.valueType = valueType;
        return this;
    }

    @Override
    public CommandResponseWriter rejectionType(RejectionType rejectionType) {
        this.rejectionType = rejectionType;
        return this;
    }

    @Override
    public CommandResponseWriter rejectionReason(DirectBuffer reason) {
        this.rejectionReason = copy(reason);
        return this;
    }

    @Override
    public CommandResponseWriter valueWriter(BufferWriter writer) {
        MutableDirectBuffer buffer = new UnsafeBuffer(new byte[writer.getLength()]);
        writer.write(buffer, 0);
        this.value = buffer;
        return this;
    }

    @Override
    public void tryWriteResponse(int requestStreamId, long requestId) {
        var response = new Response(partitionId, key, intent, recordType, valueType, rejectionType, rejectionReason,
                value, requestStreamId, requestId);
        rejectionReason = null;
        value = null;
        lock.lock();
        try {
            queue.add(response);
            available.signal();
        } finally {
            lock.unlock();
        }
    }

    private void onCommit() {
        lock.lock();
        try {
            durable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void releaseLoop() {
        while (true) {
            List<Response> batch;
            lock.lock();
            try {
                while (queue.isEmpty() && !closed) {
                    available.awaitUninterruptibly();
                }
                if (closed) {
                    return; // unanswered requests fail on the client's side when the gateway stops
                }
                batch = new ArrayList<>(queue);
                queue.clear();
            } finally {
                lock.unlock();
            }
            try {
                // Asked after the responses were queued: covers every record their processing wrote.
                long written = lastWrittenPosition.get();
                awaitDurable(written);
                batch.forEach(this::send);
            } catch (RuntimeException | InterruptedException e) {
                if (!closed) {
                    log.warn("Responses held back for durability could not be released", e);
                }
                if (e instanceof InterruptedException) {
                    return;
                }
            }
        }
    }

    private void awaitDurable(long position) throws InterruptedException {
        lock.lock();
        try {
            while (logStorage.durablePosition() < position && !closed) {
                durable.await(10, TimeUnit.MILLISECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    private void send(Response r) {
        delegate.partitionId(r.partitionId()).key(r.key()).intent(r.intent()).recordType(r.recordType())
                .valueType(r.valueType()).rejectionType(r.rejectionType());
        if (r.rejectionReason() != null) {
            delegate.rejectionReason(r.rejectionReason());
        }
        if (r.value() != null) {
            var bytes = r.value();
            delegate.valueWriter(new BufferWriter() {
                @Override
                public int getLength() {
                    return bytes.capacity();
                }

                @Override
                public int write(MutableDirectBuffer buffer, int offset) {
                    buffer.putBytes(offset, bytes, 0, bytes.capacity());
                    return bytes.capacity();
                }
            });
        }
        delegate.tryWriteResponse(r.streamId(), r.requestId());
    }

    private static DirectBuffer copy(DirectBuffer source) {
        if (source == null) {
            return null;
        }
        byte[] bytes = new byte[source.capacity()];
        source.getBytes(0, bytes);
        return new UnsafeBuffer(bytes);
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            available.signalAll();
            durable.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            releaser.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        logStorage.removeCommitListener(commitListener);
    }
}
