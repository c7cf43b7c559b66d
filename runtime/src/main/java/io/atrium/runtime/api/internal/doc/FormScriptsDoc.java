package io.atrium.runtime.api.internal.doc;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/** The scripts a form runs on its events. */
@Schema(name = "FormScripts", example = "{\"onLoad\": \"sales/deal-form#onLoad\", \"onChange\": {\"amount\": "
        + "\"sales/deal-form#onAmount\"}, \"beforeSave\": \"sales/deal-form#beforeSave\", \"timeLimitSeconds\": 2}")
public record FormScriptsDoc(
        @Schema(description = "Run when the form opens; may return {values, message}") String onLoad,
        @Schema(description = "Per field code, run when that field changes; may return {values, message}")
        Map<String, String> onChange,
        @Schema(description = "Run before saving; may return {values} to write with the save, or refuse(field, "
                + "message) to stop it") String beforeSave,
        @Schema(description = "How long one run may take, 1 to 30 seconds; the platform default when left out",
                minimum = "1", maximum = "30") Integer timeLimitSeconds) {
}
