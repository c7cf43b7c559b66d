package io.atrium.runtime.api.internal.doc;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of a search. */
@Schema(name = "Search", description = "A search with the typed filter model; every property is optional")
public record SearchDoc(
        FilterDoc filter,
        @Schema(description = "A field code or createdAt, updatedAt", example = "createdAt", defaultValue = "createdAt")
        String sort,
        @Schema(defaultValue = "false") Boolean descending,
        @Schema(minimum = "1", maximum = "500", defaultValue = "50", example = "20") Integer limit,
        @Schema(description = "The next cursor of the previous page") String after,
        @Schema(description = "Search the deleted items instead (needs the delete permission)", defaultValue = "false")
        Boolean deleted) {
}
