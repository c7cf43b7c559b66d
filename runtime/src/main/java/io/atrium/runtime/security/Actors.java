package io.atrium.runtime.security;

import io.atrium.platform.access.Actor;
import io.atrium.platform.identity.Role;
import io.atrium.platform.identity.UserDirectory;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Service;

/**
 * The platform actor behind an authenticated request, for the UI and the API alike: roles
 * from the authentication, groups from the user's account as it is now.
 */
@Service
public class Actors {

    private final UserDirectory users;

    public Actors(UserDirectory users) {
        this.users = users;
    }

    public Actor of(Authentication authentication) {
        var roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                try {
                    roles.add(Role.valueOf(name.substring(5)));
                } catch (IllegalArgumentException ignored) {
                    // an authority that is not a platform role
                }
            }
        }
        Set<String> groups = users.findByUsername(authentication.getName()).map(a -> a.groups()).orElse(Set.of());
        return new Actor(authentication.getName(), roles, groups);
    }
}
