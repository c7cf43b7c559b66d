package io.atrium.platform.process;

import java.time.Instant;

/** A process being drawn, and the version it started from (0 if never published). */
public record ProcessDraft(ProcessDefinition definition, int basedOnVersion, Instant updatedAt, String updatedBy) {
}
