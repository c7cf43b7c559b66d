package io.atrium.runtime.api.internal.doc;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A form-js schema read into the draft. */
@Schema(name = "FormJsImport")
public record FormJsImportDoc(
        @Schema(description = "What was not taken from the schema, in the language asked for",
                example = "[\"iframe \\\"Iframe_1\\\": Atrium forms have no such component\"]")
        List<String> notCarried,
        @Schema(description = "The draft as saved") FormDoc form) {
}
