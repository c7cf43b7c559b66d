package io.atrium.ui.hub;

import io.atrium.platform.access.Actor;
import java.util.List;
import java.util.Locale;

/**
 * A kind of definition the hub lists: apps and forms today; processes, scripts, bots and lines
 * as their designers arrive. Each kind is a Spring bean implementing this; the hub asks every one
 * each time it opens, and links entries to those they are {@link HubEntry#partOf() part of}.
 * Read all definitions of the kind in a fixed number of queries, not one per definition.
 */
public interface HubSource {

    /** The definitions of this kind the actor may design, with names in the locale. */
    List<HubEntry> entries(Actor actor, Locale locale);
}
