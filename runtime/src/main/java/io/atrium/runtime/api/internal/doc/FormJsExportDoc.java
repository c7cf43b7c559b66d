package io.atrium.runtime.api.internal.doc;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A form written as a form-js schema. */
@Schema(name = "FormJsExport")
public record FormJsExportDoc(
        @Schema(description = "Which form was written: draft or published", example = "draft") String source,
        FormJsSchemaDoc schema,
        @Schema(description = "What the schema could not carry, in the language asked for",
                example = "[\"Related list \\\"deals\\\": form-js has no lists of other items\"]")
        List<String> notCarried) {
}
