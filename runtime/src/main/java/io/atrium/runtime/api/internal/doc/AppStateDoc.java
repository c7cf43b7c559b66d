package io.atrium.runtime.api.internal.doc;

import io.swagger.v3.oas.annotations.media.Schema;

/** An app's current version and, for those who administer it, its draft. */
@Schema(name = "AppState")
public record AppStateDoc(
        @Schema(description = "Absent until the app is first published") AppVersionDoc current,
        @Schema(description = "Present when there is a draft and the caller administers the app") AppDraftDoc draft) {
}
