package io.atrium.ui.hub;

import io.atrium.platform.access.Actor;
import io.atrium.platform.process.ProcessCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Processes in the hub, for those who may draw them: each opens in the process designer at
 * {@code designer/processes/<workspace>/<code>}; a published one also leads to its instances.
 */
@Component
@Order(2)
class ProcessesHubSource implements HubSource {

    private final ProcessCatalog catalog;

    ProcessesHubSource(ProcessCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<HubEntry> entries(Actor actor, Locale locale) {
        if (!catalog.mayDesign(actor)) {
            return List.of();
        }
        var entries = new ArrayList<HubEntry>();
        for (var process : catalog.summaries()) {
            var ref = process.ref();
            var links = new ArrayList<HubEntry.Link>();
            links.add(new HubEntry.Link("design", "hub.design", "designer/processes/" + ref));
            if (process.status().publishedVersion() > 0) {
                links.add(new HubEntry.Link("instances", "hub.instances", "processes/instances?process=" + ref));
            }
            entries.add(new HubEntry("process:" + ref, "hub.kind.process", ref.namespace(), ref.code(),
                    process.definition().name(), process.status(), links, List.of()));
        }
        return entries;
    }
}
