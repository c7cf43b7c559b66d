package io.atrium.ui.shell;

import com.vaadin.flow.component.UI;
import io.atrium.platform.app.AppPublished;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells every open session of this node that the apps changed, so its side navigation shows a
 * newly published app (or a renamed one) without a reload. Sessions on other nodes of a cluster
 * see the change on their next navigation.
 */
@Component
class NavigationUpdates {

    private final Map<MainLayout, UI> open = new ConcurrentHashMap<>();

    void opened(MainLayout layout, UI ui) {
        open.put(layout, ui);
    }

    void closed(MainLayout layout) {
        open.remove(layout);
    }

    @EventListener
    void appPublished(AppPublished published) {
        open.forEach((layout, ui) -> ui.access(layout::refreshNavigation));
    }
}
