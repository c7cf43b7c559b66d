package io.atrium.ui.security;

import io.atrium.platform.access.Actor;
import io.atrium.runtime.security.Actors;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The platform actor for the person signed in to the UI (roles and current groups). */
@Component
public class CurrentActor {

    private final Actors actors;

    public CurrentActor(Actors actors) {
        this.actors = actors;
    }

    public Actor get() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("not signed in");
        }
        return actors.of(authentication);
    }
}
