package io.atrium.platform.identity;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A person who signs in to the platform.
 *
 * @param username     unique, case-insensitive login name (stored lower-case)
 * @param displayName  the name shown in the UI
 * @param passwordHash an encoded password hash (never the password itself)
 * @param roles        built-in roles granted to the user
 * @param groups       codes of the groups the user belongs to (for item scopes and routing)
 * @param enabled      a disabled account cannot sign in
 * @param createdAt    when the account was created
 * @param securityStamp changes whenever the roles, the enabled flag or the password change, so
 *                     sessions signed in before can tell they are out of date
 */
public record UserAccount(
        String username, String displayName, String passwordHash, Set<Role> roles, Set<String> groups,
        boolean enabled, Instant createdAt, String securityStamp) {

    public UserAccount {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        roles = Set.copyOf(roles);
        groups = groups == null ? Set.of() : Set.copyOf(groups);
        displayName = displayName == null || displayName.isBlank() ? username : displayName;
        securityStamp = securityStamp == null ? "" : securityStamp;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    @Override
    public String toString() { // keeps the hash out of logs
        return "UserAccount[" + username + ", roles=" + roles + ", enabled=" + enabled + "]";
    }
}
