package io.atrium.runtime.api.internal.doc;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;

/** An item: platform properties, then the field values by field code. */
@Schema(name = "Item", description = "An item of an app: platform properties, then its field values by field code")
public record ItemDoc(
        @Schema(example = "665f1c2ab0e4a1235d7c9e01") String id,
        @Schema(description = "Grows with every change; send it back as If-Match to change or delete", example = "3")
        long version,
        @Schema(description = "The app version the item was last written with", example = "2") int appVersion,
        Instant createdAt,
        @Schema(example = "ann") String createdBy,
        Instant updatedAt,
        @Schema(example = "ann") String updatedBy,
        @Schema(description = "Field values by field code; dates as ISO-8601 text, money as {amount, currency}",
                example = "{\"title\": \"Hosting renewal\", \"amount\": {\"amount\": 1200, \"currency\": \"EUR\"}}")
        Map<String, Object> values) {
}
