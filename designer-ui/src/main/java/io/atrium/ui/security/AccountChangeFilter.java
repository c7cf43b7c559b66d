package io.atrium.ui.security;

import io.atrium.runtime.security.SecurityStamps;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a UI session whose account changed since sign-in (disabled, deleted, roles or password
 * changed): the HTTP session is invalidated and the request goes on as anonymous, so Vaadin
 * finds its session gone and the browser lands on the login page. Ending the session rather than
 * swapping the authorities keeps one rule for every kind of change.
 */
class AccountChangeFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AccountChangeFilter.class);

    private final SecurityStamps stamps;

    AccountChangeFilter(SecurityStamps stamps) {
        this.stamps = stamps;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!stamps.isCurrent(authentication)) {
            log.info("Ending the session of '{}': the account changed since sign-in", authentication.getName());
            var session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
        }
        chain.doFilter(request, response);
    }
}
