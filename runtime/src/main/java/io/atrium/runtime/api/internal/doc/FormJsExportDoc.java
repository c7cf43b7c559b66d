package io.atrium.runtime.api.internal.doc;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A form written as a form-js schema. */
@Schema(name = "FormJsExport")
public record FormJsExportDoc(
        FormJsSchemaDoc schema,
        @Schema(description = "What the schema could not carry", example = "[\"related list 'Contacts'\"]")
        List<String> notCarried) {
}
