package io.atrium.platform.item;

import io.atrium.platform.app.AppRef;

/**
 * An item was created, updated, deleted or restored; processes, analytics and caches listen.
 *
 * @param kind    what happened
 * @param version the item's version after the change
 */
public record ItemChanged(Kind kind, AppRef app, String itemId, long version, String actor) {

    public enum Kind { CREATED, UPDATED, DELETED, RESTORED }
}
