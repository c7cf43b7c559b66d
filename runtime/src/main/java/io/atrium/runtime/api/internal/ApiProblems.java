package io.atrium.runtime.api.internal;

import com.mongodb.MongoExecutionTimeoutException;
import io.atrium.platform.access.AccessDeniedException;
import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.ValidationException;
import io.atrium.platform.item.FileTooLargeException;
import io.atrium.platform.item.ItemNotFoundException;
import io.atrium.platform.item.StaleItemException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** Turns the platform's refusals into RFC 9457 problem details with precise status codes. */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
class ApiProblems {

    private static final String TYPES = "https://atrium.io/problems/";

    @ExceptionHandler(ValidationException.class)
    ProblemDetail invalid(ValidationException e) {
        var problem = problem(HttpStatus.BAD_REQUEST, "invalid", "The request is not valid", e.getMessage());
        problem.setProperty("errors", errors(e.errors()));
        return problem;
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class, MissingServletRequestPartException.class,
            IllegalArgumentException.class})
    ProblemDetail unreadable(Exception e) {
        String detail = e instanceof HttpMessageNotReadableException ? "The body is not valid JSON" : e.getMessage();
        return problem(HttpStatus.BAD_REQUEST, "invalid", "The request is not valid", detail);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", e.getMessage());
    }

    @ExceptionHandler({ItemNotFoundException.class, NoSuchElementException.class})
    ProblemDetail notFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(StaleItemException.class)
    ProblemDetail stale(StaleItemException e) {
        var problem = problem(HttpStatus.CONFLICT, "stale", "The item has changed", e.getMessage());
        problem.setProperty("currentVersion", e.currentVersion());
        return problem;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage());
    }

    @ExceptionHandler(FileTooLargeException.class)
    ProblemDetail tooLarge(FileTooLargeException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "The file is too large", e.getMessage());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail uploadTooLarge(MaxUploadSizeExceededException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "The file is too large",
                "The upload is larger than the server accepts");
    }

    @ExceptionHandler(PreconditionRequiredException.class)
    ProblemDetail precondition(PreconditionRequiredException e) {
        return problem(HttpStatus.PRECONDITION_REQUIRED, "version-required", "Version required", e.getMessage());
    }

    /**
     * A query ran into the server's time limit ({@code atrium.query.max-time}). 504, not 503: the
     * node is healthy and its database answered, just not within the limit, and the same request
     * would time out again, so nothing should retry it elsewhere; the caller narrows the filter.
     */
    @ExceptionHandler(MongoExecutionTimeoutException.class)
    ProblemDetail queryTimedOut(MongoExecutionTimeoutException e) {
        return problem(HttpStatus.GATEWAY_TIMEOUT, "query-timeout", "The query took too long",
                "The query took longer than the server allows; narrow the filter");
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        return problem;
    }

    private static List<Map<String, String>> errors(List<FieldError> errors) {
        return errors.stream().map(e -> Map.of("field", e.field(), "code", e.code(), "message", e.message())).toList();
    }
}
