package io.atrium.runtime.embedded;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the server keeps to check SCRAM-SHA-256 proofs (RFC 5802, RFC 7677): the salt, the
 * iteration count, StoredKey and ServerKey. The password itself is not kept; it cannot be
 * recovered from these, and knowing them is not enough to log in.
 */
final class ScramSha256 {

    /** MongoDB's default for SCRAM-SHA-256 (scramSHA256IterationCount). */
    static final int ITERATIONS = 15_000;
    private static final int SALT_BYTES = 28;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] salt;
    private final int iterations;
    private final byte[] storedKey;
    private final byte[] serverKey;

    private ScramSha256(byte[] salt, int iterations, byte[] storedKey, byte[] serverKey) {
        this.salt = salt;
        this.iterations = iterations;
        this.storedKey = storedKey;
        this.serverKey = serverKey;
    }

    /** Derives the keys of {@code password} with a fresh random salt. */
    static ScramSha256 derive(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return derive(password, salt, ITERATIONS);
    }

    static ScramSha256 derive(String password, byte[] salt, int iterations) {
        byte[] saltedPassword = hi(SaslPrep.prepare(password).getBytes(StandardCharsets.UTF_8), salt, iterations);
        byte[] clientKey = hmac(saltedPassword, "Client Key");
        byte[] storedKey = sha256(clientKey);
        byte[] serverKey = hmac(saltedPassword, "Server Key");
        java.util.Arrays.fill(saltedPassword, (byte) 0);
        java.util.Arrays.fill(clientKey, (byte) 0);
        return new ScramSha256(salt.clone(), iterations, storedKey, serverKey);
    }

    byte[] salt() {
        return salt.clone();
    }

    int iterations() {
        return iterations;
    }

    /**
     * Whether {@code clientProof} shows knowledge of the password for this {@code authMessage}:
     * ClientKey = ClientProof XOR HMAC(StoredKey, AuthMessage), and H(ClientKey) must be StoredKey.
     * Compared in constant time.
     */
    boolean verifies(byte[] clientProof, String authMessage) {
        byte[] clientSignature = hmac(storedKey, authMessage);
        if (clientProof.length != clientSignature.length) {
            return false;
        }
        byte[] clientKey = new byte[clientSignature.length];
        for (int i = 0; i < clientKey.length; i++) {
            clientKey[i] = (byte) (clientProof[i] ^ clientSignature[i]);
        }
        return MessageDigest.isEqual(sha256(clientKey), storedKey);
    }

    /** ServerSignature = HMAC(ServerKey, AuthMessage): proves to the client that the server knows its keys. */
    byte[] serverSignature(String authMessage) {
        return hmac(serverKey, authMessage);
    }

    /** Hi() of RFC 5802: PBKDF2 with HMAC-SHA-256 and one block of output. */
    private static byte[] hi(byte[] password, byte[] salt, int iterations) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(password, "HmacSHA256"));
            mac.update(salt);
            byte[] u = mac.doFinal(new byte[] {0, 0, 0, 1});
            byte[] result = u.clone();
            for (int i = 1; i < iterations; i++) {
                u = mac.doFinal(u);
                for (int j = 0; j < result.length; j++) {
                    result[j] ^= u[j];
                }
            }
            return result;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] sha256(byte[] value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
