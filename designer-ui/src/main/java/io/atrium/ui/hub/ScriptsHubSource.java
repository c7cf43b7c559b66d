package io.atrium.ui.hub;

import io.atrium.platform.access.Actor;
import io.atrium.platform.script.ScriptCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Script modules in the hub, for those who may read them: each opens in the script editor at
 * {@code designer/scripts/<workspace>/<code>}.
 */
@Component
@Order(3)
class ScriptsHubSource implements HubSource {

    private final ScriptCatalog catalog;

    ScriptsHubSource(ScriptCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<HubEntry> entries(Actor actor, Locale locale) {
        if (!catalog.mayRead(actor)) {
            return List.of();
        }
        var entries = new ArrayList<HubEntry>();
        for (var script : catalog.summaries()) {
            var ref = script.ref();
            entries.add(new HubEntry("script:" + ref, "hub.kind.script", ref.namespace(), ref.code(),
                    ref.code(), script.status(),
                    List.of(new HubEntry.Link("design", "hub.design", "designer/scripts/" + ref)), List.of()));
        }
        return entries;
    }
}
