package io.atrium.runtime.api.internal.doc;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/** The body of a change: the fields to change and, unless If-Match names it, the version read. */
@Schema(name = "ItemChange", description = "The fields to change, under values, and the version read (or send it "
        + "as If-Match). A body without values is read as the field values themselves")
public record ItemChangeDoc(
        @Schema(description = "The version read; If-Match takes precedence", example = "3") Long version,
        @Schema(description = "Field values to change, by field code; the others stay",
                example = "{\"stage\": \"won\"}") Map<String, Object> values) {
}
