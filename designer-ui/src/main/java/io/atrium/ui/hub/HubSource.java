package io.atrium.ui.hub;

import io.atrium.platform.access.Actor;
import java.util.List;
import java.util.Locale;

/**
 * A kind of definition the hub lists (apps today; processes, scripts, bots and lines as they
 * arrive). Each is a Spring bean; the hub asks all of them.
 */
public interface HubSource {

    /** The definitions of this kind the actor may design. */
    List<HubEntry> entries(Actor actor, Locale locale);
}
