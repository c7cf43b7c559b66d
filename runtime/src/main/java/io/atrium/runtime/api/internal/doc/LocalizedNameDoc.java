package io.atrium.runtime.api.internal.doc;

import io.swagger.v3.oas.annotations.media.Schema;

/** A name in both languages; a plain string is also read as the name in every language. */
@Schema(name = "LocalizedName", description = "A name in English and Russian; where a name is read, plain text "
        + "is also accepted and used for both")
public record LocalizedNameDoc(
        @Schema(example = "Deals") String en,
        @Schema(example = "Сделки") String ru) {
}
