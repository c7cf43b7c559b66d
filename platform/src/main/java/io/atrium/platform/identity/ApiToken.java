package io.atrium.platform.identity;

import java.time.Instant;

/**
 * A personal API token's record. The secret itself is shown once, at creation, and only its
 * hash is stored.
 *
 * @param id       identifies the token for listing and revoking
 * @param username whose rights the token carries
 * @param name     what the owner called it, e.g. "CI pipeline"
 */
public record ApiToken(String id, String username, String name, Instant createdAt, Instant lastUsedAt,
        boolean revoked) {
}
