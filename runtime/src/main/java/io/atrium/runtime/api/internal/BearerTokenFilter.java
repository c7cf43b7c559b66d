package io.atrium.runtime.api.internal;

import io.atrium.platform.identity.ApiTokens;
import jakarta.servlet.FilterChain;
import java.util.Map;
import org.springframework.http.HttpStatus;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} with a personal API token. A token that
 * is unknown or revoked is answered 401 at once, so a client never runs as anonymous by mistake.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;

    BearerTokenFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        var account = tokens.authenticate(header.substring(7).strip());
        if (account.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            ApiProblems.send(response, HttpStatus.UNAUTHORIZED, "unauthorized", "Not signed in",
                    "The API token is unknown or revoked", request.getRequestURI(), Map.of());
            return;
        }
        var user = account.get();
        var authorities = user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        var authentication = UsernamePasswordAuthenticationToken.authenticated(user.username(), null, authorities);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
