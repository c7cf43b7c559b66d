package io.atrium.ui.hub;

import io.atrium.platform.definition.DefinitionStatus;
import java.util.List;

/**
 * One definition in the hub.
 *
 * @param kind      a translation key naming the kind, e.g. {@code hub.kind.app}
 * @param workspace the workspace (namespace) it belongs to
 * @param code      its code in the workspace
 * @param name      its name in the viewer's language
 * @param status    where it stands
 * @param links     the ways into it, the first being its designer
 */
public record HubEntry(String kind, String workspace, String code, String name, DefinitionStatus status,
        List<Link> links) {

    /** A way into a definition: a translation key for the label and a route. */
    public record Link(String label, String route) {
    }

    /** Whether the entry matches what someone typed into the hub's search. */
    boolean matches(String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        String needle = text.strip().toLowerCase(java.util.Locale.ROOT);
        return (workspace + "/" + code + " " + name).toLowerCase(java.util.Locale.ROOT).contains(needle);
    }
}
