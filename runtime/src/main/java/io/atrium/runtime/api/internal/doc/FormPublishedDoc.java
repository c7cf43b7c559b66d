package io.atrium.runtime.api.internal.doc;

import io.swagger.v3.oas.annotations.media.Schema;

/** A form just published. */
@Schema(name = "FormPublished")
public record FormPublishedDoc(
        @Schema(example = "2") int version,
        @Schema(example = "ann") String publishedBy) {
}
