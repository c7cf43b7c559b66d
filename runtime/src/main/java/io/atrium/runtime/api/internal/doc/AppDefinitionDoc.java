package io.atrium.runtime.api.internal.doc;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** An app definition: its reference, name and fields. */
@Schema(name = "AppDefinition", description = "An app: namespace and code (from the path where the path names "
        + "them), name and fields. Properties other than these are refused with their path",
        example = "{\"namespace\": \"crm\", \"code\": \"deals\", "
                + "\"name\": {\"en\": \"Deals\", \"ru\": \"Сделки\"}, "
                + "\"fields\": [{\"code\": \"title\", \"type\": \"string\", \"name\": \"Title\", \"required\": true},"
                + " {\"code\": \"stage\", \"type\": \"choice\", \"options\": [\"new\", \"won\", \"lost\"]}]}")
public record AppDefinitionDoc(
        @Schema(example = "crm") String namespace,
        @Schema(example = "deals") String code,
        LocalizedNameDoc name,
        List<FieldDoc> fields) {
}
