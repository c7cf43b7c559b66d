package io.atrium.runtime.api.internal.doc;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A file uploaded for a file field. */
@Schema(name = "StoredFile")
public record StoredFileDoc(
        @Schema(description = "Put it in the item's file field", example = "665f1c2ab0e4a1235d7c9e09") String id,
        @Schema(example = "contract.pdf") String name,
        @Schema(example = "application/pdf") String contentType,
        @Schema(description = "Bytes", example = "48213") long size,
        @Schema(example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String sha256,
        Instant uploadedAt,
        @Schema(example = "ann") String uploadedBy) {
}
