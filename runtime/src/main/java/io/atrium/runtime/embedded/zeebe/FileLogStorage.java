package io.atrium.runtime.embedded.zeebe;

import io.camunda.zeebe.logstreams.storage.LogStorage;
import io.camunda.zeebe.logstreams.storage.LogStorageReader;
import io.camunda.zeebe.util.buffer.BufferWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.CRC32C;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zeebe's log on local disk: blocks of records appended to segment files.
 *
 * <p>A block becomes visible to readers, and its append is reported committed, only after it has
 * been forced to disk. Appends that arrive while a force is under way are forced together
 * (group commit). On open, a torn block at the end of the last segment (a crash during a
 * write) is cut off; damage anywhere else stops the start with an error rather than losing
 * records silently.
 *
 * <p>Frame: {@code int length | long lowestPosition | long highestPosition | int crc32c | bytes}.
 */
public final class FileLogStorage implements LogStorage, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FileLogStorage.class);
    static final int HEADER = 4 + 8 + 8 + 4;
    private static final int MAX_BLOCK = 64 * 1024 * 1024;
    private static final String PREFIX = "segment-";
    private static final String SUFFIX = ".log";

    private final Path directory;
    private final long segmentSize;
    /** Every block on disk by its lowest position; readers see only those up to {@link #durableLowest}. */
    private final ConcurrentSkipListMap<Long, Block> blocks = new ConcurrentSkipListMap<>();
    private final ConcurrentSkipListMap<Long, Segment> segments = new ConcurrentSkipListMap<>();
    private final CopyOnWriteArraySet<CommitListener> commitListeners = new CopyOnWriteArraySet<>();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition pendingAvailable = lock.newCondition();
    private final List<Pending> pending = new ArrayList<>();
    private final Thread flusher;
    private volatile long durableLowest = Long.MIN_VALUE;
    private volatile long durableHighest;
    private volatile boolean closed;
    private volatile String failure;
    private volatile Segment active;
    private long appendedBlocks;

    record Block(Segment segment, long offset, int length, long highest) {
    }

    private record Pending(long lowest, long highest, long index, AppendListener listener) {
    }

    static final class Segment {
        final long firstPosition;
        final Path file;
        final FileChannel channel;
        volatile long highestPosition;

        Segment(long firstPosition, Path file, FileChannel channel) {
            this.firstPosition = firstPosition;
            this.file = file;
            this.channel = channel;
        }
    }

    private FileLogStorage(Path directory, long segmentSize) {
        this.directory = directory;
        this.segmentSize = segmentSize;
        this.flusher = Thread.ofPlatform().daemon().name("zeebe-log-flusher").unstarted(this::flushLoop);
    }

    /** Opens the log in {@code directory}, recovering what is on disk. */
    public static FileLogStorage open(Path directory, long segmentSize) {
        var storage = new FileLogStorage(directory, segmentSize);
        try {
            Files.createDirectories(directory);
            storage.recover();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the Zeebe log in " + directory, e);
        }
        storage.flusher.start();
        return storage;
    }

    /** The highest record position that is on disk. */
    public long durablePosition() {
        return durableHighest;
    }

    /** Why the log stopped accepting records, if it did. */
    public java.util.Optional<String> failure() {
        return java.util.Optional.ofNullable(failure);
    }

    /** How many segment files the log has now. */
    public int segmentCount() {
        return segments.size();
    }

    /**
     * Deletes whole segments whose records all lie below {@code position}; the active segment
     * is kept. Called after a snapshot that covers those records.
     */
    public void deleteBefore(long position) {
        for (Segment segment : segments.values()) {
            if (segment == active || segment.highestPosition >= position) {
                continue;
            }
            blocks.headMap(nextFirstPosition(segment), false).entrySet()
                    .removeIf(e -> e.getValue().segment() == segment);
            segments.remove(segment.firstPosition);
            try {
                segment.channel.close();
                Files.deleteIfExists(segment.file);
            } catch (IOException e) {
                log.warn("Could not delete log segment {}", segment.file, e);
            }
        }
    }

    private long nextFirstPosition(Segment segment) {
        Long next = segments.higherKey(segment.firstPosition);
        return next == null ? Long.MAX_VALUE : next;
    }

    @Override
    public void append(long lowestPosition, long highestPosition, BufferWriter writer, AppendListener listener) {
        var buffer = ByteBuffer.allocate(writer.getLength());
        writer.write(new UnsafeBuffer(buffer), 0);
        append(lowestPosition, highestPosition, buffer, listener);
    }

    @Override
    public void append(long lowestPosition, long highestPosition, ByteBuffer data, AppendListener listener) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the log is closed");
            }
            int length = data.remaining();
            if (active == null || active.channel.size() + HEADER + length > segmentSize) {
                roll(lowestPosition);
            }
            var frame = ByteBuffer.allocate(HEADER + length).order(ByteOrder.BIG_ENDIAN);
            var crc = new CRC32C();
            crc.update(data.duplicate());
            frame.putInt(length).putLong(lowestPosition).putLong(highestPosition).putInt((int) crc.getValue());
            frame.put(data.duplicate()).flip();
            long offset = active.channel.size();
            while (frame.hasRemaining()) {
                active.channel.write(frame, offset + frame.position());
            }
            blocks.put(lowestPosition, new Block(active, offset, length, highestPosition));
            active.highestPosition = highestPosition;
            pending.add(new Pending(lowestPosition, highestPosition, ++appendedBlocks, listener));
            pendingAvailable.signal();
        } catch (IOException e) {
            throw new UncheckedIOException("Appending to the Zeebe log failed", e);
        } finally {
            lock.unlock();
        }
    }

    /** Starts a new segment; the previous one is forced first so a sealed segment is complete. */
    private void roll(long firstPosition) throws IOException {
        if (active != null) {
            active.channel.force(false);
        }
        Path file = directory.resolve(PREFIX + String.format("%020d", firstPosition) + SUFFIX);
        var channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        active = new Segment(firstPosition, file, channel);
        segments.put(firstPosition, active);
        forceDirectory();
    }

    private void forceDirectory() throws IOException {
        try (var dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException ignored) {
            // not every file system lets a directory be opened for force; the data itself is forced
        }
    }

    private void flushLoop() {
        while (true) {
            List<Pending> batch;
            Segment segment;
            lock.lock();
            try {
                while (pending.isEmpty() && !closed) {
                    pendingAvailable.awaitUninterruptibly();
                }
                if (pending.isEmpty()) {
                    return;
                }
                batch = new ArrayList<>(pending);
                pending.clear();
                segment = active;
            } finally {
                lock.unlock();
            }
            try {
                segment.channel.force(false);
            } catch (IOException e) {
                // After a failed force the records' fate is unknown: stop, never acknowledge them.
                log.error("Forcing the Zeebe log to disk failed; the log accepts no more records", e);
                failure = "forcing the log to disk failed: " + e.getMessage();
                lock.lock();
                try {
                    closed = true;
                } finally {
                    lock.unlock();
                }
                return;
            }
            Pending last = batch.getLast();
            durableHighest = last.highest();
            durableLowest = last.lowest();
            for (Pending p : batch) {
                p.listener().onWrite(p.index(), p.highest());
                p.listener().onCommit(p.index(), p.highest());
            }
            commitListeners.forEach(CommitListener::onCommit);
        }
    }

    private void recover() throws IOException {
        List<Path> files;
        try (var stream = Files.list(directory)) {
            files = stream.filter(f -> f.getFileName().toString().startsWith(PREFIX)).sorted().toList();
        }
        long previousHighest = Long.MIN_VALUE;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            boolean last = i == files.size() - 1;
            String name = file.getFileName().toString();
            long first = Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
            var channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            var segment = new Segment(first, file, channel);
            long offset = 0;
            long size = channel.size();
            var header = ByteBuffer.allocate(HEADER);
            while (offset < size) {
                header.clear();
                int read = channel.read(header, offset);
                String problem = null;
                int length = 0;
                long lowest = 0;
                long highest = 0;
                if (read < HEADER) {
                    problem = "truncated header";
                } else {
                    header.flip();
                    length = header.getInt();
                    lowest = header.getLong();
                    highest = header.getLong();
                    int crc = header.getInt();
                    if (length <= 0 || length > MAX_BLOCK || offset + HEADER + length > size) {
                        problem = "truncated block";
                    } else if (lowest > highest || lowest <= previousHighest) {
                        problem = "positions out of order";
                    } else {
                        var data = ByteBuffer.allocate(length);
                        channel.read(data, offset + HEADER);
                        var check = new CRC32C();
                        check.update(data.flip());
                        if ((int) check.getValue() != crc) {
                            problem = "checksum mismatch";
                        }
                    }
                }
                if (problem != null) {
                    if (!last) {
                        throw new IOException("The Zeebe log segment " + file + " is damaged at byte " + offset
                                + " (" + problem + ") and is not the last segment; restore the data directory "
                                + "from a backup");
                    }
                    log.warn("Cutting off a torn block at byte {} of {} ({}): it was never acknowledged",
                            offset, file.getFileName(), problem);
                    channel.truncate(offset);
                    channel.force(true);
                    break;
                }
                blocks.put(lowest, new Block(segment, offset, length, highest));
                segment.highestPosition = highest;
                previousHighest = highest;
                durableLowest = lowest;
                durableHighest = highest;
                offset += HEADER + length;
            }
            segments.put(first, segment);
            active = segment;
        }
        log.info("Zeebe log opened: {} segment(s), {} block(s), last position {}", segments.size(), blocks.size(),
                durableHighest);
    }

    @Override
    public LogStorageReader newReader() {
        return new FileLogReader(blocks, () -> durableLowest);
    }

    @Override
    public void addCommitListener(CommitListener listener) {
        commitListeners.add(listener);
    }

    @Override
    public void removeCommitListener(CommitListener listener) {
        commitListeners.remove(listener);
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            pendingAvailable.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            flusher.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Segment segment : segments.values()) {
            try {
                segment.channel.force(true);
                segment.channel.close();
            } catch (IOException e) {
                log.warn("Closing log segment {} failed", segment.file, e);
            }
        }
    }
}
