package io.atrium.platform.identity;

import java.util.List;
import java.util.Optional;

/** Personal API tokens: created by their owner, stored hashed, revocable. */
public interface ApiTokens {

    /** A new token and its secret, which is not stored and cannot be shown again. */
    record Issued(ApiToken token, String secret) {
    }

    Issued issue(String username, String name);

    /** The account a presented secret belongs to, if the token exists, is not revoked and the account is enabled. */
    Optional<UserAccount> authenticate(String secret);

    List<ApiToken> of(String username);

    /** Revokes one of the user's tokens; false if the user has no such token. */
    boolean revoke(String username, String tokenId);

    /** Revokes every token of the user, e.g. with a password change; returns how many were live. */
    long revokeAll(String username);
}
