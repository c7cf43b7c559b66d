package io.atrium.runtime.api.internal.doc;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A published version of an app. */
@Schema(name = "AppVersion")
public record AppVersionDoc(
        @Schema(example = "2") int version,
        Instant publishedAt,
        @Schema(example = "ann") String publishedBy,
        AppDefinitionDoc definition) {
}
