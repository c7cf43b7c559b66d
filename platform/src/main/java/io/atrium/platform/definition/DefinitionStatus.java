package io.atrium.platform.definition;

import java.time.Instant;

/**
 * Where a definition stands: never published, published and unchanged since, or changed since
 * its current version; with who touched it last and when.
 *
 * @param publishedVersion the current version, or 0 when it was never published
 * @param changedAt        the last draft save or publication, whichever is later
 */
public record DefinitionStatus(State state, int publishedVersion, Instant changedAt, String changedBy) {

    /** The states a definition can be in, as the designers show them. */
    public enum State {
        /** Saved, never published. */
        DRAFT,
        /** The current version is what the draft holds. */
        PUBLISHED,
        /** The draft was saved after the current version was published. */
        CHANGED
    }

    /** Where a definition stands, from its draft's last save (or null) and its current version (0 for none). */
    public static DefinitionStatus of(Instant draftSavedAt, String draftSavedBy, int version, Instant publishedAt,
            String publishedBy) {
        if (version == 0) {
            return new DefinitionStatus(State.DRAFT, 0, draftSavedAt, draftSavedBy);
        }
        if (draftSavedAt != null && draftSavedAt.isAfter(publishedAt)) {
            return new DefinitionStatus(State.CHANGED, version, draftSavedAt, draftSavedBy);
        }
        return new DefinitionStatus(State.PUBLISHED, version, publishedAt, publishedBy);
    }
}
