package io.atrium.runtime.api.internal;

import io.atrium.platform.access.Actor;
import io.atrium.platform.identity.Role;
import java.util.EnumSet;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The platform actor behind an authenticated API request. */
final class ApiActors {

    private ApiActors() {
    }

    static Actor of(Authentication authentication) {
        var roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                try {
                    roles.add(Role.valueOf(name.substring(5)));
                } catch (IllegalArgumentException ignored) {
                    // not a platform role
                }
            }
        }
        return new Actor(authentication.getName(), roles, null);
    }
}
