package io.atrium.runtime.script;

import io.atrium.runtime.outbound.OutboundAddresses;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The SDK's outbound HTTP: only http and https to public addresses (or those an administrator
 * allows in {@code atrium.outbound.allowed-hosts}), no redirects followed, a timeout of at most
 * 30 s, bodies of at most 1 MB each way. The checks are made here; where a checked request goes
 * is the {@link SdkServices.Transport}'s business ({@link #network} in the platform).
 */
final class SdkHttp {

    static final int MAX_BODY = 1024 * 1024;
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final int MAX_HEADERS = 50;

    private final SdkServices.Transport transport;

    SdkHttp(SdkServices.Transport transport) {
        this.transport = transport;
    }

    /** The network, to the addresses the outbound rules let through, redirects not followed. */
    static SdkServices.Transport network(OutboundAddresses addresses) {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        return new SdkServices.Transport() {
            @Override
            public void admit(URI uri) {
                addresses.resolve(uri);
            }

            @Override
            public SdkServices.Response send(HttpRequest request, String body)
                    throws IOException, InterruptedException {
                HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                return new SdkServices.Response(response.statusCode(), response.headers().map(), response.body());
            }
        };
    }

    Map<String, Object> fetch(String url, JsonNode init) {
        if (!init.isNull() && !init.isObject()) {
            throw refused("init", "init is an object");
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw refused("url", "The url is not an address: " + e.getMessage());
        }
        transport.admit(uri);
        String method = init.hasNonNull("method") ? init.get("method").asString().toUpperCase(Locale.ROOT) : "GET";
        if (!METHODS.contains(method)) {
            throw refused("method", "The method is one of " + METHODS + ", not " + method);
        }
        long timeout = init.hasNonNull("timeoutMs") ? init.get("timeoutMs").asLong() : 10_000;
        if (timeout < 1 || timeout > 30_000) {
            throw refused("timeoutMs", "timeoutMs is 1 to 30000");
        }
        var request = HttpRequest.newBuilder(uri).timeout(Duration.ofMillis(timeout));
        JsonNode body = init.get("body");
        String text = null;
        boolean json = false;
        if (body != null && !body.isNull()) {
            json = !body.isString();
            text = json ? SdkAnswers.JSON.writeValueAsString(body) : body.asString();
            if (text.length() > MAX_BODY) {
                throw refused("body", "A request body has at most " + MAX_BODY + " characters");
            }
        }
        request.method(method, text == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
        if (json) {
            request.header("Content-Type", "application/json");
        }
        JsonNode headers = init.get("headers");
        if (headers != null && !headers.isNull()) {
            if (!headers.isObject() || headers.size() > MAX_HEADERS) {
                throw refused("headers", "headers is an object of at most " + MAX_HEADERS + " names");
            }
            for (var entry : headers.properties()) {
                try {
                    request.setHeader(entry.getKey(), entry.getValue().asString());
                } catch (IllegalArgumentException e) {
                    throw refused("headers", "The header " + entry.getKey() + " cannot be set: " + e.getMessage());
                }
            }
        }
        SdkServices.Response response;
        try {
            response = transport.send(request.build(), text);
        } catch (IOException e) {
            throw new SdkAnswers.SdkRefusal("unreachable", null, "No answer from " + uri.getHost() + ": "
                    + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SdkAnswers.SdkRefusal("unreachable", null, "Interrupted while calling " + uri.getHost());
        }
        byte[] bytes;
        try (InputStream in = response.body()) {
            bytes = in.readNBytes(MAX_BODY + 1);
        } catch (IOException e) {
            throw new SdkAnswers.SdkRefusal("unreachable", null, "The answer of " + uri.getHost() + " broke off");
        }
        if (bytes.length > MAX_BODY) {
            throw new SdkAnswers.SdkRefusal("limit", null, "The answer of " + uri.getHost() + " has more than "
                    + MAX_BODY + " bytes");
        }
        var out = new LinkedHashMap<String, Object>();
        out.put("status", response.status());
        var answerHeaders = new LinkedHashMap<String, String>();
        response.headers().forEach((name, values) -> answerHeaders.put(name.toLowerCase(Locale.ROOT),
                String.join(", ", values)));
        out.put("headers", answerHeaders);
        out.put("text", new String(bytes, StandardCharsets.UTF_8));
        return out;
    }

    private static SdkAnswers.SdkRefusal refused(String field, String message) {
        return new SdkAnswers.SdkRefusal("invalid", field, message);
    }
}
