package io.atrium.ui.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.AppPublished;
import io.atrium.platform.app.PublishedApp;
import io.atrium.platform.definition.DefinitionsChanged;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives every open page of this node the published apps when they change, so its side
 * navigation shows a newly published or renamed app without a reload: at once for a publication
 * on this node, within the definition watch's interval for one on another node (ADR 0011). The
 * apps are read once per change, not once per page; each page keeps those its person may read.
 */
@Component
class NavigationUpdates {

    private final AppCatalog catalog;
    private final Map<MainLayout, UI> open = new ConcurrentHashMap<>();
    private List<String> given; // the app versions the pages were last given

    NavigationUpdates(AppCatalog catalog) {
        this.catalog = catalog;
    }

    void opened(MainLayout layout, UI ui) {
        open.put(layout, ui);
    }

    void closed(MainLayout layout) {
        open.remove(layout);
    }

    @EventListener
    void appPublished(AppPublished published) {
        appsChanged();
    }

    @EventListener
    void definitionsChanged(DefinitionsChanged changed) {
        if (changed.kinds().contains("app")) {
            appsChanged();
        }
    }

    /** Reads the apps and, unless the pages have them already (this node's own publication), gives them out. */
    private synchronized void appsChanged() {
        List<PublishedApp> apps = catalog.published();
        var versions = apps.stream().map(app -> app.ref() + "@" + app.version()).toList();
        if (versions.equals(given)) {
            return;
        }
        given = versions;
        open.forEach((layout, ui) -> {
            try {
                ui.access(() -> layout.showApps(apps));
            } catch (UIDetachedException e) {
                open.remove(layout);
            }
        });
    }
}
