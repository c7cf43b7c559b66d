package io.atrium.runtime.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A signed-in platform user as Spring Security keeps them in a session: the account's roles as
 * authorities and the security stamp the account had at sign-in, so later requests can tell
 * whether the account has changed since.
 */
public class PlatformUser extends User {

    private final String securityStamp;

    PlatformUser(String username, String passwordHash, boolean enabled,
            Collection<? extends GrantedAuthority> authorities, String securityStamp) {
        super(username, passwordHash, enabled, true, true, true, authorities);
        this.securityStamp = securityStamp;
    }

    public String securityStamp() {
        return securityStamp;
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other); // by username, as User does
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
