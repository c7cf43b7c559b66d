package io.atrium.ui.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import io.atrium.runtime.security.SecurityStamps;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Everything requires a signed-in user except the login view and the health endpoint (which
 * shows only component status, never details, to anonymous callers).
 *
 * <p>On top of Vaadin's defaults: the login POST needs Spring's CSRF token (Vaadin exempts the
 * login page from CSRF; here only Vaadin's own requests are, which carry Vaadin's CSRF key), a
 * session ends as soon as its account changes, a refused sign-in says how long to wait, and every
 * page gets a content security policy, {@code nosniff}, a referrer policy and, over HTTPS, HSTS.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    /**
     * What Vaadin 25 needs in production mode: its bootstrap and {@code executeJs} run inline and
     * generated scripts, Lumo sets inline styles, icons come as data URLs.
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "worker-src 'self' blob:",
            "frame-src 'self'",
            "frame-ancestors 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'");

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, RequestUtil vaadinRequests, SecurityStamps stamps)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                // the UI's own stylesheets (@StyleSheet("context://styles/…")): Vaadin allows only its own files
                .requestMatchers(HttpMethod.GET, "/styles/**").permitAll()
                .requestMatchers("/actuator/**").hasRole("ADMIN"));
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        // the login page is named here too, or Spring would also generate its own default one
        http.formLogin(form -> form.loginPage("/login").failureHandler(new SignInFailureHandler()));
        http.addFilterAfter(new AccountChangeFilter(stamps), SecurityContextHolderFilter.class);
        http.headers(headers -> headers
                // written before the request runs: Vaadin forwards page requests to its servlet,
                // and headers written only when the response commits are lost on that way
                .withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <F extends HeaderWriterFilter> F postProcess(F filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                })
                .contentTypeOptions(options -> { })
                .frameOptions(frame -> frame.sameOrigin())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                // sent on HTTPS requests only; behind a TLS proxy see server.forward-headers-strategy
                .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true)));
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin
                .loginView(LoginView.class)
                .enableCsrfConfiguration(false)).build();
    }
}
