package io.atrium.runtime.api.internal;

import io.atrium.runtime.security.SignInThrottledException;
import jakarta.servlet.http.HttpServletRequest;
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
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(seconds));
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"https://atrium.io/problems/too-many-attempts\",\"title\":"
                    + "\"Too many failed sign-ins\",\"status\":429,\"detail\":\"Too many failed sign-ins for this"
                    + " account from this address; try again in " + seconds + " seconds\",\"retryAfter\":" + seconds
                    + "}");
            return;
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    }
}
