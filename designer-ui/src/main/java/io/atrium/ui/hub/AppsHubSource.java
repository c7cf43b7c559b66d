package io.atrium.ui.hub;

import io.atrium.platform.access.AccessPolicy;
import io.atrium.platform.access.Actor;
import io.atrium.platform.access.Permission;
import io.atrium.platform.app.AppCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Apps in the hub, with their designer, forms, access rules and item list. */
@Component
class AppsHubSource implements HubSource {

    private final AppCatalog catalog;
    private final AccessPolicy access;

    AppsHubSource(AppCatalog catalog, AccessPolicy access) {
        this.catalog = catalog;
        this.access = access;
    }

    @Override
    public List<HubEntry> entries(Actor actor, Locale locale) {
        var entries = new ArrayList<HubEntry>();
        for (var app : catalog.summaries()) {
            var ref = app.ref();
            if (access.scope(actor, ref, Permission.ADMINISTER).isEmpty()) {
                continue;
            }
            var links = new ArrayList<HubEntry.Link>();
            links.add(new HubEntry.Link("hub.design", "designer/apps/" + ref));
            links.add(new HubEntry.Link("hub.access", "designer/apps/" + ref + "/access"));
            if (app.status().publishedVersion() > 0) {
                links.add(new HubEntry.Link("hub.forms", "designer/forms/" + ref + "/edit"));
                links.add(new HubEntry.Link("hub.items", "apps/" + ref));
            }
            String name = app.definition().name() == null ? ref.code() : app.definition().name().in(locale);
            entries.add(new HubEntry("hub.kind.app", ref.namespace(), ref.code(), name.isBlank() ? ref.code() : name,
                    app.status(), links));
        }
        return entries;
    }
}
