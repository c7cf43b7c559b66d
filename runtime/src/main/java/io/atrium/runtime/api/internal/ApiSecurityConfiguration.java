package io.atrium.runtime.api.internal;

import io.atrium.platform.identity.ApiTokens;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.util.unit.DataSize;

/**
 * Security of the REST API: stateless, no cookies, no CSRF tokens (there is no browser session
 * to ride on). Bearer API tokens everywhere; HTTP Basic credentials only on
 * {@code /api/v1/tokens}, so a script can bootstrap its first token without sending a password
 * with every call; those go through the sign-in throttle and are answered 429 with
 * {@code Retry-After} after too many failures. The OpenAPI description is public.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ApiSecurityConfiguration {

    private final long maxBodyBytes;

    ApiSecurityConfiguration(@Value("${atrium.api.max-body-size:1MB}") DataSize maxBodySize) {
        this.maxBodyBytes = maxBodySize.toBytes();
    }

    /**
     * The container's error dispatch: open to everyone, because it only renders the error of a
     * request that its own chain already judged. Behind the UI's chain it became a login redirect.
     */
    @Bean
    @Order(0)
    SecurityFilterChain errorFilterChain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/error")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .build();
    }

    /** Requests the firewall refuses (encoded slashes, bad header values) are the client's error: 400. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return new HttpStatusRequestRejectedHandler(HttpStatus.BAD_REQUEST.value());
    }

    /** Tomcat's own refusals (before any servlet) become problems under /api, through the host's valve. */
    @Bean
    TomcatContextCustomizer problemReports() {
        return context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        };
    }

    @Bean
    @Order(1)
    SecurityFilterChain tokenBootstrapFilterChain(HttpSecurity http, ApiTokens tokens) throws Exception {
        return api(http.securityMatcher("/api/v1/tokens", "/api/v1/tokens/**"), tokens)
                .httpBasic(basic -> basic.authenticationEntryPoint(new SignInEntryPoint()))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiTokens tokens) throws Exception {
        return api(http.securityMatcher("/api/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html"), tokens)
                .httpBasic(basic -> basic.disable())
                .build();
    }

    private HttpSecurity api(HttpSecurity http, ApiTokens tokens) throws Exception {
        return http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .addFilterBefore(new RequestSizeLimit(maxBodyBytes), BasicAuthenticationFilter.class)
                .addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class);
    }
}
