package io.atrium;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

class HealthEndpointIT extends PlatformTestSupport {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldListMongoAndZeebeUpWithoutALogin() throws Exception {
        var response = get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        var health = JsonMapper.builder().build().readTree(response.body());
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("mongo").path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("zeebe").path("status").asString()).isEqualTo("UP");
        // anonymous callers see status only, never addresses or other details
        assertThat(health.path("components").path("mongo").has("details")).isFalse();
        assertThat(response.body()).doesNotContain("127.0.0.1");
    }

    @Test
    void shouldSendAnonymousVisitorsToTheLoginPage() throws Exception {
        var response = get("/");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void shouldHideOtherActuatorEndpoints() throws Exception {
        for (String path : new String[] {"/actuator/env", "/actuator/beans", "/actuator/info", "/actuator"}) {
            var response = get(path);
            assertThat(response.statusCode()).as(path).isNotEqualTo(200);
        }
    }
}
