package io.atrium.runtime.security;

import io.atrium.platform.identity.SignInThrottle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Username and password sign-in for the login form and HTTP Basic alike, behind the
 * {@link SignInThrottle}: a refused attempt is answered without checking the password, each
 * failure is counted and logged (name and address, never the password), a success clears the
 * count. The client address is the request's remote address; behind a reverse proxy, set
 * {@code server.forward-headers-strategy=native} (and trust only that proxy) so it is the
 * client's and not the proxy's.
 */
@Component
public class ThrottledPasswordAuthentication implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottledPasswordAuthentication.class);

    private final DaoAuthenticationProvider passwords;
    private final SignInThrottle throttle;

    public ThrottledPasswordAuthentication(PlatformUserDetailsService userDetails, PasswordEncoder encoder,
            SignInThrottle throttle) {
        this.passwords = new DaoAuthenticationProvider(userDetails);
        this.passwords.setPasswordEncoder(encoder);
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName() == null ? "" : attempt.getName();
        String address = address(attempt);
        var wait = throttle.waitBefore(username, address);
        if (wait.isPresent()) {
            throw new SignInThrottledException(wait.get());
        }
        try {
            Authentication signedIn = passwords.authenticate(attempt);
            throttle.succeeded(username, address);
            return signedIn;
        } catch (AuthenticationException failed) {
            int inARow = throttle.failed(username, address);
            log.warn("Failed sign-in for '{}' from {} ({} in a row)", printable(username), printable(address), inARow);
            throw failed;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String address(Authentication attempt) {
        if (attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null) {
            return details.getRemoteAddress();
        }
        return "unknown";
    }

    /** Escapes control characters so a crafted name cannot forge log lines; caps the length. */
    static String printable(String text) {
        var sb = new StringBuilder();
        text.codePoints().limit(100).forEach(c -> {
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return text.codePointCount(0, text.length()) > 100 ? sb + "…" : sb.toString();
    }
}
