package io.atrium.ui.security;

import io.atrium.platform.access.Actor;
import io.atrium.runtime.security.Actors;
import io.atrium.runtime.security.PlatformUserDetailsService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The platform actor for the person signed in to the UI (roles and current groups). */
@Component
public class CurrentActor {

    private final Actors actors;
    private final PlatformUserDetailsService userDetails;

    public CurrentActor(Actors actors, PlatformUserDetailsService userDetails) {
        this.actors = actors;
        this.userDetails = userDetails;
    }

    public Actor get() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("not signed in");
        }
        return actors.of(authentication);
    }

    /**
     * After people change their own password, their other sessions end (the account's security
     * stamp changed); this one takes the new stamp so it goes on.
     */
    public void keepSignedInAfterOwnPasswordChange() {
        var context = SecurityContextHolder.getContext(); // the one kept in this HTTP session
        var current = context.getAuthentication();
        var user = userDetails.loadUserByUsername(current.getName());
        var renewed = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        renewed.setDetails(current.getDetails());
        context.setAuthentication(renewed);
    }
}
