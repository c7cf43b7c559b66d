package io.atrium.ui.hub;

import io.atrium.platform.access.AccessPolicy;
import io.atrium.platform.access.Actor;
import io.atrium.platform.access.Permission;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.AppSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Apps in the hub, with their designer, access rules, forms and item list. */
@Component
@Order(0)
class AppsHubSource implements HubSource {

    private final AppCatalog catalog;
    private final AccessPolicy access;

    AppsHubSource(AppCatalog catalog, AccessPolicy access) {
        this.catalog = catalog;
        this.access = access;
    }

    /** The key of an app's entry, for the entries of definitions that belong to it. */
    static String key(AppRef ref) {
        return "app:" + ref;
    }

    @Override
    public List<HubEntry> entries(Actor actor, Locale locale) {
        var summaries = catalog.summaries();
        var designable = access.permitted(actor, summaries.stream().map(AppSummary::ref).toList(),
                Permission.ADMINISTER);
        var entries = new ArrayList<HubEntry>();
        for (var app : summaries) {
            var ref = app.ref();
            if (!designable.contains(ref)) {
                continue;
            }
            var links = new ArrayList<HubEntry.Link>();
            links.add(new HubEntry.Link("design", "hub.design", "designer/apps/" + ref));
            links.add(new HubEntry.Link("access", "hub.access", "designer/apps/" + ref + "/access"));
            if (app.status().publishedVersion() > 0) {
                links.add(new HubEntry.Link("items", "hub.items", "apps/" + ref));
                links.add(new HubEntry.Link("forms", "hub.forms", "designer/forms/" + ref + "/edit"));
            }
            String name = app.definition().name() == null ? "" : app.definition().name().in(locale);
            entries.add(new HubEntry(key(ref), "hub.kind.app", ref.namespace(), ref.code(),
                    name.isBlank() ? ref.code() : name, app.status(), links, List.of()));
        }
        return entries;
    }
}
