package io.atrium.runtime.api.internal.doc;

import io.swagger.v3.oas.annotations.media.Schema;

/** A published app in the list of apps. */
@Schema(name = "AppSummary")
public record AppSummaryDoc(
        @Schema(example = "crm") String namespace,
        @Schema(example = "deals") String code,
        LocalizedNameDoc name,
        @Schema(description = "The current published version", example = "2") int version) {
}
