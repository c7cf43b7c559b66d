package io.atrium.runtime.api.internal.doc;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One node of the filter model: a combination (all, any), a full-text search, or a condition on a field. */
@Schema(name = "Filter", description = "Either {all: [...]} or {any: [...]} of filters (nested at most 8 levels), "
        + "{text: \"...\"} searching all text, or a condition {field, op, value | values | from, to}",
        example = "{\"all\": [{\"field\": \"stage\", \"op\": \"in\", \"values\": [\"new\", \"won\"]}, "
                + "{\"field\": \"amount\", \"op\": \"range\", \"from\": 1000}]}")
public record FilterDoc(
        @Schema(description = "Every filter holds (at most 500)") List<FilterDoc> all,
        @Schema(description = "At least one filter holds (at most 500)") List<FilterDoc> any,
        @Schema(description = "Full-text search in the item's text (at most 1000 characters)", example = "renewal")
        String text,
        @Schema(description = "The field's code", example = "stage") String field,
        @Schema(allowableValues = {"eq", "in", "range", "contains", "empty", "notEmpty"}, defaultValue = "eq")
        String op,
        @Schema(description = "For eq and contains", example = "won") Object value,
        @Schema(description = "For in (at most 500)") List<Object> values,
        @Schema(description = "For range: the lower bound, inclusive", example = "1000") Object from,
        @Schema(description = "For range: the upper bound, inclusive") Object to) {
}
