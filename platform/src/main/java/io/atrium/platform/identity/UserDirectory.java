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
