package io.atrium.runtime.embedded;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;

/**
 * Lets a gRPC call through to the embedded Zeebe gateway only with HTTP basic credentials
 * ({@code authorization: Basic base64(user:password)}, RFC 7617), as the Camunda client's
 * basic-auth credentials provider sends them; any other call ends with UNAUTHENTICATED.
 * Only a digest of the expected {@code user:password} is kept, and the presented one is
 * compared with it in constant time.
 */
final class GatewayAuthentication implements ServerInterceptor {

    static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final byte[] expected;

    GatewayAuthentication(EngineCredentials credentials) {
        if (credentials.username().contains(":")) {
            throw new IllegalArgumentException("A basic-auth user name cannot contain ':'");
        }
        this.expected = digest((credentials.username() + ":" + credentials.password()).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        String header = headers.get(AUTHORIZATION);
        if (header == null) {
            return refuse(call, "the embedded Zeebe gateway requires basic credentials (authorization: Basic ...)");
        }
        byte[] presented = basicUserPass(header);
        if (presented == null || !MessageDigest.isEqual(digest(presented), expected)) {
            return refuse(call, "wrong credentials for the embedded Zeebe gateway");
        }
        return next.startCall(call, headers);
    }

    /** The decoded {@code user:password} of a Basic header, or null when it is not one. */
    private static byte[] basicUserPass(String header) {
        String value = header.strip();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).toLowerCase(Locale.ROOT).equals("basic")) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(value.substring(space + 1).strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static <Q, R> ServerCall.Listener<Q> refuse(ServerCall<Q, R> call, String description) {
        call.close(Status.UNAUTHENTICATED.withDescription(description), new Metadata());
        return new ServerCall.Listener<>() {
        };
    }

    private static byte[] digest(byte[] value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
