package io.atrium.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Raw HTTP calls to the running platform's API, never following redirects (a redirect is a finding). */
final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;

    record Answer(int status, String body, HttpResponse<String> raw) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String contentType() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }

        /** The answer is an RFC 9457 problem with the given status. */
        Answer isProblem(int expected) {
            assertThat(status).as(body).isEqualTo(expected);
            assertThat(contentType()).as("content type of " + body).startsWith("application/problem+json");
            assertThat(json().path("status").asInt()).isEqualTo(expected);
            assertThat(json().path("title").asString()).isNotBlank();
            return this;
        }
    }

    ApiClient(int port) {
        this.port = port;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A fresh API token of the user, made with their password. */
    String token(String user, String password) throws Exception {
        var created = send("POST", "/api/v1/tokens", basic(user, password), "application/json",
                "{\"name\":\"test\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return "Bearer " + created.json().get("token").asString();
    }

    Answer json(String method, String path, String auth, String body) throws Exception {
        return send(method, path, auth, "application/json", body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    Answer send(String method, String path, String auth, String contentType, byte[] body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (auth != null) {
            request.header("Authorization", auth);
        }
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), response);
    }

    /** Publishes a small app with one field of each kind the tests poke at. */
    void publishSampleApp(String auth, String namespace) throws Exception {
        var created = json("POST", "/api/v1/apps", auth, """
                {"namespace":"%s","code":"deals","name":{"en":"Deals","ru":"Сделки"},
                 "fields":[{"code":"title","type":"string","required":true},
                           {"code":"amount","type":"money"},{"code":"size","type":"number"},
                           {"code":"closeOn","type":"date"},{"code":"seenAt","type":"date-time"},
                           {"code":"stage","type":"status","states":["new","won","closed"],"initial":"new",
                            "transitions":{"new":["won"],"won":["closed"]}}]}""".formatted(namespace));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var published = json("POST", "/api/v1/apps/" + namespace + "/deals/publish", auth, null);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
    }
}
