package io.atrium.runtime.api.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's last word on a request it refused before any servlet saw it (a URI with an encoded
 * slash, a malformed request line): under {@code /api} an RFC 9457 problem instead of Tomcat's
 * HTML page; elsewhere Tomcat's page without server details.
 */
public final class ProblemReportValve extends ErrorReportValve {

    public ProblemReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED -> "Sign in first: send an API token as Authorization: Bearer <token>";
            case BAD_REQUEST -> "The server cannot read this request";
            case NOT_FOUND -> "There is nothing at this address";
            default -> status.is5xxServerError() ? "The server could not answer this request"
                    : status.getReasonPhrase();
        };
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        String uri = request.getRequestURI();
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || uri == null || !uri.startsWith("/api/")) {
            super.report(request, response, throwable);
            return;
        }
        HttpStatus status = HttpStatus.resolve(code);
        status = status == null ? HttpStatus.BAD_REQUEST : status;
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(ApiProblems.json(status, ApiProblems.typeOf(status), status.getReasonPhrase(),
                        detail(status), uri));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response is already on its way: nothing more to tell
        }
    }
}
