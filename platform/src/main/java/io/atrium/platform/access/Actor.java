package io.atrium.platform.access;

import io.atrium.platform.identity.Role;
import java.util.Set;

/**
 * Someone acting on the platform: a signed-in person, an API client with a token, or the
 * platform itself (for processes and migrations).
 */
public record Actor(String username, Set<Role> roles, Set<String> groups) {

    public Actor {
        roles = Set.copyOf(roles);
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }

    /** The platform acting on its own behalf: holds every permission. */
    public static final Actor SYSTEM = new Actor("system", Set.of(Role.ADMIN), Set.of());

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
