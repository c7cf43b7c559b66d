package io.atrium.runtime.script.harness;

import java.util.Locale;
import java.util.Map;

/**
 * An answer the harness gives to a script's HTTP call instead of the network.
 *
 * @param method  GET, POST, PUT, PATCH or DELETE
 * @param url     the address as the script calls it, query included; one ending in {@code *} matches
 *                every address that starts with what comes before it
 * @param headers the answer's headers
 * @param body    the answer's body as text
 */
public record CannedResponse(String method, String url, int status, Map<String, String> headers, String body) {

    public CannedResponse {
        if (method == null || url == null || url.isBlank()) {
            throw new IllegalArgumentException("A canned response has a method and a url");
        }
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("A canned response's status is 100 to 599, not " + status);
        }
        method = method.toUpperCase(Locale.ROOT);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    boolean answers(String requestMethod, String requestUrl) {
        if (!method.equals(requestMethod)) {
            return false;
        }
        return url.endsWith("*") ? requestUrl.startsWith(url.substring(0, url.length() - 1)) : url.equals(requestUrl);
    }
}
