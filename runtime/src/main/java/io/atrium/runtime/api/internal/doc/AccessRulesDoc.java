package io.atrium.runtime.api.internal.doc;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Who may do what with an app's items. */
@Schema(name = "AccessRules", example = "{\"grants\": [{\"role\": \"operator\", \"permissions\": "
        + "[\"read\", \"update\"], \"scope\": \"assigned\"}], \"assigneeField\": \"owner\", \"groupField\": null}")
public record AccessRulesDoc(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<GrantDoc> grants,
        @Schema(description = "The user field that the assigned scope looks at", example = "owner")
        String assigneeField,
        @Schema(description = "The field holding a group code that the group scope looks at") String groupField) {

    /** What one role may do, and with which items. */
    @Schema(name = "Grant")
    public record GrantDoc(
            @Schema(allowableValues = {"admin", "analyst", "developer", "supervisor", "operator", "portal_user"},
                    example = "operator") String role,
            @Schema(description = "read, create, update, delete, administer", example = "[\"read\", \"update\"]")
            List<String> permissions,
            @Schema(allowableValues = {"all", "own", "assigned", "group"}, defaultValue = "all") String scope) {
    }
}
