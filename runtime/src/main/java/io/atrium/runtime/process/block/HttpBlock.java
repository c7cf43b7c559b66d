package io.atrium.runtime.process.block;

import io.atrium.runtime.outbound.OutboundAddresses;
import io.atrium.runtime.outbound.OutboundRefusedException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls an HTTP service with JSON in and out: {@code url}, {@code method} (default GET),
 * {@code body} (sent as JSON), {@code headers} (a context), {@code timeout} (seconds, default 10,
 * at most 60). The answer goes to {@code resultVariable} (default {@code response}) as
 * {@code {status, body}}; a status of 500 or more, or no answer, fails the job so it is retried.
 * The target must be a public address unless {@code atrium.outbound.allowed-hosts} lets it
 * through; redirects are not followed. An {@code Idempotency-Key} header carries the job key so
 * a service that honours it sees a retried call once.
 */
@Component
class HttpBlock implements BuildingBlock {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final int MAX_ANSWER = 1024 * 1024;
    private final OutboundAddresses addresses;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    HttpBlock(OutboundAddresses addresses) {
        this.addresses = addresses;
    }

    @Override
    public String type() {
        return "atrium:http";
    }

    @Override
    public Set<String> requiredFields() {
        return Set.of("url");
    }

    @Override
    public Map<String, Object> run(BlockJob job) {
        URI uri;
        try {
            uri = URI.create(job.requiredText("url"));
        } catch (IllegalArgumentException e) {
            throw new BlockFailure("The url is not an address: " + e.getMessage());
        }
        try {
            addresses.resolve(uri);
        } catch (OutboundRefusedException e) {
            throw new BlockFailure(e.getMessage());
        }
        String method = job.text("method").orElse("GET").toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw new BlockFailure("The method is one of " + METHODS + ", not " + method);
        }
        int timeout = job.text("timeout").map(HttpBlock::seconds).orElse(10);
        var body = job.value("body");
        var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(timeout))
                .header("Accept", "application/json").header("Idempotency-Key", "atrium-job-" + job.key())
                .method(method, body.isPresent() ? HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body.get()))
                        : HttpRequest.BodyPublishers.noBody());
        body.ifPresent(b -> request.header("Content-Type", "application/json"));
        job.map("headers").forEach((name, value) -> request.header(name, String.valueOf(value)));
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new BlockFailure("No answer from " + uri.getHost() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BlockFailure("Interrupted while calling " + uri.getHost());
        }
        if (response.statusCode() >= 500) {
            throw new BlockFailure(uri.getHost() + " answered " + response.statusCode());
        }
        var out = new LinkedHashMap<String, Object>();
        out.put("status", response.statusCode());
        out.put("body", parse(response.body()));
        return Map.of(job.resultVariable("response"), out);
    }

    private static Object parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        if (body.length > MAX_ANSWER) {
            throw new BlockFailure("The answer has more than " + MAX_ANSWER + " bytes; a process variable holds less");
        }
        try {
            return JSON.readValue(body, Object.class);
        } catch (JacksonException e) {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static int seconds(String text) {
        try {
            int value = (int) Double.parseDouble(text);
            if (value < 1 || value > 60) {
                throw new BlockFailure("The timeout is 1 to 60 seconds, not " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new BlockFailure("The timeout is a number of seconds, not " + text);
        }
    }
}
