package io.atrium.runtime.api.internal.doc;

import io.swagger.v3.oas.annotations.media.Schema;

/** The draft of a form. */
@Schema(name = "FormDraft")
public record FormDraftDoc(
        @Schema(description = "The version the draft started from; 0 for a form never published", example = "1")
        int basedOnVersion,
        FormDoc form) {
}
