package io.atrium.runtime.api.internal;

import io.atrium.runtime.security.SignInThrottledException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers a refused HTTP Basic sign-in: 429 with {@code Retry-After} and an RFC 9457 problem when
 * the sign-in throttle refused it, a bare 401 otherwise.
 */
class SignInEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof SignInThrottledException throttled) {
            long seconds = throttled.retryAfterSeconds();
            response.setHeader("Retry-After", Long.toString(seconds));
            ApiProblems.send(response, HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts", "Too many failed sign-ins",
                    "Too many failed sign-ins for this account from this address; try again in " + seconds
                            + " seconds", request.getRequestURI(), Map.of("retryAfter", seconds));
            return;
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    }
}
