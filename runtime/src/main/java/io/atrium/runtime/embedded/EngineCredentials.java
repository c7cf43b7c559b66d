package io.atrium.runtime.embedded;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * The user name and password an embedded engine accepts. {@link #toString()} never shows the
 * password, so the record can appear in logs and exception messages.
 *
 * @param username the one user the engine knows
 * @param password its password, in plain text; only the credentials file, the configuration
 *                 and the platform's own clients hold it
 */
public record EngineCredentials(String username, String password) {

    /** The user name of generated credentials; the password is what must stay secret. */
    public static final String GENERATED_USERNAME = "atrium";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_LENGTH = 24; // about 140 bits
    private static final SecureRandom RANDOM = new SecureRandom();

    public EngineCredentials {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw new IllegalArgumentException("An engine's user name and password must not be empty");
        }
    }

    /** Fresh random credentials: letters and digits only, so they need no escaping in a URI or a shell. */
    public static EngineCredentials generate() {
        var password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new EngineCredentials(GENERATED_USERNAME, password.toString());
    }

    /** {@code user:password}, each percent-encoded, for the user-info part of a URI. */
    public String uriUserInfo() {
        return encode(username) + ":" + encode(password);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "EngineCredentials[username=" + username + ", password=***]";
    }
}
