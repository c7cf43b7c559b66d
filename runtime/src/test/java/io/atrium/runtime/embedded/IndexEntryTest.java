package io.atrium.runtime.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

class IndexEntryTest {

    private static IndexEntry entry(int descending, Object position, Object... values) {
        return IndexEntry.of(new ArrayList<>(Arrays.asList(values)), position, descending);
    }

    @Test
    void shouldOrderValuesAsMongoDbDoesAcrossTypes() {
        // given: null before numbers (int, long and double mixed), strings, documents, ids, booleans, dates
        List<IndexEntry> entries = new ArrayList<>(List.of(
                entry(0, 1, Instant.parse("2026-01-01T00:00:00Z")),
                entry(0, 2, true),
                entry(0, 3, "b"),
                entry(0, 4, 2.5),
                entry(0, 5, 3L),
                entry(0, 6, (Object) null),
                entry(0, 7, 2),
                entry(0, 8, new ObjectId()),
                entry(0, 9, new Document("x", 1)),
                entry(0, 10, "a")));

        // when
        entries.sort(null);

        // then
        assertThat(entries).extracting(IndexEntry::position).containsExactly(6, 7, 4, 5, 10, 3, 9, 8, 2, 1);
    }

    @Test
    void shouldOrderADescendingFieldBackwardsAndEqualValuesByPosition() {
        IndexEntry a1 = entry(0b10, 1, "a", 1);
        IndexEntry a2 = entry(0b10, 2, "a", 2);
        IndexEntry a2b = entry(0b10, 3, "a", 2);

        assertThat(a2.compareTo(a1)).isNegative();
        assertThat(a2.compareTo(a2b)).isNegative();
        assertThat(a2.compareTo(entry(0b10, 2, "a", 2.0))).isZero();
    }

    @Test
    void shouldBoundAPrefixAndATypeBracket() {
        // given
        IndexEntry before = IndexEntry.bound(List.of("a"), 0, -1);
        IndexEntry after = IndexEntry.bound(List.of("a"), 0, 1);
        IndexEntry numbersEnd = IndexEntry.bound(List.of(new TypeFloor(TypeFloor.rank("x"))), 0, -1);

        // then
        assertThat(before.compareTo(entry(0, 1, "a", Integer.MIN_VALUE))).isNegative();
        assertThat(after.compareTo(entry(0, 1, "a", "zzz"))).isPositive();
        assertThat(after.compareTo(entry(0, 1, "b", null))).isNegative();
        assertThat(numbersEnd.compareTo(entry(0, 1, Double.MAX_VALUE))).isPositive();
        assertThat(numbersEnd.compareTo(entry(0, 1, ""))).isNegative();
    }

    @Test
    void shouldReadBackWhatItWrites() {
        // given
        var type = new IndexEntryType();
        IndexEntry written = entry(0b101, new ObjectId(), "text", null, Instant.parse("2026-12-02T10:15:30.123Z"),
                new ObjectId(), 42L, 1.5, new Document("nested", List.of(1, 2)), List.of());
        var buffer = new WriteBuffer();

        // when
        type.write(buffer, written);
        IndexEntry read = type.read(buffer.getBuffer().flip());

        // then
        assertThat(read).isEqualTo(written);
        assertThat(read.compareTo(written)).isZero();
    }
}
