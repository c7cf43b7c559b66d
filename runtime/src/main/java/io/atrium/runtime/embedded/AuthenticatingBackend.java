package io.atrium.runtime.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the MongoDB stand-in require SCRAM-SHA-256 authentication, as mongod with
 * {@code --auth} does. A connection that has not authenticated may only say hello, ask for the
 * build info, ping, ask its connection status and authenticate; everything else is answered
 * with error 13 (Unauthorized). Every request of mongo-java-server passes through this class —
 * OP_MSG through {@link #handleMessage}, OP_QUERY commands through {@link #handleCommand}, and
 * the OP_QUERY side paths through {@link #handleQuery}, {@link #getCurrentOperations} and
 * {@link #getServerStatus} — so no wire format goes around it.
 *
 * <p>The one user is an administrator in the {@code admin} database. Only its SCRAM keys are
 * kept, not its password. What a connection has proven lives on its Netty channel, so it ends
 * with the connection.
 */
final class AuthenticatingBackend extends ForwardingBackend {

    static final String MECHANISM = "SCRAM-SHA-256";
    static final String AUTHENTICATION_DATABASE = "admin";
    static final int UNAUTHORIZED = 13;
    static final int AUTHENTICATION_FAILED = 18;
    private static final int MECHANISM_UNAVAILABLE = 334;

    private static final Logger log = LoggerFactory.getLogger(AuthenticatingBackend.class);
    private static final AttributeKey<Session> SESSION = AttributeKey.valueOf(AuthenticatingBackend.class, "session");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String username;
    private final ScramSha256 keys;
    private final Supplier<String> serverNonces;

    AuthenticatingBackend(MongoBackend delegate, EngineCredentials credentials) {
        this(delegate, credentials.username(), ScramSha256.derive(credentials.password()),
                AuthenticatingBackend::randomNonce);
    }

    AuthenticatingBackend(MongoBackend delegate, String username, ScramSha256 keys, Supplier<String> serverNonces) {
        super(delegate);
        this.username = username;
        this.keys = keys;
        this.serverNonces = serverNonces;
    }

    /** What one connection has proven, and the exchange under way on it. */
    private static final class Session {
        boolean authenticated;
        ScramConversation conversation;
        int conversationId;
        boolean skipEmptyExchange;
        boolean awaitingEmptyMessage;

        void endConversation() {
            conversation = null;
            awaitingEmptyMessage = false;
        }
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        Document body = message.getDocument();
        // The command is the body's first key, exactly as AbstractMongoBackend reads it.
        String command = body.isEmpty() ? "" : body.keySet().iterator().next();
        return dispatch(message.getChannel(), message.getDatabaseName(), command, body,
                () -> delegate.handleMessage(message));
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return dispatch(channel, database, command, query,
                () -> delegate.handleCommand(channel, database, command, query));
    }

    private Document dispatch(Channel channel, String database, String command, Document query,
            Supplier<Document> delegated) {
        return switch (command.toLowerCase(Locale.ROOT)) {
            case "saslstart" -> saslStart(channel, database, query);
            case "saslcontinue" -> saslContinue(channel, query);
            case "ismaster", "hello" -> handshake(channel, query, delegated.get());
            case "connectionstatus" -> connectionStatus(channel);
            case "buildinfo", "ping" -> delegated.get();
            default -> authenticated(channel) ? delegated.get() : unauthorized(command);
        };
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        requireAuthenticated(query.getChannel(), "find");
        return delegate.handleQuery(query);
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        requireAuthenticated(query.getChannel(), "currentOp");
        return delegate.getCurrentOperations(query);
    }

    /**
     * Reached only from a legacy OP_QUERY {@code serverStatus}, which names no connection; the
     * OP_MSG command is checked like any other and served by the backend itself.
     */
    @Override
    public Document getServerStatus() {
        throw new MongoServerError(UNAUTHORIZED, "Unauthorized", "serverStatus is served over OP_MSG only");
    }

    @Override
    public void handleClose(Channel channel) {
        if (channel != null) {
            channel.attr(SESSION).set(null);
        }
        delegate.handleClose(channel);
    }

    private Document handshake(Channel channel, Document request, Document reply) {
        if (!isOk(reply)) {
            return reply;
        }
        if (request.containsKey("saslSupportedMechs")) {
            // Answered for any user name, so a wrong one fails as a wrong password does (code 18).
            reply.put("saslSupportedMechs", List.of(MECHANISM));
        }
        // The driver may start SCRAM inside hello; when that fails it simply runs saslStart itself.
        if (request.get("speculativeAuthenticate") instanceof Document speculative
                && MECHANISM.equals(speculative.get("mechanism"))) {
            Object database = speculative.get("db");
            Document started = saslStart(channel, database instanceof String db ? db : "", speculative);
            if (isOk(started)) {
                started.remove("ok");
                reply.put("speculativeAuthenticate", started);
            }
        }
        return reply;
    }

    private Document saslStart(Channel channel, String database, Document command) {
        Session session = session(channel);
        session.endConversation();
        Object mechanism = command.get("mechanism");
        if (!MECHANISM.equals(mechanism)) {
            return error(MECHANISM_UNAVAILABLE, "MechanismUnavailable",
                    "Received authentication for mechanism " + mechanism + " which is not enabled");
        }
        if (!AUTHENTICATION_DATABASE.equals(database)) {
            return failed(channel, "the user is defined in the admin database, not in '" + database + "'");
        }
        var conversation = new ScramConversation(username, keys, serverNonces);
        try {
            String serverFirst = conversation.first(payload(command));
            session.conversation = conversation;
            session.conversationId++;
            session.skipEmptyExchange = command.get("options") instanceof Document options
                    && Boolean.TRUE.equals(options.get("skipEmptyExchange"));
            return saslReply(session.conversationId, false, serverFirst);
        } catch (ScramConversation.Failure e) {
            return failed(channel, e.getMessage());
        }
    }

    private Document saslContinue(Channel channel, Document command) {
        Session session = session(channel);
        ScramConversation conversation = session.conversation;
        if (conversation == null || !(command.get("conversationId") instanceof Number id)
                || id.intValue() != session.conversationId) {
            session.endConversation();
            return failed(channel, "no such SASL conversation");
        }
        try {
            String message = payload(command);
            if (session.awaitingEmptyMessage) {
                // the long exchange: the client acknowledges the server's signature with nothing
                session.endConversation();
                if (!message.isEmpty()) {
                    return failed(channel, "unexpected message after the server signature");
                }
                return succeeded(channel, session, "");
            }
            String serverFinal = conversation.last(message);
            if (session.skipEmptyExchange) {
                session.endConversation();
                return succeeded(channel, session, serverFinal);
            }
            session.awaitingEmptyMessage = true;
            return saslReply(session.conversationId, false, serverFinal);
        } catch (ScramConversation.Failure e) {
            session.endConversation();
            return failed(channel, e.getMessage());
        }
    }

    private Document succeeded(Channel channel, Session session, String payload) {
        session.authenticated = true;
        log.debug("{} authenticated as '{}' from {}", MECHANISM, username, remote(channel));
        return saslReply(session.conversationId, true, payload);
    }

    private Document connectionStatus(Channel channel) {
        boolean authenticated = authenticated(channel);
        var authInfo = new Document()
                .append("authenticatedUsers", authenticated
                        ? List.of(new Document("user", username).append("db", AUTHENTICATION_DATABASE))
                        : List.of())
                .append("authenticatedUserRoles", authenticated
                        ? List.of(new Document("role", "root").append("db", AUTHENTICATION_DATABASE))
                        : List.of());
        return new Document("authInfo", authInfo).append("ok", 1.0);
    }

    private boolean authenticated(Channel channel) {
        Session session = channel == null ? null : channel.attr(SESSION).get();
        return session != null && session.authenticated;
    }

    private void requireAuthenticated(Channel channel, String command) {
        if (!authenticated(channel)) {
            throw new MongoServerError(UNAUTHORIZED, "Unauthorized", "command " + command + " requires authentication");
        }
    }

    private static Session session(Channel channel) {
        if (channel == null) {
            return new Session(); // nothing to remember it on: it can never authenticate anything
        }
        Session session = channel.attr(SESSION).get();
        if (session == null) {
            session = new Session();
            channel.attr(SESSION).set(session);
        }
        return session;
    }

    /** SASL payloads arrive as binary; some clients send them as a base64 string. */
    private static String payload(Document command) throws ScramConversation.Failure {
        Object payload = command.get("payload");
        if (payload instanceof BinData binary) {
            return new String(binary.getData(), StandardCharsets.UTF_8);
        }
        if (payload instanceof String text) {
            try {
                return new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new ScramConversation.Failure("malformed payload");
            }
        }
        throw new ScramConversation.Failure("missing payload");
    }

    private static Document saslReply(int conversationId, boolean done, String payload) {
        return new Document("conversationId", conversationId)
                .append("done", done)
                .append("payload", new BinData(payload.getBytes(StandardCharsets.UTF_8)))
                .append("ok", 1.0);
    }

    /** Why is logged here; the client learns only that it failed, as from mongod. */
    private static Document failed(Channel channel, String reason) {
        log.info("Authentication to the embedded MongoDB failed from {}: {}", remote(channel), reason);
        return error(AUTHENTICATION_FAILED, "AuthenticationFailed", "Authentication failed.");
    }

    private static Document unauthorized(String command) {
        return error(UNAUTHORIZED, "Unauthorized", "command " + command + " requires authentication");
    }

    // Returned rather than thrown: mongo-java-server logs a thrown error with the whole request.
    private static Document error(int code, String codeName, String message) {
        return new Document("ok", 0.0).append("errmsg", message).append("code", code).append("codeName", codeName);
    }

    private static boolean isOk(Document reply) {
        return reply != null && reply.get("ok") instanceof Number ok && ok.doubleValue() == 1.0;
    }

    private static Object remote(Channel channel) {
        return channel == null ? "an unknown address" : channel.remoteAddress();
    }

    private static String randomNonce() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
