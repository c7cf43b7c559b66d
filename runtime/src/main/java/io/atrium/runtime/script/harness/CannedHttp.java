package io.atrium.runtime.script.harness;

import io.atrium.runtime.outbound.OutboundRefusedException;
import io.atrium.runtime.script.SdkServices;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The SDK's HTTP answered from canned responses: the first that matches the method and address
 * answers, as often as it is called. A call nothing answers fails as an unreachable host does,
 * so a script meets the error it would meet in production when the service is down. Requests
 * are checked by the SDK itself before they get here; only the address rules of the platform
 * (public addresses only) are not applied, since nothing leaves the process.
 */
final class CannedHttp implements SdkServices.Transport {

    private final List<CannedResponse> responses;
    private final Journal journal;

    CannedHttp(List<CannedResponse> responses, Journal journal) {
        this.responses = List.copyOf(responses);
        this.journal = journal;
    }

    @Override
    public void admit(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new OutboundRefusedException("Only http and https addresses may be called, not " + uri);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new OutboundRefusedException("The address " + uri + " names no host");
        }
    }

    @Override
    public SdkServices.Response send(HttpRequest request, String body) throws IOException {
        String url = request.uri().toString();
        var headers = new LinkedHashMap<String, String>();
        request.headers().map().forEach((name, values) -> headers.put(name, String.join(", ", values)));
        var answer = responses.stream().filter(r -> r.answers(request.method(), url)).findFirst();
        journal.http(new HarnessResult.HttpCall(request.method(), url, headers, body,
                answer.map(CannedResponse::status).orElse(null)));
        if (answer.isEmpty()) {
            throw new ConnectException("No canned response for " + request.method() + " " + url);
        }
        var answerHeaders = new LinkedHashMap<String, List<String>>();
        answer.get().headers().forEach((name, value) -> answerHeaders.put(name, List.of(value)));
        return new SdkServices.Response(answer.get().status(), Map.copyOf(answerHeaders),
                new ByteArrayInputStream(answer.get().body().getBytes(StandardCharsets.UTF_8)));
    }
}
