package io.camunda.zeebe.process.test.engine;

import io.camunda.zeebe.logstreams.log.LogStreamReader;
import io.camunda.zeebe.logstreams.log.LoggedEvent;
import io.camunda.zeebe.protocol.impl.record.CopiedRecord;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.impl.record.UnifiedRecordValue;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import java.lang.reflect.Constructor;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the engine's events from its log in order, as an exporter would, for the platform's
 * view of instances. Only events of the asked value types are decoded; commands and rejections
 * are skipped. Not thread-safe: one reader per consumer.
 */
public final class EngineRecordReader implements AutoCloseable {

    private final LogStreamReader reader;
    private final int partitionId;
    private final Map<ValueType, Constructor<? extends UnifiedRecordValue>> values = new EnumMap<>(ValueType.class);

    @SuppressWarnings("unchecked")
    EngineRecordReader(LogStreamReader reader, int partitionId, Set<ValueType> types) {
        this.reader = reader;
        this.partitionId = partitionId;
        UnifiedRecordValue.allRecordsMap().forEach((type, value) -> {
            if (types.contains(type)) {
                try {
                    values.put(type, (Constructor<? extends UnifiedRecordValue>) value.getClass().getDeclaredConstructor());
                } catch (NoSuchMethodException e) {
                    throw new IllegalStateException("No way to read " + type + " records", e);
                }
            }
        });
    }

    /**
     * Hands the consumer the events written after the position, at most {@code max} of them.
     *
     * @param after the last position already read, or -1 to start at the first event still in the log
     * @return the position of the last event read, or {@code after} when there was none
     */
    public long read(long after, int max, Consumer<Record<?>> consumer) {
        if (after < 0) {
            reader.seekToFirstEvent();
        } else {
            reader.seekToNextEvent(after);
        }
        long last = after;
        int read = 0;
        while (read < max && reader.hasNext()) {
            LoggedEvent event = reader.next();
            last = event.getPosition();
            read++;
            var metadata = new RecordMetadata(); // the record keeps it
            event.readMetadata(metadata);
            var constructor = values.get(metadata.getValueType());
            if (constructor == null || metadata.getRecordType() != RecordType.EVENT) {
                continue;
            }
            UnifiedRecordValue value;
            try {
                value = constructor.newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            event.readValue(value);
            consumer.accept(new CopiedRecord<>(value, metadata, event.getKey(), partitionId, event.getPosition(),
                    event.getSourceEventPosition(), event.getTimestamp()));
        }
        return last;
    }

    @Override
    public void close() {
        reader.close();
    }
}
