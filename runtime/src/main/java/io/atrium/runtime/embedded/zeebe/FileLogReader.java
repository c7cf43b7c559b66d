package io.atrium.runtime.embedded.zeebe;

import io.atrium.runtime.embedded.zeebe.FileLogStorage.Block;
import io.camunda.zeebe.logstreams.storage.LogStorageReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.LongSupplier;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/** Reads a {@link FileLogStorage}'s blocks in position order, never past what is durable. */
final class FileLogReader implements LogStorageReader {

    private final ConcurrentSkipListMap<Long, Block> blocks;
    private final LongSupplier durableLowest;
    private Long next;

    FileLogReader(ConcurrentSkipListMap<Long, Block> blocks, LongSupplier durableLowest) {
        this.blocks = blocks;
        this.durableLowest = durableLowest;
        this.next = firstKey();
    }

    private Long firstKey() {
        return blocks.isEmpty() ? null : blocks.firstKey();
    }

    @Override
    public void seek(long position) {
        Long floor = blocks.floorKey(position);
        next = floor != null ? floor : firstKey();
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = firstKey(); // the log was empty when this reader was made
        }
        return next != null && next <= durableLowest.getAsLong();
    }

    @Override
    public DirectBuffer next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Map.Entry<Long, Block> entry = blocks.ceilingEntry(next);
        if (entry == null) {
            throw new NoSuchElementException();
        }
        Block block = entry.getValue();
        var data = ByteBuffer.allocate(block.length());
        try {
            long at = block.offset() + FileLogStorage.HEADER;
            while (data.hasRemaining()) {
                int n = block.segment().channel.read(data, at + data.position());
                if (n < 0) {
                    throw new IOException("unexpected end of " + block.segment().file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Long after = blocks.higherKey(entry.getKey());
        next = after != null ? after : entry.getKey() + 1; // wait there for the next append
        return new UnsafeBuffer(data.flip());
    }

    @Override
    public void close() {
    }
}
