package io.atrium.runtime.api.internal.doc;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The body of a change to a user; what is left out stays. */
@Schema(name = "UserChange")
public record UserChangeDoc(
        @Schema(example = "Ann Smith-Jones") String displayName,
        @Schema(description = "Replaces the roles; you cannot take the administrator role from yourself",
                example = "[\"operator\", \"supervisor\"]") List<String> roles,
        @Schema(description = "Replaces the groups", example = "[\"sales\"]") List<String> groups,
        @Schema(description = "false signs the user out and refuses their tokens; not for yourself")
        Boolean enabled) {
}
