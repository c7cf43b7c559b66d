package io.atrium.runtime.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stand-in's secondary indexes never change an answer: the same randomized queries on an
 * indexed and an unindexed copy of the same randomized collection return the same documents in
 * the same order, also while both copies go through the same random writes.
 */
class StandInIndexEquivalenceIT {

    private static final EngineCredentials CREDENTIALS = EngineCredentials.generate();
    private static final long SEED = 20261202L;
    private static final String[] TAGS = {"red", "green", "blue", "urgent", "vip", "late", "new", "open"};
    private static final String[] FIELDS = {"a", "b", "s", "tags", "nested.x", "at", "c"};

    @TempDir
    Path dataDir;

    private final Random random = new Random(SEED);
    private final Instant base = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void shouldAnswerRandomQueriesAsTheScanDoesWhileDocumentsChange() {
        try (var server = EmbeddedMongoServer.start(dataDir, "127.0.0.1", 0, CREDENTIALS);
                MongoClient client = MongoClients.create(server.connectionString(CREDENTIALS))) {
            // given
            MongoDatabase db = client.getDatabase("equivalence");
            MongoCollection<Document> plain = db.getCollection("plain");
            MongoCollection<Document> indexed = db.getCollection("indexed");
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                documents.add(randomDocument(i));
            }
            plain.insertMany(documents.stream().map(Document::new).toList());
            indexed.insertMany(documents.stream().map(Document::new).toList());
            // some indexes are built over existing documents, some before the later writes
            indexed.createIndex(new Document("a", 1));
            indexed.createIndex(new Document("b", 1).append("a", -1));
            indexed.createIndex(new Document("tags", 1));
            indexed.createIndex(new Document("nested.x", -1));
            indexed.createIndex(new Document("s", 1).append("b", 1));
            indexed.createIndex(new Document("at", -1), new IndexOptions().sparse(true));
            indexed.createIndex(new Document("c", 1).append("at", 1));

            int compared = 0;
            int served = 0;
            for (int round = 0; round < 4_000; round++) {
                if (round % 10 == 0) {
                    randomWrite(plain, indexed, 2_000 + round);
                }
                // when
                Bson filter = randomFilter();
                Document sort = random.nextInt(3) == 0 ? null : randomSort();
                int limit = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(25);
                int skip = random.nextInt(5) == 0 ? random.nextInt(10) : 0;
                List<Document> expected = find(plain, filter, sort, skip, limit);
                List<Document> actual = find(indexed, filter, sort, skip, limit);

                // then
                assertThat(actual).as("filter %s sort %s skip %d limit %d", filter.toBsonDocument(), sort, skip, limit)
                        .containsExactlyElementsOf(expected);
                assertThat(indexed.countDocuments(filter)).isEqualTo(plain.countDocuments(filter));
                compared++;
                if (usesIndex(db, filter, sort, limit)) {
                    served++;
                }
            }
            assertThat(compared).isEqualTo(4_000);
            assertThat(served).as("queries answered from an index").isGreaterThan(2_000);
            assertThat(indexed.find().into(new ArrayList<>())).containsExactlyElementsOf(plain.find().into(new ArrayList<>()));
        }
    }

    private static List<Document> find(MongoCollection<Document> collection, Bson filter, Document sort, int skip,
            int limit) {
        var find = collection.find(filter).skip(skip).limit(limit);
        if (sort != null) {
            find = find.sort(sort);
        }
        return find.into(new ArrayList<>());
    }

    private static boolean usesIndex(MongoDatabase db, Bson filter, Document sort, int limit) {
        var find = new Document("find", "indexed").append("filter", filter.toBsonDocument());
        if (sort != null) {
            find.append("sort", sort);
        }
        if (limit > 0) {
            find.append("limit", limit);
        }
        Document explained = db.runCommand(new Document("explain", find));
        return explained.toJson().contains("\"IXSCAN\"");
    }

    private Document randomDocument(int id) {
        Document document = new Document("_id", id);
        int shape = random.nextInt(10);
        if (shape > 0) {
            document.append("a", switch (random.nextInt(12)) {
                case 0 -> null;
                case 1 -> "text-" + random.nextInt(5);
                case 2 -> random.nextInt(40) + 0.5;
                case 3 -> (long) random.nextInt(40);
                default -> random.nextInt(40);
            });
        }
        document.append("b", random.nextInt(15));
        if (random.nextInt(8) > 0) {
            document.append("s", "s" + (char) ('a' + random.nextInt(12)));
        }
        if (random.nextInt(6) > 0) {
            List<String> tags = new ArrayList<>();
            int count = random.nextInt(4);
            for (int i = 0; i < count; i++) {
                tags.add(TAGS[random.nextInt(TAGS.length)]);
            }
            document.append("tags", tags);
        }
        if (random.nextInt(5) > 0) {
            document.append("nested", random.nextInt(6) == 0
                    ? List.of(new Document("x", random.nextInt(20)), new Document("x", random.nextInt(20)))
                    : new Document("x", random.nextInt(20)).append("y", "n"));
        }
        if (random.nextInt(3) > 0) {
            document.append("at", java.util.Date.from(base.plusSeconds(random.nextInt(10_000) * 60L)));
        }
        document.append("c", TAGS[random.nextInt(4)]);
        return document;
    }

    private void randomWrite(MongoCollection<Document> plain, MongoCollection<Document> indexed, int nextId) {
        Bson filter = randomFilter();
        switch (random.nextInt(7)) {
            case 0 -> {
                Document document = randomDocument(nextId);
                plain.insertOne(new Document(document));
                indexed.insertOne(new Document(document));
            }
            case 1 -> {
                Document update = new Document("$set", new Document("a", random.nextInt(40)).append("s", "sz"));
                plain.updateMany(filter, update);
                indexed.updateMany(filter, update);
            }
            case 2 -> {
                Document update = new Document("$push", new Document("tags", TAGS[random.nextInt(TAGS.length)]));
                plain.updateMany(filter, update);
                indexed.updateMany(filter, update);
            }
            case 3 -> {
                Document update = new Document("$pull", new Document("tags", TAGS[random.nextInt(TAGS.length)]))
                        .append("$unset", new Document("at", ""));
                plain.updateMany(filter, update);
                indexed.updateMany(filter, update);
            }
            case 4 -> {
                int id = random.nextInt(nextId);
                Document replacement = randomDocument(id);
                plain.replaceOne(new Document("_id", id), new Document(replacement), new ReplaceOptions().upsert(true));
                indexed.replaceOne(new Document("_id", id), new Document(replacement), new ReplaceOptions().upsert(true));
            }
            case 5 -> {
                Document upsertFilter = new Document("_id", "u" + random.nextInt(5));
                Document update = new Document("$inc", new Document("nested.x", 1).append("b", 1))
                        .append("$set", new Document("c", "vip"));
                plain.updateOne(upsertFilter, update, new UpdateOptions().upsert(true));
                indexed.updateOne(upsertFilter, update, new UpdateOptions().upsert(true));
            }
            default -> {
                plain.deleteMany(filter);
                indexed.deleteMany(filter);
            }
        }
    }

    private Bson randomFilter() {
        int clauses = 1 + random.nextInt(3);
        List<Document> parts = new ArrayList<>();
        for (int i = 0; i < clauses; i++) {
            parts.add(randomClause());
        }
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        if (random.nextBoolean()) {
            return new Document("$and", parts);
        }
        Document merged = new Document();
        parts.forEach(part -> part.forEach(merged::putIfAbsent));
        return merged;
    }

    private Document randomClause() {
        String field = FIELDS[random.nextInt(FIELDS.length)];
        return switch (random.nextInt(10)) {
            case 0, 1, 2 -> new Document(field, randomValue(field));
            case 3 -> new Document(field, new Document("$in", java.util.Arrays.asList(randomValue(field), randomValue(field), randomValue(field))));
            case 4 -> new Document(field, new Document("$gt", randomValue(field)));
            case 5 -> new Document(field, new Document("$lte", randomValue(field)));
            case 6 -> new Document(field, new Document("$gte", randomValue(field)).append("$lt", randomValue(field)));
            case 7 -> new Document(field, new Document("$ne", randomValue(field)));
            case 8 -> new Document(field, new Document("$exists", random.nextBoolean()));
            default -> new Document("$or", List.of(new Document(field, randomValue(field)),
                    new Document("b", random.nextInt(15))));
        };
    }

    private Object randomValue(String field) {
        if (random.nextInt(15) == 0) {
            return null;
        }
        return switch (field) {
            case "a" -> random.nextInt(8) == 0 ? "text-" + random.nextInt(5) : random.nextInt(42);
            case "b", "nested.x" -> random.nextInt(20);
            case "s" -> "s" + (char) ('a' + random.nextInt(12));
            case "tags", "c" -> TAGS[random.nextInt(TAGS.length)];
            case "at" -> java.util.Date.from(base.plusSeconds(random.nextInt(10_000) * 60L));
            default -> random.nextInt(10);
        };
    }

    private Document randomSort() {
        Document sort = new Document();
        int keys = 1 + random.nextInt(2);
        for (int i = 0; i < keys; i++) {
            sort.putIfAbsent(List.of("a", "b", "s", "at", "nested.x", "c", "_id").get(random.nextInt(7)),
                    random.nextBoolean() ? 1 : -1);
        }
        return sort;
    }
}
