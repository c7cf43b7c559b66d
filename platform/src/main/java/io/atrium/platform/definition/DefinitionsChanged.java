package io.atrium.platform.definition;

import java.util.Set;

/**
 * Definitions of these kinds (e.g. {@code app}, {@code form}) were published since the last look,
 * on this node or on another node of the cluster. Published a couple of seconds after the change;
 * events such as {@link io.atrium.platform.app.AppPublished} tell this node's own changes at once.
 */
public record DefinitionsChanged(Set<String> kinds) {

    public DefinitionsChanged {
        kinds = Set.copyOf(kinds);
    }
}
