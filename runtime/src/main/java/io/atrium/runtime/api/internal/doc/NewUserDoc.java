package io.atrium.runtime.api.internal.doc;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The body of a new user. */
@Schema(name = "NewUser")
public record NewUserDoc(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "ann") String username,
        @Schema(example = "Ann Smith") String displayName,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Follows the password policy",
                example = "correct-horse-battery") String password,
        @Schema(description = "admin, analyst, developer, supervisor, operator, portal_user",
                example = "[\"operator\"]") List<String> roles,
        @Schema(description = "Codes of existing groups", example = "[\"sales\"]") List<String> groups) {
}
