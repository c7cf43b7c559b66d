package io.atrium.runtime.api.internal.doc;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/** A Camunda Forms (form-js) schema, as form-js and the Camunda Modeler write it. */
@Schema(name = "FormJsSchema", description = "A form-js schema; properties Atrium has no counterpart for are "
        + "listed in notCarried of the answer",
        example = "{\"type\": \"default\", \"id\": \"deal\", \"schemaVersion\": 18, \"components\": [{\"type\": "
                + "\"textfield\", \"key\": \"title\", \"label\": \"Title\", \"validate\": {\"required\": true}}]}")
public record FormJsSchemaDoc(
        @Schema(example = "default") String type,
        @Schema(example = "deal") String id,
        @Schema(example = "18") Integer schemaVersion,
        @Schema(description = "The form's components: inputs (key names the app field), groups, texts")
        List<Map<String, Object>> components) {
}
