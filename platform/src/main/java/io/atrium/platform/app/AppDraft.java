package io.atrium.platform.app;

import java.time.Instant;

/**
 * The version of an app an analyst is editing.
 *
 * @param definition     the app as it would be published
 * @param basedOnVersion the published version the draft started from, 0 for a new app
 * @param updatedAt      last change
 * @param updatedBy      who made it
 */
public record AppDraft(AppDefinition definition, int basedOnVersion, Instant updatedAt, String updatedBy) {
}
