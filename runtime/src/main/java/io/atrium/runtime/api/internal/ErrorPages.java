package io.atrium.runtime.api.internal;

import io.atrium.platform.app.Messages;
import io.atrium.platform.app.MessageKey;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.core.JacksonException;

/**
 * What the servlet container shows when an error escapes the controllers: a 405 or 415 decided
 * before any handler, a firewall rejection, an exception in a filter. Under {@code /api} it is
 * always an RFC 9457 problem with the real status — never the login page, never a redirect —
 * and elsewhere a plain page. Details of server faults stay in the log.
 */
@RestController
@Hidden
class ErrorPages implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);
    /** Exceptions that reach the container but are the client's doing. */
    private static final Set<Class<? extends Throwable>> CLIENT_FAULTS = Set.of(MultipartException.class,
            RequestRejectedException.class, JacksonException.class, IllegalArgumentException.class);

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<String> error(HttpServletRequest request) {
        HttpStatus status = status(request);
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri == null) { // /error asked for directly: there is no error to show
            status = HttpStatus.NOT_FOUND;
            uri = request.getRequestURI();
        }
        var language = ProblemLanguage.of(request.getHeader("Accept-Language"));
        String title = status.is5xxServerError() ? Messages.text(MessageKey.PROBLEM_INTERNAL, language)
                : status == HttpStatus.NOT_FOUND ? Messages.text(MessageKey.PROBLEM_NOT_FOUND, language)
                : status.getReasonPhrase();
        String detail = status.is5xxServerError() ? Messages.text(MessageKey.DETAIL_UNANSWERED, language)
                : status == HttpStatus.NOT_FOUND ? Messages.text(MessageKey.DETAIL_NOTHING_AT, language, uri)
                : status.getReasonPhrase();
        if (isApi(uri) || !acceptsHtml(request)) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ApiProblems.json(status, ApiProblems.typeOf(status), title, detail, uri));
        }
        String page = "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + status.value() + "</title>"
                + "</head><body><h1>" + status.value() + " " + HtmlUtils.htmlEscape(status.getReasonPhrase())
                + "</h1><p>" + HtmlUtils.htmlEscape(detail) + "</p><p><a href=\"/\">Atrium</a></p></body></html>";
        return ResponseEntity.status(status).header(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8").body(page);
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        status = status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
        Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (status == HttpStatus.INTERNAL_SERVER_ERROR && error != null) {
            for (Throwable cause = error; cause != null; cause = cause.getCause()) {
                Throwable current = cause;
                if (CLIENT_FAULTS.stream().anyMatch(type -> type.isInstance(current))) {
                    return HttpStatus.BAD_REQUEST;
                }
            }
            log.error("Request to {} failed", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), error);
        }
        return status;
    }

    private static boolean isApi(String uri) {
        return uri.startsWith("/api/") || uri.equals("/api") || uri.startsWith("/v3/api-docs");
    }

    private static boolean acceptsHtml(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
    }
}
