package io.atrium.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the running platform's process API as an outside client would. */
public final class ProcessTestApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;

    /** An answer: status and JSON body (null when empty). */
    public record Answer(int status, JsonNode body, String text) {

        public Answer expect(int expected) {
            assertThat(status).as(text).isEqualTo(expected);
            return this;
        }
    }

    public ProcessTestApi(int port) {
        this.port = port;
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public String token(String user, String password) throws Exception {
        var created = call("POST", "/api/v1/tokens", basic(user, password), "{\"name\":\"test\"}").expect(201);
        return "Bearer " + created.body().get("token").asString();
    }

    public Answer call(String method, String path, String auth, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (auth != null) {
            request.header("Authorization", auth);
        }
        return answer(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** Uploads a BPMN file as {@code POST /api/v1/processes} does it: multipart, {@code file} and {@code namespace}. */
    public Answer upload(String auth, String namespace, String fileName, String bpmn) throws Exception {
        String boundary = "atrium-" + System.nanoTime();
        var body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"namespace\"\r\n\r\n" + namespace
                + "\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(bpmn.getBytes(StandardCharsets.UTF_8));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/processes"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", auth).build();
        return answer(http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    /** Asks again until the answer satisfies the condition, for at most the time given. */
    public Answer await(String path, String auth, Predicate<Answer> condition, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        Answer last;
        do {
            last = call("GET", path, auth, null);
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("Still not as expected after " + atMost + ": " + last.text());
    }

    /** A BPMN file from the test resources, with {@code ${name}} placeholders filled in pairs. */
    public static String bpmn(String name, String... replacements) {
        try (InputStream in = ProcessTestApi.class.getResourceAsStream("/bpmn/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No test BPMN " + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (int i = 0; i < replacements.length; i += 2) {
                text = text.replace("${" + replacements[i] + "}", replacements[i + 1]);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer answer(HttpResponse<String> response) {
        String text = response.body();
        return new Answer(response.statusCode(), text == null || text.isBlank() ? null : JSON.readTree(text), text);
    }
}
