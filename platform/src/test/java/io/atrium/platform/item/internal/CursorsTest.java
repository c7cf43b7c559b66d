package io.atrium.platform.item.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.atrium.platform.QueryTimeLimit;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.ValidationException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bson.BsonBinaryWriter;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.conversions.Bson;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorsTest {

    private static final AppRef APP = new AppRef("crm", "deals");
    private static final SortKey SCORE = new SortKey("score", "score", SortKey.Kind.NUMBER);
    private static final SortKey CLOSES = new SortKey("closes", "closes", SortKey.Kind.INSTANT);
    private static final SortKey NAME = new SortKey("name", "name", SortKey.Kind.TEXT);
    private static final SortKey WON = new SortKey("won", "won", SortKey.Kind.BOOLEAN);

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private MongoClient client;
    private ItemCollections collections;
    private MongoCollection<org.bson.Document> deals;
    private Cursors cursors;

    @BeforeEach
    void startMongo() {
        server.bind("127.0.0.1", 0);
        client = MongoClients.create(server.getConnectionString());
        collections = new ItemCollections(client.getDatabase("test"));
        deals = collections.of(APP);
        cursors = cursorsOnTheSameDatabase();
    }

    @AfterEach
    void stopMongo() {
        client.close();
        server.shutdownNow();
    }

    private Cursors cursorsOnTheSameDatabase() {
        return new Cursors(new CursorKey(client.getDatabase("test")), collections,
                new QueryTimeLimit(QueryTimeLimit.DEFAULT));
    }

    /** 90 deals whose sort values tie a lot and are often missing; numbers mix int64 and double. */
    private void givenDealsWithTiesAndGaps() {
        var random = new Random(7);
        var docs = new ArrayList<org.bson.Document>();
        for (int i = 0; i < 90; i++) {
            var doc = new org.bson.Document("_id", new ObjectId().toHexString());
            int pick = random.nextInt(5);
            if (pick > 0) {
                doc.append("score", pick % 2 == 0 ? (Object) (long) pick : (Object) (pick + 0.5));
            }
            if (random.nextInt(4) > 0) {
                doc.append("closes", Date.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(86_400L
                        * random.nextInt(3))));
            }
            if (random.nextInt(3) > 0) {
                doc.append("name", List.of("Acme", "Globex", "Initech").get(random.nextInt(3)));
            }
            if (random.nextBoolean()) {
                doc.append("won", random.nextBoolean());
            }
            docs.add(doc);
        }
        deals.insertMany(docs);
    }

    @Test
    void shouldPageOverTiesAndMissingValuesInBothDirectionsWithoutRepeatsOrSkips() {
        givenDealsWithTiesAndGaps();

        for (SortKey sort : List.of(SCORE, CLOSES, NAME, WON)) {
            for (boolean descending : new boolean[] {false, true}) {
                // when
                List<String> paged = walk(sort, descending, 7);

                // then
                List<String> allAtOnce = deals.find().sort(order(sort, descending))
                        .map(d -> d.getString("_id")).into(new ArrayList<>());
                assertThat(paged).as(sort.field() + (descending ? " descending" : " ascending"))
                        .hasSize(90).containsExactlyElementsOf(allAtOnce);
            }
        }
    }

    @Test
    void shouldCarryALongTextByTheItemItNames() {
        // given
        var docs = new ArrayList<org.bson.Document>();
        for (int i = 0; i < 12; i++) {
            docs.add(new org.bson.Document("_id", new ObjectId().toHexString())
                    .append("name", "я".repeat(3000) + (char) ('a' + i % 4)));
        }
        deals.insertMany(docs);

        // when
        String cursor = cursors.after(APP, NAME, false, docs.getFirst());
        List<String> paged = walk(NAME, false, 5);

        // then
        assertThat(cursor.length()).isLessThan(Cursors.MAX_LENGTH);
        assertThat(paged).hasSize(12).doesNotHaveDuplicates();
    }

    @Test
    void shouldAcceptACursorThatAnotherNodeOfTheClusterHandedOut() {
        // given
        givenDealsWithTiesAndGaps();
        String cursor = cursors.after(APP, SCORE, false, deals.find().first());

        // when another node, sharing the database, reads it
        var otherNode = cursorsOnTheSameDatabase();

        // then
        assertThat(otherNode.continuation(cursor, APP, SCORE, false)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"v\":{\"$regex\":\"(.*a){12}$\"},\"id\":\"\"}", "{\"v\":{\"$exists\":true},\"id\":\"\"}",
            "{\"v\":\"\",\"id\":5}", "{\"v\":{\"$where\":\"true\"}}"})
    void shouldRefuseTheUnsignedCursorsOfEarlierVersions(String extendedJson) {
        // given a cursor as earlier versions wrote them: base64url of extended JSON
        String cursor = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(extendedJson.getBytes(StandardCharsets.UTF_8));

        // when / then
        assertInvalid(cursor, SCORE, false);
    }

    @Test
    void shouldRefuseACursorWithAnyByteChanged() {
        // given
        givenDealsWithTiesAndGaps();
        byte[] token = Base64.getUrlDecoder().decode(cursors.after(APP, SCORE, false, deals.find().first()));

        for (int i = 0; i < token.length; i++) {
            // when
            byte[] tampered = token.clone();
            tampered[i] ^= 0x01;

            // then
            assertInvalid(Base64.getUrlEncoder().withoutPadding().encodeToString(tampered), SCORE, false);
        }
        assertInvalid(Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(token, token.length - 1)),
                SCORE, false);
    }

    @Test
    void shouldRefuseACursorOfAnotherSortFieldDirectionOrApp() {
        // given
        givenDealsWithTiesAndGaps();
        String byScore = cursors.after(APP, SCORE, false, deals.find().first());

        // when / then
        assertInvalid(byScore, NAME, false);
        assertInvalid(byScore, new SortKey("budget", "budget.value", SortKey.Kind.NUMBER), false);
        assertInvalid(byScore, SCORE, true);
        assertThatThrownBy(() -> cursors.continuation(byScore, new AppRef("crm", "leads"), SCORE, false))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void shouldRefuseASignedCursorWhoseValueIsNotOfTheSortFieldsKind() throws Exception {
        // given cursors signed with the server's key but holding what this class never writes
        var key = new CursorKey(client.getDatabase("test"));
        var operator = BsonDocument.parse("{\"$regex\": \"(.*a){12}$\"}");
        var text = new BsonString("Acme");

        // when / then
        assertInvalid(signed(key, payload(operator, new BsonString("x"))), SCORE, false);
        assertInvalid(signed(key, payload(text, new BsonString("x"))), SCORE, false);
        assertInvalid(signed(key, payload(BsonBoolean.TRUE, new BsonString("x"))), CLOSES, false);
        assertInvalid(signed(key, payload(text, new BsonString(""))), NAME, false);
        assertInvalid(signed(key, payload(text, BsonBoolean.TRUE)), NAME, false);
        assertThat(cursors.continuation(signed(key, payload(text, new BsonString("x"))), APP, NAME, false))
                .as("the same payload with a text value is a cursor").isNotNull();
    }

    @Test
    void shouldRefuseOverlongAndMalformedTokens() {
        assertInvalid("A".repeat(Cursors.MAX_LENGTH + 1), SCORE, false);
        assertInvalid("not base64!", SCORE, false);
        assertInvalid("", SCORE, false);
        assertInvalid("AAAA", SCORE, false);
    }

    private List<String> walk(SortKey sort, boolean descending, int pageSize) {
        var ids = new ArrayList<String>();
        String cursor = null;
        do {
            Bson after = cursor == null ? new org.bson.Document() : cursors.continuation(cursor, APP, sort, descending);
            var page = deals.find(after).sort(order(sort, descending)).limit(pageSize + 1).into(new ArrayList<>());
            cursor = null;
            if (page.size() > pageSize) {
                page.removeLast();
                cursor = cursors.after(APP, sort, descending, page.getLast());
            }
            page.forEach(d -> ids.add(d.getString("_id")));
        } while (cursor != null);
        return ids;
    }

    private static Bson order(SortKey sort, boolean descending) {
        return descending ? Sorts.descending(sort.path(), "_id") : Sorts.ascending(sort.path(), "_id");
    }

    private void assertInvalid(String cursor, SortKey sort, boolean descending) {
        assertThatThrownBy(() -> cursors.continuation(cursor, APP, sort, descending))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(error -> assertThat(error.field()).isEqualTo("after")));
    }

    private static BsonDocument payload(org.bson.BsonValue value, org.bson.BsonValue id) {
        return new BsonDocument("a", new BsonString(APP.toString())).append("s", new BsonString(value.isString()
                ? "name" : value.isBoolean() ? "closes" : "score")).append("d", BsonBoolean.FALSE)
                .append("i", id).append("v", value);
    }

    private static String signed(CursorKey key, BsonDocument payload) throws Exception {
        var buffer = new BasicOutputBuffer();
        new BsonDocumentCodec().encode(new BsonBinaryWriter(buffer), payload, EncoderContext.builder().build());
        byte[] bytes = buffer.toByteArray();
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.secret(), "HmacSHA256"));
        byte[] token = Arrays.copyOf(bytes, bytes.length + 32);
        System.arraycopy(mac.doFinal(bytes), 0, token, bytes.length, 32);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }
}
