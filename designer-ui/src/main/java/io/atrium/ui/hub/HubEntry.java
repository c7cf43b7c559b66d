package io.atrium.ui.hub;

import io.atrium.platform.definition.DefinitionStatus;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One definition in the hub.
 *
 * @param key       unique among all entries of all kinds, e.g. {@code app:crm/contacts} or
 *                  {@code form:crm/contacts#edit}; other entries name it in {@code partOf}
 * @param kind      a translation key naming the kind, e.g. {@code hub.kind.app}
 * @param workspace the workspace (namespace) it belongs to
 * @param code      its code in the workspace
 * @param name      its name in the viewer's language
 * @param status    where it stands
 * @param links     the ways into it, the first being its designer; empty while it is designed only
 *                  where it belongs (a process's task form before processes have a designer)
 * @param partOf    the keys of the entries it belongs to or uses (a form's app, the apps a process
 *                  uses); the hub links them both ways
 */
public record HubEntry(String key, String kind, String workspace, String code, String name, DefinitionStatus status,
        List<Link> links, List<String> partOf) {

    public HubEntry {
        links = List.copyOf(links);
        partOf = List.copyOf(partOf);
    }

    /**
     * A way into a definition.
     *
     * @param name  short and stable, part of the button's element id, e.g. {@code design}
     * @param label a translation key for the button
     * @param route where it leads
     */
    public record Link(String name, String label, String route) {
    }

    /** Its designer's route, if it has one. */
    public Optional<String> route() {
        return links.stream().findFirst().map(Link::route);
    }

    /** The key as it appears in element ids: letters, digits and dashes. */
    public String domId() {
        return key.replaceAll("[^A-Za-z0-9_-]+", "-");
    }

    /** Whether what someone typed into the hub's search occurs in any of the texts, ignoring case. */
    static boolean matches(String typed, List<String> texts) {
        if (typed == null || typed.isBlank()) {
            return true;
        }
        String needle = typed.strip().toLowerCase(Locale.ROOT);
        return texts.stream().anyMatch(text -> text != null && text.toLowerCase(Locale.ROOT).contains(needle));
    }
}
