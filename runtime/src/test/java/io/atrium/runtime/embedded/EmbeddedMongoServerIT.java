package io.atrium.runtime.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoSecurityException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoServerIT {

    private static final EngineCredentials CREDENTIALS = EngineCredentials.generate();

    @TempDir
    Path dataDir;

    private static MongoClient client(EmbeddedMongoServer server) {
        return MongoClients.create(server.connectionString(CREDENTIALS));
    }

    @Test
    void shouldKeepDocumentsAcrossAStopAndStart() {
        try (var server = EmbeddedMongoServer.start(dataDir, "127.0.0.1", 0, CREDENTIALS);
                var client = client(server)) {
            client.getDatabase("atrium").getCollection("requests")
                    .insertOne(new Document("_id", "r-1").append("subject", "Card lost"));
        }

        try (var server = EmbeddedMongoServer.start(dataDir, "127.0.0.1", 0, CREDENTIALS);
                var client = client(server)) {
            var found = client.getDatabase("atrium").getCollection("requests").find(new Document("_id", "r-1")).first();
            assertThat(found).containsEntry("subject", "Card lost");
        }
    }

    @Test
    void shouldExplainWhenThePortIsTaken() {
        try (var first = EmbeddedMongoServer.start(dataDir.resolve("a"), "127.0.0.1", 0, CREDENTIALS)) {
            int taken = first.address().getPort();

            assertThatThrownBy(() -> EmbeddedMongoServer.start(dataDir.resolve("b"), "127.0.0.1", taken, CREDENTIALS))
                    .hasMessageContaining("cannot listen on 127.0.0.1:" + taken)
                    .hasMessageContaining("atrium.embedded.mongodb.port");
        }
    }

    @Test
    void shouldRefuseADriverWithoutCredentials() {
        // given
        try (var server = EmbeddedMongoServer.start(dataDir, "127.0.0.1", 0, CREDENTIALS);
                var anonymous = MongoClients.create(server.connectionString())) {
            var users = anonymous.getDatabase("atrium").getCollection("users");

            // when / then: the handshake works, nothing else does
            assertThatThrownBy(() -> users.find().first())
                    .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(13));
            assertThatThrownBy(() -> users.insertOne(new Document("_id", "intruder")))
                    .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(13));
            assertThatThrownBy(() -> anonymous.listDatabaseNames().into(new ArrayList<>()))
                    .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(13));
        }
    }

    @Test
    void shouldRefuseAWrongPasswordWithAuthenticationFailed() {
        // given
        try (var server = EmbeddedMongoServer.start(dataDir, "127.0.0.1", 0, CREDENTIALS);
                var wrong = MongoClients.create(server.connectionString(
                        new EngineCredentials(CREDENTIALS.username(), CREDENTIALS.password() + "x")))) {

            // when / then
            assertThatThrownBy(() -> wrong.getDatabase("atrium").getCollection("users").find().first())
                    .isInstanceOf(MongoSecurityException.class)
                    .cause().isInstanceOfSatisfying(MongoCommandException.class,
                            e -> assertThat(e.getErrorCode()).isEqualTo(18));
        }
    }

    @Test
    void shouldRefuseAnUnknownUserWithAuthenticationFailed() {
        try (var server = EmbeddedMongoServer.start(dataDir, "127.0.0.1", 0, CREDENTIALS);
                var stranger = MongoClients.create(server.connectionString(
                        new EngineCredentials("root", CREDENTIALS.password())))) {

            assertThatThrownBy(() -> stranger.getDatabase("atrium").getCollection("users").find().first())
                    .isInstanceOf(MongoSecurityException.class)
                    .cause().isInstanceOfSatisfying(MongoCommandException.class,
                            e -> assertThat(e.getErrorCode()).isEqualTo(18));
        }
    }

    @Test
    void shouldServeTheRightCredentials() {
        // given
        try (var server = EmbeddedMongoServer.start(dataDir, "127.0.0.1", 0, CREDENTIALS);
                var client = client(server)) {
            var requests = client.getDatabase("atrium").getCollection("requests");

            // when
            requests.insertOne(new Document("_id", "r-1").append("subject", "Card lost"));
            requests.updateOne(Filters.eq("_id", "r-1"), Updates.set("subject", "Card found"));
            var read = requests.find(Filters.eq("_id", "r-1")).first();
            requests.deleteOne(Filters.eq("_id", "r-1"));

            // then
            assertThat(read).containsEntry("subject", "Card found");
            assertThat(requests.countDocuments()).isZero();
        }
    }

    @Test
    void shouldNotServeDataToARawConnectionThatSkipsAuthentication() throws Exception {
        // given: a user document written by an authenticated client
        try (var server = EmbeddedMongoServer.start(dataDir, "127.0.0.1", 0, CREDENTIALS)) {
            try (var client = client(server)) {
                client.getDatabase("atrium").getCollection("users")
                        .insertOne(new Document("_id", "admin").append("passwordHash", "$2a$10$secret"));
            }
            int port = server.address().getPort();

            // when: OP_MSG find, OP_QUERY command find, and a legacy OP_QUERY on the collection itself
            BsonDocument opMsg = opMsg(port, new BsonDocument("find", new BsonString("users"))
                    .append("$db", new BsonString("atrium")));
            List<BsonDocument> commandQuery = opQuery(port, "atrium.$cmd",
                    new BsonDocument("find", new BsonString("users")));
            List<BsonDocument> wrappedQuery = opQuery(port, "atrium.$cmd",
                    new BsonDocument("$query", new BsonDocument("find", new BsonString("users"))));
            List<BsonDocument> collectionQuery = opQuery(port, "atrium.users", new BsonDocument());
            List<BsonDocument> serverStatus = opQuery(port, "admin.$cmd",
                    new BsonDocument("serverStatus", new BsonInt32(1)));

            // then
            assertThat(opMsg.getInt32("code").getValue()).isEqualTo(13);
            assertThat(commandQuery).singleElement().satisfies(d -> assertThat(d.getInt32("code").getValue()).isEqualTo(13));
            assertThat(wrappedQuery).singleElement().satisfies(d -> assertThat(d.getInt32("code").getValue()).isEqualTo(13));
            assertThat(collectionQuery).isEmpty(); // the server closes the connection
            assertThat(serverStatus).isEmpty();
            for (var reply : List.of(opMsg.toJson(), commandQuery.toString(), wrappedQuery.toString())) {
                assertThat(reply).doesNotContain("passwordHash");
            }
        }
    }

    private static byte[] bson(BsonDocument document) {
        var raw = new RawBsonDocument(document, new BsonDocumentCodec());
        var buffer = raw.getByteBuffer();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    /** Sends one OP_MSG (2013) and returns the body of the answer. */
    private static BsonDocument opMsg(int port, BsonDocument body) throws IOException {
        var payload = new ByteArrayOutputStream();
        payload.write(int32(0)); // flag bits
        payload.write(0); // section kind: body
        payload.write(bson(body));
        try (var socket = new Socket("127.0.0.1", port)) {
            send(socket, 2013, payload.toByteArray());
            ByteBuffer reply = receive(socket);
            reply.getInt(); // flag bits
            reply.get(); // section kind
            return document(reply);
        }
    }

    /** Sends one legacy OP_QUERY (2004) and returns the documents of the answer; none if the server hangs up. */
    private static List<BsonDocument> opQuery(int port, String namespace, BsonDocument query) throws IOException {
        var payload = new ByteArrayOutputStream();
        payload.write(int32(0)); // flags
        payload.write(namespace.getBytes(StandardCharsets.UTF_8));
        payload.write(0);
        payload.write(int32(0)); // number to skip
        payload.write(int32(-1)); // number to return
        payload.write(bson(query));
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            send(socket, 2004, payload.toByteArray());
            ByteBuffer reply;
            try {
                reply = receive(socket);
            } catch (EOFException | java.net.SocketException closed) {
                return List.of();
            }
            reply.getInt(); // response flags
            reply.getLong(); // cursor id
            reply.getInt(); // starting from
            int returned = reply.getInt();
            var documents = new ArrayList<BsonDocument>();
            for (int i = 0; i < returned; i++) {
                documents.add(document(reply));
            }
            return documents;
        }
    }

    private static void send(Socket socket, int opCode, byte[] payload) throws IOException {
        var header = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(16 + payload.length).putInt(1).putInt(0).putInt(opCode);
        var out = socket.getOutputStream();
        out.write(header.array());
        out.write(payload);
        out.flush();
    }

    /** Reads one message and returns what follows its header. */
    private static ByteBuffer receive(Socket socket) throws IOException {
        var in = new DataInputStream(socket.getInputStream());
        byte[] length = new byte[4];
        in.readFully(length);
        int total = ByteBuffer.wrap(length).order(ByteOrder.LITTLE_ENDIAN).getInt();
        byte[] rest = new byte[total - 4];
        in.readFully(rest);
        return ByteBuffer.wrap(rest, 12, rest.length - 12).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    private static BsonDocument document(ByteBuffer buffer) {
        int size = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
        byte[] bytes = new byte[size];
        buffer.get(bytes);
        return new RawBsonDocument(bytes).decode(new BsonDocumentCodec());
    }

    private static byte[] int32(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }
}
