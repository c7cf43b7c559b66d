package io.atrium.runtime.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The stand-in's authentication command by command, on a connection of its own, with the
 * messages of RFC 7677 (user "user", password "pencil").
 */
class AuthenticatingBackendTest {

    private final MemoryBackend store = new MemoryBackend();
    private final AuthenticatingBackend backend = new AuthenticatingBackend(store, "user",
            ScramConversationTest.rfcKeys(), () -> ScramConversationTest.SERVER_NONCE);
    private final EmbeddedChannel connection = new EmbeddedChannel();

    @AfterEach
    void close() {
        connection.close();
        store.close();
    }

    private static BinData bytes(String text) {
        return new BinData(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(Document reply) {
        return new String(((BinData) reply.get("payload")).getData(), StandardCharsets.UTF_8);
    }

    private Document saslStart(boolean skipEmptyExchange) {
        var command = new Document("saslStart", 1).append("mechanism", "SCRAM-SHA-256")
                .append("payload", bytes(ScramConversationTest.CLIENT_FIRST));
        if (skipEmptyExchange) {
            command.append("options", new Document("skipEmptyExchange", true));
        }
        return backend.handleCommand(connection, "admin", "saslStart", command);
    }

    private Document saslContinue(Object conversationId, String payload) {
        return backend.handleCommand(connection, "admin", "saslContinue",
                new Document("saslContinue", 1).append("conversationId", conversationId).append("payload", bytes(payload)));
    }

    private Document find(String collection) {
        return backend.handleCommand(connection, "atrium", "find", new Document("find", collection));
    }

    @Test
    void shouldRefuseDataCommandsBeforeAuthentication() {
        // given
        store.handleCommand(connection, "atrium", "insert",
                new Document("insert", "users").append("documents", List.of(new Document("_id", "admin"))));

        // when
        Document reply = find("users");

        // then
        assertThat(reply).containsEntry("ok", 0.0).containsEntry("code", 13).containsEntry("codeName", "Unauthorized");
        assertThat(reply.get("errmsg")).isEqualTo("command find requires authentication");
        assertThat(backend.handleCommand(connection, "admin", "listDatabases", new Document("listDatabases", 1)))
                .containsEntry("code", 13);
        assertThat(backend.handleCommand(connection, "atrium", "DROP", new Document("DROP", "users")))
                .containsEntry("code", 13);
    }

    @Test
    void shouldAnswerTheHandshakeAndOfferScramSha256() {
        // when
        Document hello = backend.handleCommand(connection, "admin", "isMaster",
                new Document("isMaster", 1).append("saslSupportedMechs", "admin.user"));

        // then
        assertThat(hello).containsEntry("ok", 1.0).containsEntry("saslSupportedMechs", List.of("SCRAM-SHA-256"));
        assertThat(backend.handleCommand(connection, "admin", "buildInfo", new Document("buildInfo", 1)))
                .containsEntry("ok", 1.0);
    }

    @Test
    void shouldAuthenticateInTheShortExchange() {
        // when
        Document first = saslStart(true);
        Document last = saslContinue(first.get("conversationId"), ScramConversationTest.CLIENT_FINAL);

        // then
        assertThat(first).containsEntry("done", false).containsEntry("ok", 1.0);
        assertThat(text(first)).isEqualTo(ScramConversationTest.SERVER_FIRST);
        assertThat(last).containsEntry("done", true).containsEntry("ok", 1.0);
        assertThat(text(last)).isEqualTo(ScramConversationTest.SERVER_FINAL);
        assertThat(find("users")).containsEntry("ok", 1.0);
    }

    @Test
    void shouldAuthenticateOnlyAfterTheEmptyMessageInTheLongExchange() {
        // given
        Document first = saslStart(false);

        // when
        Document signature = saslContinue(first.get("conversationId"), ScramConversationTest.CLIENT_FINAL);
        Document beforeTheLastStep = find("users");
        Document done = saslContinue(first.get("conversationId"), "");

        // then
        assertThat(signature).containsEntry("done", false);
        assertThat(text(signature)).isEqualTo(ScramConversationTest.SERVER_FINAL);
        assertThat(beforeTheLastStep).containsEntry("code", 13);
        assertThat(done).containsEntry("done", true).containsEntry("ok", 1.0);
        assertThat(find("users")).containsEntry("ok", 1.0);
    }

    @Test
    void shouldStartTheExchangeInsideHello() {
        // given: the driver's speculative authentication
        var speculative = new Document("saslStart", 1).append("mechanism", "SCRAM-SHA-256")
                .append("payload", bytes(ScramConversationTest.CLIENT_FIRST)).append("db", "admin")
                .append("options", new Document("skipEmptyExchange", true));

        // when
        Document hello = backend.handleCommand(connection, "admin", "isMaster",
                new Document("isMaster", 1).append("speculativeAuthenticate", speculative));
        Document started = (Document) hello.get("speculativeAuthenticate");
        Document last = saslContinue(started.get("conversationId"), ScramConversationTest.CLIENT_FINAL);

        // then
        assertThat(text(started)).isEqualTo(ScramConversationTest.SERVER_FIRST);
        assertThat(last).containsEntry("done", true);
        assertThat(find("users")).containsEntry("ok", 1.0);
    }

    @Test
    void shouldFailAWrongProofWithCode18AndStayUnauthenticated() {
        // given
        Document first = saslStart(true);
        String wrong = ScramConversationTest.CLIENT_FINAL.replace("p=dHzb", "p=eHzb");

        // when
        Document reply = saslContinue(first.get("conversationId"), wrong);

        // then
        assertThat(reply).containsEntry("ok", 0.0).containsEntry("code", 18).containsEntry("codeName", "AuthenticationFailed");
        assertThat(find("users")).containsEntry("code", 13);
    }

    @Test
    void shouldRefuseOtherMechanismsAndOtherAuthenticationDatabases() {
        assertThat(backend.handleCommand(connection, "admin", "saslStart", new Document("saslStart", 1)
                .append("mechanism", "SCRAM-SHA-1").append("payload", bytes(ScramConversationTest.CLIENT_FIRST))))
                .containsEntry("code", 334);
        assertThat(backend.handleCommand(connection, "atrium", "saslStart", new Document("saslStart", 1)
                .append("mechanism", "SCRAM-SHA-256").append("payload", bytes(ScramConversationTest.CLIENT_FIRST))))
                .containsEntry("code", 18);
    }

    @Test
    void shouldForgetTheAuthenticationWhenTheConnectionCloses() {
        // given
        Document first = saslStart(true);
        saslContinue(first.get("conversationId"), ScramConversationTest.CLIENT_FINAL);

        // when
        backend.handleClose(connection);

        // then
        assertThat(find("users")).containsEntry("code", 13);
    }

    @Test
    void shouldKeepEachConnectionsAuthenticationToItself() {
        // given
        Document first = saslStart(true);
        saslContinue(first.get("conversationId"), ScramConversationTest.CLIENT_FINAL);
        var other = new EmbeddedChannel();

        // when
        Document reply = backend.handleCommand(other, "atrium", "find", new Document("find", "users"));

        // then
        assertThat(reply).containsEntry("code", 13);
        other.close();
    }

    @Test
    void shouldRefuseTheLegacyServerStatusThatNamesNoConnection() {
        assertThatThrownBy(backend::getServerStatus).isInstanceOf(MongoServerError.class);
    }
}
