package io.atrium.runtime.api.internal.doc;

import io.atrium.platform.form.FormElement;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A form's name and layout; the app and purpose come from the path. */
@Schema(name = "Form", example = "{\"name\": {\"en\": \"Deal\", \"ru\": \"Сделка\"}, \"elements\": [{\"type\": "
        + "\"row\", \"id\": \"r1\", \"columns\": [{\"id\": \"c1\", \"span\": 12, \"elements\": [{\"type\": \"field\", "
        + "\"id\": \"f1\", \"field\": \"title\"}]}]}]}")
public record FormDoc(
        LocalizedNameDoc name,
        @Schema(description = "The layout; each element names its kind in type: tabs, tab, block, row, column, "
                + "field, text, related, button. Flags left out mean false") List<FormElement> elements,
        @Schema(description = "The id of the Camunda Forms (form-js) schema the form was imported from; written "
                + "back as the schema id on export. Optional", example = "Form_deal") String formJsId,
        @Schema(description = "Scripts the form runs, each workspace/module#function: onLoad when it opens, "
                + "onChange per field code when that field changes, beforeSave before the item is written (it may "
                + "refuse the save with a message on a field), and timeLimitSeconds (1 to 30) for each run. "
                + "Optional") FormScriptsDoc scripts) {
}
