package io.atrium.ui.security;

import io.atrium.runtime.security.SignInThrottledException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Sends a failed sign-in back to the login page: {@code login?error} for wrong credentials,
 * {@code login?locked=<seconds>} when the sign-in throttle refused to check them.
 */
class SignInFailureHandler implements AuthenticationFailureHandler {

    static final String LOCKED = "locked";

    private final DefaultRedirectStrategy redirect = new DefaultRedirectStrategy();

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException failure) throws IOException {
        if (failure instanceof SignInThrottledException throttled) {
            response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
            redirect.sendRedirect(request, response, "/login?" + LOCKED + "=" + throttled.retryAfterSeconds());
        } else {
            redirect.sendRedirect(request, response, "/login?error");
        }
    }
}
