package io.atrium.platform.identity;

import java.util.Optional;
import java.util.Set;

/** Stores user accounts and checks their passwords. */
public interface UserDirectory {

    Optional<UserAccount> findByUsername(String username);

    /**
     * Creates an account with the given raw password, which is hashed before it is stored.
     *
     * @throws UsernameTakenException if an account with that name exists
     */
    UserAccount create(String username, String displayName, String rawPassword, Set<Role> roles);

    /** Every account, by username. */
    java.util.List<UserAccount> all();

    /**
     * Changes an account; null arguments leave that property as it is.
     *
     * @throws java.util.NoSuchElementException if there is no such account
     */
    UserAccount update(String username, String displayName, Set<Role> roles, Set<String> groups, Boolean enabled);

    /** Sets a new password (hashed before it is stored). */
    void changePassword(String username, String rawPassword);

    /** Whether the raw password is the account's current one. */
    boolean passwordMatches(String username, String rawPassword);

    /** Whether any account holds the role. */
    boolean anyWithRole(Role role);

    long count();

    /** Thrown when a username is already in use. */
    final class UsernameTakenException extends RuntimeException {
        public UsernameTakenException(String username) {
            super("The username '" + username + "' is already taken");
        }
    }
}
