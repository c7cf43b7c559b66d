package io.atrium.ui.hub;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.atrium.platform.definition.DefinitionStatus;
import io.atrium.ui.security.CurrentActor;
import io.atrium.ui.shell.ScreenWidth;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Everything analysts build, in one list: search it, see where each definition stands
 * (draft, published vN, changed since vN), who changed it last and when, and open its designers.
 */
@Route("designer")
@RolesAllowed({"ADMIN", "ANALYST"})
public class DesignerHubView extends VerticalLayout implements HasDynamicTitle {

    private final List<HubEntry> entries = new ArrayList<>();
    private final Grid<HubEntry> grid = new Grid<>();
    private final Paragraph empty = new Paragraph();
    private final TextField search = new TextField();
    private final Span total = new Span();

    public DesignerHubView(List<HubSource> sources, CurrentActor currentActor) {
        setId("designer-hub");
        setSizeFull();
        var actor = currentActor.get();
        sources.forEach(source -> entries.addAll(source.entries(actor, getLocale())));
        entries.sort(Comparator.comparing(HubEntry::workspace).thenComparing(HubEntry::name));

        var newApp = new Button(getTranslation("hub.newApp"), VaadinIcon.PLUS.create(),
                e -> getUI().ifPresent(ui -> ui.navigate("designer/apps")));
        newApp.setId("hub-new-app");
        newApp.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.setId("hub-search");
        search.setLabel(getTranslation("hub.search"));
        search.setPlaceholder(getTranslation("hub.searchHint"));
        search.setClearButtonVisible(true);
        search.setWidth("20em");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> show());
        var bar = new HorizontalLayout(search, newApp);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);

        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        var workspace = grid.addColumn(HubEntry::workspace).setHeader(getTranslation("hub.workspace"))
                .setAutoWidth(true).setSortable(true);
        var name = grid.addColumn(HubEntry::name).setHeader(getTranslation("hub.name")).setFlexGrow(1)
                .setSortable(true);
        var kind = grid.addColumn(entry -> getTranslation(entry.kind())).setHeader(getTranslation("hub.kind"))
                .setAutoWidth(true);
        var status = grid.addComponentColumn(entry -> new StatusBadge(entry.status()))
                .setHeader(getTranslation("hub.status")).setAutoWidth(true);
        var changed = grid.addColumn(entry -> changed(entry.status())).setHeader(getTranslation("hub.changed"))
                .setAutoWidth(true);
        var open = grid.addComponentColumn(entry -> links(entry, true)).setHeader(getTranslation("hub.open"))
                .setAutoWidth(true);
        // a phone's width: one column, each entry a small card, instead of six columns cut to a few letters
        var card = grid.addComponentColumn(this::card).setHeader(getTranslation("hub.name"));
        var columns = List.of(workspace, name, kind, status, changed, open);
        card.setVisible(false);
        ScreenWidth.onPhone(grid, phone -> {
            card.setVisible(phone);
            columns.forEach(column -> column.setVisible(!phone));
        });
        grid.setAllRowsVisible(true);
        empty.setId("hub-empty");
        total.setId("hub-total");
        add(new H2(getTranslation("hub.title")), bar, total, empty, grid);
        show();
    }

    private List<HubEntry> shown = List.of();

    private void show() {
        var matching = entries.stream().filter(e -> e.matches(search.getValue())).toList();
        if (!matching.equals(shown) || shown.isEmpty()) { // a search that keeps the rows keeps their buttons too
            shown = matching;
            grid.setItems(shown);
        }
        total.setText(getTranslation("hub.total", matching.size(), entries.size()));
        grid.setVisible(!shown.isEmpty());
        empty.setVisible(shown.isEmpty());
        empty.setText(getTranslation(entries.isEmpty() ? "hub.empty" : "hub.noMatch"));
    }

    private String changed(DefinitionStatus status) {
        if (status.changedAt() == null) {
            return "";
        }
        var when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale())
                .withZone(ZoneId.systemDefault()).format(status.changedAt());
        return status.changedBy() == null ? when : when + " · " + status.changedBy();
    }

    /** An entry on a phone: its name, where it belongs, its status and the ways into it. */
    private VerticalLayout card(HubEntry entry) {
        var title = new Span(entry.name());
        title.getStyle().set("font-weight", "600");
        var where = new Span(java.util.stream.Stream.of(entry.workspace(), getTranslation(entry.kind()),
                changed(entry.status())).filter(part -> !part.isBlank()).collect(Collectors.joining(" · ")));
        where.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        var card = new VerticalLayout(title, where, new StatusBadge(entry.status()), links(entry, false));
        card.addClassName("hub-card");
        card.setPadding(false);
        card.setSpacing(false);
        card.getStyle().set("white-space", "normal");
        return card;
    }

    private HorizontalLayout links(HubEntry entry, boolean withIds) {
        var row = new HorizontalLayout();
        row.setSpacing(false);
        row.setWrap(true);
        for (var link : entry.links()) {
            var button = new Button(getTranslation(link.label()), e -> getUI().ifPresent(ui -> ui.navigate(link.route())));
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            if (withIds) { // the ids name the buttons of the wide grid; the phone's cards repeat them
                button.setId("hub-" + link.label().substring(link.label().indexOf('.') + 1) + "-" + entry.workspace()
                        + "-" + entry.code());
            }
            row.add(button);
        }
        return row;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("hub.title") + " · Atrium";
    }
}
