package io.atrium.platform.app;

import java.util.List;
import java.util.stream.Collectors;

/** Input was refused; {@link #errors()} lists every problem found, not only the first. */
public class ValidationException extends RuntimeException {

    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(errors.stream().map(e -> (e.field().isEmpty() ? "" : e.field() + ": ") + e.message())
                .collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
