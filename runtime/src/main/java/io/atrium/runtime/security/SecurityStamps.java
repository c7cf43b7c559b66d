package io.atrium.runtime.security;

import io.atrium.platform.identity.UserAccount;
import io.atrium.platform.identity.UserDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * Tells whether a session's sign-in still matches its account: the account exists, is enabled
 * and has the security stamp it had at sign-in. Accounts are read at most once a second per user
 * and node, so the check is cheap and still sees a change made on another node within a second
 * (nodes share only the database).
 */
@Service
public class SecurityStamps {

    static final Duration FRESH_FOR = Duration.ofSeconds(1);
    private static final int MAX_CACHED = 10_000;

    private final UserDirectory users;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Optional<UserAccount> account, Instant readAt) {
    }

    @Autowired
    public SecurityStamps(UserDirectory users) {
        this(users, Clock.systemUTC());
    }

    SecurityStamps(UserDirectory users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    /**
     * False when the authentication came from a sign-in whose account has since been disabled,
     * deleted, or had its roles or password changed. Anonymous and absent authentications are
     * current; any other kind of authentication in a session is not (it did not come from here).
     */
    public boolean isCurrent(Authentication authentication) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return true;
        }
        if (!(authentication.getPrincipal() instanceof PlatformUser user)) {
            return false;
        }
        return account(user.getUsername())
                .filter(UserAccount::enabled)
                .filter(a -> a.securityStamp().equals(user.securityStamp()))
                .isPresent();
    }

    private Optional<UserAccount> account(String username) {
        Instant now = clock.instant();
        Cached cached = cache.get(username);
        if (cached == null || !cached.readAt().plus(FRESH_FOR).isAfter(now)) {
            if (cache.size() > MAX_CACHED) {
                cache.clear(); // entries are a second's worth of work: dropping them is cheap
            }
            cached = new Cached(users.findByUsername(username), now);
            cache.put(username, cached);
        }
        return cached.account();
    }
}
