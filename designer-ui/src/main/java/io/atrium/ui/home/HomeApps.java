package io.atrium.ui.home;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.atrium.platform.access.AccessPolicy;
import io.atrium.platform.access.Actor;
import io.atrium.platform.access.Permission;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.PublishedApp;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The published apps a person may read, each a link to its list, and for those who design
 * apps a link to its designer. Says what to do when there are none.
 */
final class HomeApps extends Div {

    HomeApps(AppCatalog catalog, AccessPolicy access, Actor actor, boolean designs, Locale locale) {
        setId("home-apps");
        add(new H3(getTranslation("home.apps")));
        List<PublishedApp> readable = catalog.published().stream()
                .filter(app -> !access.scope(actor, app.ref(), Permission.READ).isEmpty())
                .sorted(Comparator.comparing((PublishedApp app) -> app.ref().namespace())
                        .thenComparing(app -> app.definition().name().in(locale)))
                .toList();
        if (readable.isEmpty()) {
            var empty = new Paragraph(getTranslation(designs ? "home.apps.none.designer" : "home.apps.none.reader"));
            empty.setId("home-apps-empty");
            add(empty);
            return;
        }
        for (var app : readable) {
            add(entry(app, designs, locale));
        }
    }

    private Paragraph entry(PublishedApp app, boolean designs, Locale locale) {
        var ref = app.ref();
        var open = new Anchor("apps/" + ref, app.definition().name().in(locale));
        open.setId("home-app-" + ref.namespace() + "-" + ref.code());
        var detail = new Span(" · " + ref.namespace() + " · v" + app.version());
        detail.getStyle().set("color", "var(--lumo-secondary-text-color)");
        var line = new Paragraph(open, detail);
        if (designs) {
            var design = new Anchor("designer/apps/" + ref.namespace() + "/" + ref.code(),
                    getTranslation("home.apps.design"));
            design.setId("home-design-" + ref.namespace() + "-" + ref.code());
            line.add(new Span(" · "), design);
        }
        return line;
    }
}
