package io.atrium;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The UI's pages over plain HTTP: security headers, the session cookie, CSRF on the login POST,
 * and its stylesheets.
 */
class WebSecurityIT extends PlatformTestSupport {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private static String form(String... pairs) {
        var sb = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            sb.append(i == 0 ? "" : "&").append(pairs[i]).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    @Test
    void shouldSendSecurityHeadersAndALaxHttpOnlySessionCookieWithThePages() throws Exception {
        var page = send(to("/login"));

        assertThat(page.statusCode()).isEqualTo(200);
        var headers = page.headers();
        assertThat(headers.firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'", "object-src 'none'", "frame-ancestors 'self'", "base-uri 'self'"));
        assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(headers.firstValue("X-Frame-Options")).contains("SAMEORIGIN");
        assertThat(headers.firstValue("Strict-Transport-Security")).as("never over plain HTTP").isEmpty();
        assertThat(headers.allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/styles/atrium.css", "/styles/form-designer.css"})
    void shouldServeTheUisStylesheetsToEveryPage(String path) throws Exception {
        // the login page links them too, before anyone is signed in
        var sheet = send(to(path));

        assertThat(sheet.statusCode()).isEqualTo(200);
        assertThat(sheet.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/css"));
    }

    @Test
    void shouldSendHstsOverHttpsBehindATrustedProxy() throws Exception {
        var page = send(to("/login").header("X-Forwarded-Proto", "https"));

        assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                hsts -> assertThat(hsts).contains("max-age=31536000").contains("includeSubDomains"));
    }

    @Test
    void shouldNotSignInWithALoginPostWithoutTheCsrfToken() throws Exception {
        var post = send(to("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form("username", "admin", "password", ADMIN_PASSWORD))));

        assertThat(post.statusCode()).as("refused, not redirected into the app").isEqualTo(403);
        assertThat(post.headers().firstValue("Location")).isEmpty();
        var cookie = post.headers().firstValue("Set-Cookie").map(c -> c.split(";", 2)[0]);
        if (cookie.isPresent()) {
            var home = send(to("/").header("Cookie", cookie.get()));
            assertThat(home.statusCode()).as("not signed in").isEqualTo(302);
            assertThat(home.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        }
    }

    @Test
    void shouldSignInWithTheCsrfTokenThePageCarries() throws Exception {
        var page = send(to("/login"));
        var token = CSRF_META.matcher(page.body());
        assertThat(token.find()).as("the login page carries the CSRF token for the form").isTrue();
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];

        var post = send(to("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(form("username", "admin", "password", ADMIN_PASSWORD,
                        "_csrf", token.group(1)))));

        assertThat(post.statusCode()).isEqualTo(302);
        assertThat(post.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
    }
}
