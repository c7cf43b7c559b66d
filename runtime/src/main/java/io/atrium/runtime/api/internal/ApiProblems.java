package io.atrium.runtime.api.internal;

import com.mongodb.MongoExecutionTimeoutException;
import io.atrium.platform.access.AccessDeniedException;
import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.MessageKey;
import io.atrium.platform.app.Messages;
import io.atrium.platform.app.ValidationException;
import io.atrium.platform.item.FileTooLargeException;
import io.atrium.platform.item.ItemNotFoundException;
import io.atrium.platform.item.StaleItemException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import io.atrium.platform.script.ScriptCompileException;
import io.atrium.runtime.script.ScriptFailure;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the platform's refusals into RFC 9457 problem details with precise status codes. Spring
 * MVC's own refusals (405, 415, 406, missing parameters, unreadable bodies) come through the base
 * class in the same shape; anything unforeseen is a generic 500 whose details stay in the log.
 * Client errors are not logged with stack traces. Titles, the platform's details and each error's
 * message follow the request's {@code Accept-Language} (English or Russian, see {@link ProblemLanguage});
 * types, codes and fields stay the same in every language.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
    private static final String TYPES = "https://atrium.io/problems/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ExceptionHandler(ValidationException.class)
    ProblemDetail invalid(ValidationException e) {
        Locale locale = ProblemLanguage.ofCurrentRequest();
        var problem = problem(HttpStatus.BAD_REQUEST, "invalid", MessageKey.PROBLEM_INVALID,
                Messages.text(e.errors(), locale));
        problem.setProperty("errors", errors(e.errors(), locale));
        return problem;
    }

    @ExceptionHandler({IllegalArgumentException.class, MultipartException.class, InvalidParameterException.class})
    ProblemDetail unreadable(Exception e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid", MessageKey.PROBLEM_INVALID,
                Messages.text(e, ProblemLanguage.ofCurrentRequest()));
    }

    /** A value of the wrong JSON type that a reader met before any validation. */
    @ExceptionHandler(JacksonException.class)
    ProblemDetail wrongType(JacksonException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid", MessageKey.PROBLEM_INVALID,
                text(MessageKey.DETAIL_WRONG_TYPE, e.getOriginalMessage()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", MessageKey.PROBLEM_FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler({ItemNotFoundException.class, NoSuchElementException.class})
    ProblemDetail notFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", MessageKey.PROBLEM_NOT_FOUND,
                Messages.text(e, ProblemLanguage.ofCurrentRequest()));
    }

    @ExceptionHandler(StaleItemException.class)
    ProblemDetail stale(StaleItemException e) {
        var problem = problem(HttpStatus.CONFLICT, "stale", MessageKey.PROBLEM_STALE, e.getMessage());
        problem.setProperty("currentVersion", e.currentVersion());
        return problem;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "conflict", MessageKey.PROBLEM_CONFLICT, e.getMessage());
    }

    @ExceptionHandler(FileTooLargeException.class)
    ProblemDetail tooLarge(FileTooLargeException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", MessageKey.PROBLEM_FILE_TOO_LARGE, e.getMessage());
    }

    @ExceptionHandler(PreconditionRequiredException.class)
    ProblemDetail precondition(PreconditionRequiredException e) {
        return problem(HttpStatus.PRECONDITION_REQUIRED, "version-required", MessageKey.PROBLEM_VERSION_REQUIRED,
                e.getMessage());
    }

    /** Whatever nobody foresaw: the caller learns only an incident id to quote; the log has the rest. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        String incident = UUID.randomUUID().toString();
        log.error("Unexpected failure, incident {}", incident, e);
        var problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", MessageKey.PROBLEM_INTERNAL,
                text(MessageKey.DETAIL_INTERNAL, incident));
        problem.setProperty("incident", incident);
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem(HttpStatus.CONTENT_TOO_LARGE,
                "too-large", MessageKey.PROBLEM_FILE_TOO_LARGE, text(MessageKey.DETAIL_UPLOAD_TOO_LARGE)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimit.BodyTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem(HttpStatus.CONTENT_TOO_LARGE,
                        "too-large", MessageKey.PROBLEM_REQUEST_TOO_LARGE, tooLarge.getMessage()));
            }
        }
        String detail = e.getCause() instanceof JacksonException jackson
                ? text(MessageKey.DETAIL_BODY_JSON, jackson.getOriginalMessage())
                : text(MessageKey.DETAIL_BODY_UNREADABLE);
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "invalid",
                MessageKey.PROBLEM_INVALID, detail));
    }

    /** Spring MVC's own problems get the platform's type and title. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        var resolved = HttpStatus.resolve(status.value());
        if (body instanceof ProblemDetail problem && resolved != null) {
            problem.setType(URI.create(TYPES + typeOf(resolved)));
            problem.setTitle(resolved.getReasonPhrase());
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    /** The problem type for a status the platform has no more precise name for. */
    static String typeOf(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "invalid";
            case UNAUTHORIZED -> "unauthorized";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case NOT_ACCEPTABLE -> "not-acceptable";
            case CONFLICT -> "conflict";
            case CONTENT_TOO_LARGE -> "too-large";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case TOO_MANY_REQUESTS -> "too-many-requests";
            default -> status.is5xxServerError() ? "internal" : "http-" + status.value();
        };
    }

    /** Writes a problem as the whole response, for filters and entry points outside Spring MVC. */
    static void send(HttpServletResponse response, HttpStatus status, String type, String title, String detail,
            String instance, Map<String, Object> properties) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json(status, type, title, detail, instance, properties));
    }

    /** A problem document as JSON text, for places outside Spring MVC's message conversion. */
    static String json(HttpStatus status, String type, String title, String detail, String instance) {
        return json(status, type, title, detail, instance, Map.of());
    }

    private static String json(HttpStatus status, String type, String title, String detail, String instance,
            Map<String, Object> properties) {
        var out = new LinkedHashMap<String, Object>();
        out.put("type", TYPES + type);
        out.put("title", title);
        out.put("status", status.value());
        out.put("detail", detail);
        out.put("instance", instance);
        out.putAll(properties);
        return JSON.writeValueAsString(out);
    }

    /**
     * A query ran into the server's time limit ({@code atrium.query.max-time}). 504, not 503: the
     * node is healthy and its database answered, just not within the limit, and the same request
     * would time out again, so nothing should retry it elsewhere; the caller narrows the filter.
     */
    @ExceptionHandler(MongoExecutionTimeoutException.class)
    ProblemDetail queryTimedOut(MongoExecutionTimeoutException e) {
        return problem(HttpStatus.GATEWAY_TIMEOUT, "query-timeout", MessageKey.PROBLEM_QUERY_TIMEOUT,
                text(MessageKey.DETAIL_QUERY_TIMEOUT));
    }

    /** A module that does not compile: every error with its line and column in the source as written. */
    @ExceptionHandler(ScriptCompileException.class)
    ProblemDetail doesNotCompile(ScriptCompileException e) {
        var problem = problem(HttpStatus.BAD_REQUEST, "script-compile", MessageKey.PROBLEM_SCRIPT_COMPILE,
                e.getMessage());
        problem.setProperty("errors", e.problems().stream().map(p -> {
            var out = new java.util.LinkedHashMap<String, Object>();
            out.put("file", p.file());
            out.put("line", p.line());
            out.put("column", p.column());
            out.put("code", p.code());
            out.put("message", p.message());
            return out;
        }).toList());
        return problem;
    }

    /**
     * A script that did not run to its end: 422 for its own exception or refusal, 422 for a limit
     * it reached, 404 for a module or function that is not there. Never a 5xx: the platform is
     * fine, the script is not. The detail is the script's message; its stack has script frames only.
     */
    @ExceptionHandler(ScriptFailure.class)
    ProblemDetail scriptFailed(ScriptFailure e) {
        var problem = switch (e.kind()) {
            case INVALID -> problem(HttpStatus.NOT_FOUND, "not-found", MessageKey.PROBLEM_NOT_FOUND, e.getMessage());
            case REFUSED -> problem(HttpStatus.UNPROCESSABLE_CONTENT, "script-refused", MessageKey.PROBLEM_SCRIPT_REFUSED,
                    e.getMessage());
            case TIMEOUT, LIMIT -> problem(HttpStatus.UNPROCESSABLE_CONTENT, "script-limit",
                    MessageKey.PROBLEM_SCRIPT_LIMIT, e.getMessage());
            case ERROR -> problem(HttpStatus.UNPROCESSABLE_CONTENT, "script-error", MessageKey.PROBLEM_SCRIPT_FAILED,
                    e.getMessage());
        };
        problem.setProperty("kind", e.kind().name().toLowerCase(Locale.ROOT));
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        if (e.scriptStack() != null && !e.scriptStack().isEmpty()) {
            problem.setProperty("stack", e.scriptStack());
        }
        problem.setProperty("logs", e.logs());
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String type, MessageKey title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(text(title));
        return problem;
    }

    /** A platform text in the request's language. */
    private static String text(MessageKey key, Object... arguments) {
        return Messages.text(key, ProblemLanguage.ofCurrentRequest(), arguments);
    }

    private static List<Map<String, String>> errors(List<FieldError> errors, Locale locale) {
        return errors.stream().map(e -> Map.of("field", e.field(), "code", e.code(),
                "message", Messages.text(e, locale))).toList();
    }
}
