package io.atrium.runtime.api.internal.doc;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** An RFC 9457 problem, as every refusal under /api answers (application/problem+json). */
@Schema(name = "Problem", description = "RFC 9457 problem details; every refusal of the API has this shape")
public record ProblemDoc(
        @Schema(description = "What kind of problem", example = "https://atrium.io/problems/invalid",
                format = "uri") String type,
        @Schema(description = "Short summary of the kind", example = "The request is not valid") String title,
        @Schema(description = "The HTTP status", example = "400") int status,
        @Schema(description = "What went wrong with this request", example = "title: A value is required")
        String detail,
        @Schema(description = "The request's path", example = "/api/v1/apps/crm/deals/items", format = "uri-reference")
        String instance,
        @Schema(description = "Field by field, for a 400 of an invalid body") List<FieldErrorDoc> errors,
        @Schema(description = "For a 409 of a stale item: the version now stored", example = "4")
        Long currentVersion,
        @Schema(description = "For a 429: seconds to wait before trying again", example = "30") Long retryAfter,
        @Schema(description = "For a 500: the identifier to look the failure up in the log",
                example = "6c1f0d9e") String incident) {

    /** One field's error. */
    @Schema(name = "FieldError")
    public record FieldErrorDoc(
            @Schema(description = "Path of the property in the body", example = "fields[0].type") String field,
            @Schema(description = "Machine-readable reason", example = "required") String code,
            @Schema(description = "What is expected", example = "A field type is required") String message) {
    }
}
