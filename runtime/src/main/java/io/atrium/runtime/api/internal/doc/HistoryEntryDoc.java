package io.atrium.runtime.api.internal.doc;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;

/** One entry of an item's history. */
@Schema(name = "HistoryEntry")
public record HistoryEntryDoc(
        @Schema(description = "The item's version after this entry", example = "2") long version,
        Instant at,
        @Schema(example = "ann") String actor,
        @Schema(allowableValues = {"item.created", "item.updated", "item.deleted", "item.restored"},
                example = "item.updated") String action,
        @Schema(description = "For a change: by field code, [old, new]; for a creation: the initial values",
                example = "{\"stage\": [\"new\", \"won\"]}") Map<String, Object> changes) {
}
