package io.atrium.runtime.api.internal.doc;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of a password change. */
@Schema(name = "PasswordChange")
public record PasswordChangeDoc(
        @Schema(description = "The current password; needed when users change their own",
                example = "old-horse-battery") String current,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "correct-horse-battery") String password,
        @Schema(description = "Revoke the user's API tokens too", defaultValue = "true") Boolean revokeTokens) {
}
