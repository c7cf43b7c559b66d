package io.atrium.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrium.platform.identity.Role;
import io.atrium.platform.identity.UserDirectory;
import io.atrium.runtime.RuntimeTestApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Accounts through the REST API: validation, sessions following their account, tokens, sign-in throttling. */
@SpringBootTest(classes = RuntimeTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class IdentityApiIT {

    private static final String ADMIN_PASSWORD = "identity-chief-secret";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        RuntimeTestApplication.embeddedOnFreePorts(registry, dataDir, ADMIN_PASSWORD);
        // long enough that the test surely sees the lock, however slow the machine
        registry.add("atrium.sign-in.first-delay", () -> "2m");
    }

    @LocalServerPort
    int port;
    @Autowired
    UserDirectory users;

    private final HttpClient http = HttpClient.newHttpClient();
    private String admin;

    record Answer(int status, JsonNode body, HttpResponse<String> raw) {
    }

    private Answer call(String method, String path, String auth, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (auth != null) {
            request.header("Authorization", auth);
        }
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isBlank() ? null : JSON.readTree(response.body());
        return new Answer(response.statusCode(), json, response);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private String tokenFor(String user, String password) throws Exception {
        var created = call("POST", "/api/v1/tokens", basic(user, password), null);
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return "Bearer " + created.body().get("token").asString();
    }

    private void ensureUser(String username, String password, Role... roles) {
        if (users.findByUsername(username).isEmpty()) {
            users.create(username, username, password, Set.of(roles));
        }
    }

    @BeforeEach
    void signInAsAdministrator() throws Exception {
        admin = tokenFor("admin", ADMIN_PASSWORD);
    }

    @Test
    void shouldStopADisabledUsersTokenAtOnce() throws Exception {
        ensureUser("dora", "night-desk-key-77", Role.OPERATOR);
        String dora = tokenFor("dora", "night-desk-key-77");
        assertThat(call("GET", "/api/v1/tokens", dora, null).status()).isEqualTo(200);

        assertThat(call("PATCH", "/api/v1/users/dora", admin, "{\"enabled\":false}").status()).isEqualTo(200);

        assertThat(call("GET", "/api/v1/tokens", dora, null).status()).isEqualTo(401);
        assertThat(call("PATCH", "/api/v1/users/dora", admin, "{\"enabled\":\"no\"}").status()).isEqualTo(400);
    }

    @Test
    void shouldRevokeTokensWithAPasswordChangeUnlessAskedToKeepThem() throws Exception {
        ensureUser("pavel", "first-long-phrase-1", Role.OPERATOR);
        String before = tokenFor("pavel", "first-long-phrase-1");

        var kept = call("PUT", "/api/v1/users/pavel/password", admin,
                "{\"password\":\"second-long-phrase-2\",\"revokeTokens\":false}");
        assertThat(kept.status()).as(kept.raw().body()).isEqualTo(204);
        assertThat(call("GET", "/api/v1/tokens", before, null).status()).isEqualTo(200);

        assertThat(call("PUT", "/api/v1/users/pavel/password", admin, "{\"password\":\"third-long-phrase-3\"}")
                .status()).isEqualTo(204);
        assertThat(call("GET", "/api/v1/tokens", before, null).status()).as("revoked by default").isEqualTo(401);

        String own = tokenFor("pavel", "third-long-phrase-3");
        assertThat(call("PUT", "/api/v1/users/pavel/password", own,
                "{\"current\":\"third-long-phrase-3\",\"password\":\"fourth-long-phrase-4\",\"revokeTokens\":true}")
                .status()).isEqualTo(204);
        assertThat(call("GET", "/api/v1/tokens", own, null).status()).isEqualTo(401);
    }

    @Test
    void shouldApplyThePasswordPolicyToEveryone() throws Exception {
        var weak = call("POST", "/api/v1/users", admin,
                "{\"username\":\"wendy\",\"password\":\"Password2024!\",\"roles\":[\"admin\"]}");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.body().get("errors").get(0).get("field").asString()).isEqualTo("password");
        assertThat(weak.body().get("errors").get(0).get("message").asString()).contains("commonly used");
        assertThat(call("PUT", "/api/v1/users/admin/password", admin, "{\"password\":\"            \"}").status())
                .isEqualTo(400);
        assertThat(call("PUT", "/api/v1/users/admin/password", admin, "{\"password\":\"123456789012\"}").status())
                .isEqualTo(400);
        assertThat(users.findByUsername("wendy")).isEmpty();
    }

    @Test
    void shouldRefuseBadUsernamesAndRolesWithoutCreatingTheAccount() throws Exception {
        long before = users.count();
        String[] badNames = {"nul\\u0000name", "new\\nline", "<img>", "../admin", "x".repeat(65), ".dot"};
        for (String bad : badNames) {
            var answer = call("POST", "/api/v1/users", admin,
                    "{\"username\":\"" + bad + "\",\"password\":\"a-fine-long-phrase-1\"}");
            assertThat(answer.status()).as(bad).isEqualTo(400);
            assertThat(answer.body().get("errors").get(0).get("field").asString()).isEqualTo("username");
        }
        for (String roles : new String[] {"{\"a\":\"admin\"}", "\"admin\"", "[\"emperor\"]", "[1]", "[{\"r\":1}]"}) {
            var answer = call("POST", "/api/v1/users", admin,
                    "{\"username\":\"rolf\",\"password\":\"a-fine-long-phrase-1\",\"roles\":" + roles + "}");
            assertThat(answer.status()).as(roles).isEqualTo(400);
            assertThat(answer.body().get("errors").get(0).get("field").asString()).isEqualTo("roles");
        }
        assertThat(call("POST", "/api/v1/users", admin, "{\"username\":\"rolf\",\"password\":\"a-fine-long-phrase-1\","
                + "\"groups\":[\"no-such-group\"]}").status()).isEqualTo(400);
        assertThat(call("POST", "/api/v1/users", admin, "{\"username\":\"rolf\",\"password\":\"a-fine-long-phrase-1\","
                + "\"displayName\":\"" + "d".repeat(201) + "\"}").status()).isEqualTo(400);

        assertThat(users.count()).isEqualTo(before);
        assertThat(users.findByUsername("rolf")).isEmpty();
        assertThat(call("PATCH", "/api/v1/users/admin", admin, "{\"roles\":{\"a\":\"admin\"}}").status())
                .isEqualTo(400);
    }

    @Test
    void shouldShowAllGroupsOnlyToThoseWhoManageAccess() throws Exception {
        call("POST", "/api/v1/groups", admin, "{\"code\":\"desk-a\",\"name\":\"Desk A\"}");
        call("POST", "/api/v1/groups", admin, "{\"code\":\"desk-b\",\"name\":\"Desk B\"}");
        ensureUser("otis", "desk-a-phrase-one", Role.OPERATOR);
        users.update("otis", null, null, Set.of("desk-a"), null);
        ensureUser("pia", "portal-phrase-one", Role.PORTAL_USER);
        ensureUser("ada", "analysis-phrase-12", Role.ANALYST);

        assertThat(codes(call("GET", "/api/v1/groups", admin, null))).contains("desk-a", "desk-b");
        assertThat(codes(call("GET", "/api/v1/groups", tokenFor("ada", "analysis-phrase-12"), null)))
                .contains("desk-a", "desk-b");
        assertThat(codes(call("GET", "/api/v1/groups", tokenFor("otis", "desk-a-phrase-one"), null)))
                .containsExactly("desk-a");
        assertThat(codes(call("GET", "/api/v1/groups", tokenFor("pia", "portal-phrase-one"), null))).isEmpty();
    }

    private static java.util.List<String> codes(Answer answer) {
        assertThat(answer.status()).isEqualTo(200);
        return answer.body().valueStream().map(g -> g.get("code").asString()).toList();
    }

    @Test
    void shouldLockAnAccountFromAnAddressAfterFiveWrongPasswords(CapturedOutput output) throws Exception {
        ensureUser("tara", "right-phrase-for-t1", Role.OPERATOR);
        ensureUser("tom", "right-phrase-for-m2", Role.OPERATOR);

        for (int i = 0; i < 5; i++) {
            assertThat(call("POST", "/api/v1/tokens", basic("tara", "guess-number-" + i), null).status())
                    .isEqualTo(401);
        }
        var locked = call("POST", "/api/v1/tokens", basic("tara", "right-phrase-for-t1"), null);

        assertThat(locked.status()).as("even the right password waits").isEqualTo(429);
        assertThat(locked.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        long retryAfter = Long.parseLong(locked.raw().headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 120L);
        assertThat(locked.body().get("status").asInt()).isEqualTo(429);
        assertThat(call("POST", "/api/v1/tokens", basic("tom", "right-phrase-for-m2"), null).status())
                .as("another account from the same address").isEqualTo(201);
        assertThat(output.getOut()).contains("Failed sign-in for 'tara' from 127.0.0.1 (5 in a row)")
                .doesNotContain("guess-number-");
    }

    @Test
    void shouldEscapeControlCharactersOfANameInTheLog(CapturedOutput output) throws Exception {
        assertThat(call("POST", "/api/v1/tokens", basic("eve\nForged line", "whatever-it-is"), null).status())
                .isEqualTo(401);

        assertThat(output.getOut()).contains("Failed sign-in for 'eve\\u000aForged line'");
    }
}
