package io.atrium.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrium.PlatformTestSupport;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Errors under {@code /api} are RFC 9457 problems with their real status: never the login page,
 * never a redirect, never a 500 for the client's mistake. Each case is one the security review
 * found answered with {@code 302 Location: /login} or a crash.
 */
class ApiErrorsIT extends PlatformTestSupport {

    private static int namespaces;

    @LocalServerPort
    int port;

    private ApiClient api;
    private String admin;
    private String items;

    @BeforeEach
    void publishApp() throws Exception {
        api = new ApiClient(port);
        admin = api.token("admin", ADMIN_PASSWORD);
        String ns = "errors" + (++namespaces);
        api.publishSampleApp(admin, ns);
        items = "/api/v1/apps/" + ns + "/deals/items";
    }

    @Test
    void shouldAnswerMethodMediaTypeAndUnknownPathsWithProblems() throws Exception {
        var wrongMethod = api.json("PUT", "/api/v1/tokens", admin, "{}").isProblem(405);
        assertThat(wrongMethod.raw().headers().firstValue("Allow")).isPresent();
        api.send("POST", "/api/v1/apps", admin, "text/plain", "hello".getBytes(StandardCharsets.UTF_8))
                .isProblem(415);
        api.json("GET", "/api/v1/nothing-here", admin, null).isProblem(404);
        api.json("GET", "/api/v1/nothing-here", null, null).isProblem(401);
    }

    @Test
    void shouldAnswerFirewallRejectionsWithABadRequestProblem() throws Exception {
        api.json("GET", "/api/v1/apps/%2e%2e%2fadmin", admin, null).isProblem(400);
        api.json("GET", "/api/v1/apps;x=1/../users", admin, null).isProblem(400);
        api.json("GET", "/api/v1//apps", admin, null).isProblem(400); // refused by Spring Security's firewall
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void shouldRefuseSearchBodiesOfTheWrongTypesWithoutLoggingStackTraces(CapturedOutput output) throws Exception {
        for (String body : new String[] {"{\"sort\":{}}", "{\"limit\":\"x\"}", "{\"limit\":1e30}",
                "{\"descending\":\"yes\"}", "{\"deleted\":{}}", "{\"filter\":{\"field\":{}}}",
                "{\"filter\":{\"text\":[]}}", "{\"filter\":{\"field\":\"title\",\"op\":[\"eq\"],\"value\":\"a\"}}",
                "{\"filter\":{\"field\":\"closeOn\",\"op\":\"in\",\"values\":[null]}}",
                "{\"filter\":{\"field\":\"title\",\"op\":\"contains\",\"value\":\"\\u0000\"}}",
                "{\"filter\":{\"field\":\"amount\",\"op\":\"eq\",\"value\":{\"amount\":\"1e1000000000\",\"currency\":\"EUR\"}}}",
                "[]", "\"text\"", "{"}) {
            var answer = api.json("POST", items + "/search", admin, body);
            assertThat(answer.status()).as(body + " → " + answer.body()).isEqualTo(400);
            answer.isProblem(400);
        }
        assertThat(output.getAll()).as("client errors are not logged with stack traces")
                .doesNotContain("\tat org.springframework").doesNotContain("Exception:");
    }

    @Test
    void shouldRefuseWrongTypesOnOtherWritingEndpoints() throws Exception {
        api.json("POST", "/api/v1/tokens", ApiClient.basic("admin", ADMIN_PASSWORD), "{\"name\":{}}").isProblem(400);
        api.json("PATCH", "/api/v1/users/admin", admin, "{\"enabled\":\"\"}").isProblem(400);
        String form = items.replace("/items", "/forms/edit/draft");
        api.json("PUT", form, admin, "null").isProblem(400);
        api.json("PUT", form, admin, "{\"elements\":[null]}").isProblem(400);
    }

    @Test
    void shouldRefuseMultipartWithoutBoundaryAndBadlyEncodedForms() throws Exception {
        api.send("POST", items, admin, "multipart/form-data", "--x\r\n".getBytes(StandardCharsets.UTF_8))
                .isProblem(415);
        var files = items.replace("/items", "/files?field=title");
        api.send("POST", files, admin, "multipart/form-data", "--x\r\n".getBytes(StandardCharsets.UTF_8))
                .isProblem(400);
        byte[] badUtf8 = {'n', 'a', 'm', 'e', '=', (byte) 0xC3, (byte) 0x28};
        var form = api.send("POST", "/api/v1/tokens", ApiClient.basic("admin", ADMIN_PASSWORD),
                "application/x-www-form-urlencoded; charset=UTF-8", badUtf8);
        assertThat(form.status()).as(form.body()).isBetween(400, 499);
        form.isProblem(form.status());
    }

    @Test
    void shouldRefuseBodiesOverTheLimitWithoutReadingThem() throws Exception {
        String huge = "{\"title\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        api.json("POST", items, admin, huge).isProblem(413);
    }

    @Test
    void shouldHideServerFaultsBehindAGenericProblem() throws Exception {
        var answer = api.json("GET", "/api/test/failure", admin, null).isProblem(500);
        assertThat(answer.body()).doesNotContain("secret detail").doesNotContain("Exception");
    }
}
