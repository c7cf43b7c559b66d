package io.atrium.runtime.security;

import io.atrium.platform.identity.UserAccount;
import io.atrium.platform.identity.UserDirectory;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Signs people in with the accounts of the {@link UserDirectory}; roles become authorities and
 * the account's security stamp travels with the session ({@link PlatformUser}).
 */
@Service
public class PlatformUserDetailsService implements UserDetailsService {

    private final UserDirectory users;

    public PlatformUserDetailsService(UserDirectory users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserAccount account = users.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return new PlatformUser(account.username(), account.passwordHash(), account.enabled(),
                account.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList(),
                account.securityStamp());
    }
}
