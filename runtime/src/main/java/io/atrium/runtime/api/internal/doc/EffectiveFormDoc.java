package io.atrium.runtime.api.internal.doc;

import io.swagger.v3.oas.annotations.media.Schema;

/** The form people see. */
@Schema(name = "EffectiveForm")
public record EffectiveFormDoc(
        @Schema(description = "The published version; null when the form is generated from the app's fields",
                nullable = true, example = "2") Integer version,
        FormDoc form) {
}
