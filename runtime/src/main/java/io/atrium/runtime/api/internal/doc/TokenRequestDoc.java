package io.atrium.runtime.api.internal.doc;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of a new token; it may be left out. */
@Schema(name = "TokenRequest")
public record TokenRequestDoc(
        @Schema(description = "Says what the token is for", example = "ci", maxLength = 200) String name) {
}
