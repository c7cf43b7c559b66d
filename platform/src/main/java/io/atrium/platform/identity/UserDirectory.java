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
     * @throws InvalidAccountException if the username, display name or password breaks the rules
     *                                 ({@link AccountNames}, {@link PasswordPolicy}); nothing is stored then
     */
    default UserAccount create(String username, String displayName, String rawPassword, Set<Role> roles) {
        return create(username, displayName, rawPassword, roles, Set.of());
    }

    /** Creates an account that belongs to the groups from the start, in one write. */
    UserAccount create(String username, String displayName, String rawPassword, Set<Role> roles, Set<String> groups);

    /** Every account, by username. */
    java.util.List<UserAccount> all();

    /**
     * Changes an account; null arguments leave that property as it is. A change of the roles or of
     * the enabled flag also changes the account's security stamp, which ends its sessions.
     *
     * @throws java.util.NoSuchElementException if there is no such account
     */
    UserAccount update(String username, String displayName, Set<Role> roles, Set<String> groups, Boolean enabled);

    /**
     * Sets a new password (hashed before it is stored) and changes the security stamp, which ends
     * the account's sessions.
     *
     * @throws InvalidAccountException if the password breaks the {@link PasswordPolicy}
     * @throws java.util.NoSuchElementException if there is no such account
     */
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
