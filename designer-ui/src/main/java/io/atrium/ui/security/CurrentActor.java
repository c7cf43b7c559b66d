package io.atrium.ui.security;

import com.vaadin.flow.spring.security.AuthenticationContext;
import io.atrium.platform.access.Actor;
import io.atrium.platform.identity.Role;
import java.util.EnumSet;
import org.springframework.stereotype.Component;

/** The platform actor for the person signed in to the UI. */
@Component
public class CurrentActor {

    private final AuthenticationContext authentication;

    public CurrentActor(AuthenticationContext authentication) {
        this.authentication = authentication;
    }

    public Actor get() {
        var roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (authentication.hasRole(role.name())) {
                roles.add(role);
            }
        }
        String name = authentication.getPrincipalName().orElseThrow(() -> new IllegalStateException("not signed in"));
        return new Actor(name, roles, null);
    }
}
