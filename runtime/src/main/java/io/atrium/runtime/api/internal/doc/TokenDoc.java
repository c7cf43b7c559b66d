package io.atrium.runtime.api.internal.doc;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A personal API token, without its secret. */
@Schema(name = "Token")
public record TokenDoc(
        @Schema(example = "665f1c2ab0e4a1235d7c9e07") String id,
        @Schema(example = "ci") String name,
        Instant createdAt,
        @Schema(nullable = true) Instant lastUsedAt,
        boolean revoked) {
}
