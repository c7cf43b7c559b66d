package io.atrium.runtime.api.internal.doc;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A token just created: the only answer that holds its secret. */
@Schema(name = "NewToken")
public record NewTokenDoc(
        @Schema(example = "665f1c2ab0e4a1235d7c9e07") String id,
        @Schema(example = "ci") String name,
        Instant createdAt,
        @Schema(nullable = true) Instant lastUsedAt,
        boolean revoked,
        @Schema(description = "The secret; send it as Authorization: Bearer …. It is shown this once",
                example = "atr_2kR9xQ…") String token) {
}
