package io.atrium.runtime.api.internal.doc;

import io.swagger.v3.oas.annotations.media.Schema;

/** A group of users; also the body of a new group. */
@Schema(name = "Group")
public record GroupDoc(
        @Schema(description = "Lower-case identifier used in grants and group fields", example = "sales",
                requiredMode = Schema.RequiredMode.REQUIRED) String code,
        @Schema(description = "Label shown to people; the code when left out", example = "Sales") String name) {
}
