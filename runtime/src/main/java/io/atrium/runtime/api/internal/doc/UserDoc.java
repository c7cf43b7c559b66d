package io.atrium.runtime.api.internal.doc;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A user account, without its password. */
@Schema(name = "User")
public record UserDoc(
        @Schema(example = "ann") String username,
        @Schema(example = "Ann Smith") String displayName,
        @Schema(example = "[\"operator\"]") List<String> roles,
        @Schema(description = "Codes of the user's groups", example = "[\"sales\"]") List<String> groups,
        boolean enabled,
        Instant createdAt) {
}
