package io.atrium.runtime.api.internal.doc;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** The draft of an app being designed. */
@Schema(name = "AppDraft")
public record AppDraftDoc(
        @Schema(description = "The version the draft started from; 0 for an app never published", example = "2")
        int basedOnVersion,
        Instant updatedAt,
        @Schema(example = "ann") String updatedBy,
        AppDefinitionDoc definition) {
}
