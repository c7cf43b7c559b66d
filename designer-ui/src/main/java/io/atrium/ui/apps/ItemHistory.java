package io.atrium.ui.apps;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.atrium.platform.access.Actor;
import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.audit.AuditEntry;
import io.atrium.platform.item.Items;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/** Who did what to an item, with old and new values, loaded when someone opens it. */
class ItemHistory extends Details {

    private final AppDefinition app;
    private final Locale locale;

    ItemHistory(Items items, Actor actor, AppDefinition app, String itemId, Locale locale) {
        this.app = app;
        this.locale = locale;
        var entries = new VerticalLayout();
        entries.setPadding(false);
        entries.setSpacing(false);
        setSummaryText(getTranslation("item.history"));
        add(entries);
        setId("history");
        setWidthFull();
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                return;
            }
            entries.removeAll();
            var format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale)
                    .withZone(ZoneId.systemDefault());
            for (AuditEntry entry : items.history(actor, app.ref(), itemId)) {
                var line = new Div();
                line.addClassName("history-entry");
                var head = new Span(format.format(entry.at()) + " · " + entry.actor() + " · "
                        + getTranslation("history." + entry.action()));
                head.getStyle().set("font-weight", "600");
                line.add(head);
                if (entry.action().equals("item.updated")) {
                    entry.changes().forEach((code, change) -> line.add(new Div(describe(code, change))));
                }
                entries.add(line);
            }
        });
    }

    private String describe(String code, Object change) {
        var field = app.field(code);
        String label = field.map(f -> f.name().in(locale)).orElse(code);
        if (!(change instanceof List<?> pair) || pair.size() != 2 || field.isEmpty()) {
            return label;
        }
        String before = ItemText.of(field.get(), pair.get(0), locale);
        String after = ItemText.of(field.get(), pair.get(1), locale);
        return label + ": " + (before.isEmpty() ? "—" : before) + " → " + (after.isEmpty() ? "—" : after);
    }
}
