package io.atrium.runtime.embedded;

import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * Stores {@link IndexEntry} keys compactly: object ids and dates in fixed binary form, other
 * values through H2's own {@link ObjectDataType} (Java serialization only for what it does not
 * know). The order is {@link IndexEntry#compareTo}. Changing this encoding changes the file format.
 */
final class IndexEntryType extends BasicDataType<IndexEntry> {

    private static final byte GENERIC = 0;
    private static final byte OBJECT_ID = 1;
    private static final byte INSTANT = 2;

    private final ObjectDataType objects = new ObjectDataType();

    @Override
    public int getMemory(IndexEntry entry) {
        return 48 + 24 * (entry.values().size() + 1);
    }

    @Override
    public void write(WriteBuffer buffer, IndexEntry entry) {
        buffer.putVarInt(entry.values().size());
        for (Object value : entry.values()) {
            writeValue(buffer, value);
        }
        buffer.putVarInt(entry.descending());
        writeValue(buffer, entry.position());
    }

    @Override
    public IndexEntry read(ByteBuffer buffer) {
        int size = DataUtils.readVarInt(buffer);
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(readValue(buffer));
        }
        int descending = DataUtils.readVarInt(buffer);
        return IndexEntry.of(values, readValue(buffer), descending);
    }

    private void writeValue(WriteBuffer buffer, Object value) {
        switch (value) {
            case ObjectId id -> buffer.put(OBJECT_ID).put(id.toByteArray());
            case Instant instant -> buffer.put(INSTANT).putLong(instant.getEpochSecond()).putInt(instant.getNano());
            case null, default -> {
                buffer.put(GENERIC);
                objects.write(buffer, value);
            }
        }
    }

    private Object readValue(ByteBuffer buffer) {
        byte tag = buffer.get();
        return switch (tag) {
            case OBJECT_ID -> {
                byte[] bytes = new byte[12];
                buffer.get(bytes);
                yield new ObjectId(bytes);
            }
            case INSTANT -> Instant.ofEpochSecond(buffer.getLong(), buffer.getInt());
            default -> objects.read(buffer);
        };
    }

    @Override
    public int compare(IndexEntry a, IndexEntry b) {
        return a.compareTo(b);
    }

    @Override
    public IndexEntry[] createStorage(int size) {
        return new IndexEntry[size];
    }
}
