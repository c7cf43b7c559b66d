package io.atrium.runtime.api.internal.doc;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A page of items and the cursor of the next one. */
@Schema(name = "ItemPage")
public record ItemPageDoc(
        List<ItemDoc> items,
        @Schema(description = "Pass as after to read the next page; null on the last page",
                example = "eyJpZCI6IjY2NWYxYzJh…", nullable = true) String next) {
}
