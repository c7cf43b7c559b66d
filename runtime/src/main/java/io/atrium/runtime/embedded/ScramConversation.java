package io.atrium.runtime.embedded;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * The server's side of one SCRAM-SHA-256 exchange (RFC 5802 section 5): the client's first
 * message is answered with the combined nonce, the salt and the iteration count; the client's
 * final message must carry a proof that checks against the stored keys, and is answered with
 * the server signature. Channel binding is not offered.
 */
final class ScramConversation {

    /** The exchange cannot succeed; the reason is for the server's log, never for the client. */
    static final class Failure extends Exception {
        Failure(String reason) {
            super(reason);
        }
    }

    private final String username;
    private final ScramSha256 keys;
    private final Supplier<String> serverNonces;
    private String gs2Header;
    private String clientFirstBare;
    private String serverFirst;
    private String nonce;
    private boolean finished;

    ScramConversation(String username, ScramSha256 keys, Supplier<String> serverNonces) {
        this.username = username;
        this.keys = keys;
        this.serverNonces = serverNonces;
    }

    /** Answers client-first-message with server-first-message. */
    String first(String clientFirst) throws Failure {
        if (serverFirst != null) {
            throw new Failure("the exchange has already begun");
        }
        // gs2-header = cbind-flag "," [ authzid ] ","
        int flagEnd = clientFirst.indexOf(',');
        int authzidEnd = flagEnd < 0 ? -1 : clientFirst.indexOf(',', flagEnd + 1);
        if (authzidEnd < 0) {
            throw new Failure("malformed client-first-message");
        }
        String flag = clientFirst.substring(0, flagEnd);
        if (!flag.equals("n") && !flag.equals("y")) {
            throw new Failure("channel binding is not supported");
        }
        String authzid = clientFirst.substring(flagEnd + 1, authzidEnd);
        gs2Header = clientFirst.substring(0, authzidEnd + 1);
        clientFirstBare = clientFirst.substring(authzidEnd + 1);
        if (clientFirstBare.startsWith("m=")) {
            throw new Failure("mandatory extensions are not supported");
        }
        String[] attributes = clientFirstBare.split(",", -1);
        if (attributes.length < 2 || !attributes[0].startsWith("n=") || !attributes[1].startsWith("r=")
                || attributes[1].length() == 2) {
            throw new Failure("malformed client-first-message");
        }
        String user = unescape(attributes[0].substring(2));
        if (!user.equals(username)) {
            throw new Failure("unknown user '" + user + "'");
        }
        if (!authzid.isEmpty() && !unescape(authzid.substring(authzid.startsWith("a=") ? 2 : 0)).equals(username)) {
            throw new Failure("authorization identity differs from the user");
        }
        nonce = attributes[1].substring(2) + serverNonces.get();
        serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(keys.salt()) + ",i=" + keys.iterations();
        return serverFirst;
    }

    /** Checks client-final-message and answers it with server-final-message. */
    String last(String clientFinal) throws Failure {
        if (serverFirst == null || finished) {
            throw new Failure("client-final-message out of turn");
        }
        finished = true;
        int proofAt = clientFinal.lastIndexOf(",p=");
        if (!clientFinal.startsWith("c=") || proofAt < 0) {
            throw new Failure("malformed client-final-message");
        }
        String withoutProof = clientFinal.substring(0, proofAt);
        String[] attributes = withoutProof.split(",", -1);
        if (attributes.length < 2 || !attributes[1].startsWith("r=")) {
            throw new Failure("malformed client-final-message");
        }
        byte[] binding = decode(attributes[0].substring(2));
        if (!java.util.Arrays.equals(binding, gs2Header.getBytes(StandardCharsets.UTF_8))) {
            throw new Failure("channel binding data differs from the gs2 header");
        }
        if (!attributes[1].substring(2).equals(nonce)) {
            throw new Failure("the nonce differs from the server's");
        }
        String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
        if (!keys.verifies(decode(clientFinal.substring(proofAt + 3)), authMessage)) {
            throw new Failure("wrong password");
        }
        return "v=" + Base64.getEncoder().encodeToString(keys.serverSignature(authMessage));
    }

    /** The user name the exchange is for. */
    String username() {
        return username;
    }

    private static byte[] decode(String base64) throws Failure {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new Failure("malformed base64");
        }
    }

    /** saslname: "=2C" stands for ",", "=3D" for "="; any other "=" is malformed. */
    private static String unescape(String saslName) throws Failure {
        var out = new StringBuilder(saslName.length());
        for (int i = 0; i < saslName.length(); i++) {
            char c = saslName.charAt(i);
            if (c != '=') {
                out.append(c);
            } else if (saslName.startsWith("=2C", i)) {
                out.append(',');
                i += 2;
            } else if (saslName.startsWith("=3D", i)) {
                out.append('=');
                i += 2;
            } else {
                throw new Failure("malformed user name");
            }
        }
        return out.toString();
    }
}
