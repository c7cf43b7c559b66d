package io.atrium.runtime.api.internal.doc;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of a new item: field values by field code, nothing else. */
@Schema(name = "ItemValues", description = "Field values by field code, as the app's fields define them; an "
        + "unknown code or a value of the wrong type is refused with its path",
        example = "{\"title\": \"Hosting renewal\", \"stage\": \"new\", \"amount\": {\"amount\": 1200, "
                + "\"currency\": \"EUR\"}}",
        additionalPropertiesSchema = Object.class)
public record ItemValuesDoc() {
}
