package io.atrium.ui.hub;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
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
import io.atrium.ui.controls.ScreenWidth;
import io.atrium.ui.security.CurrentActor;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Everything analysts build, in one list: search it, see where each definition stands
 * (draft, published vN, changed since vN), who changed it last and when, and open its designers.
 */
@Route("designer")
@RolesAllowed({"ADMIN", "ANALYST"})
public class DesignerHubView extends VerticalLayout implements HasDynamicTitle {

    private final List<HubEntry> entries = new ArrayList<>();
    private final Map<String, HubEntry> byKey = new HashMap<>();
    private final Map<String, List<HubEntry>> parts = new HashMap<>();
    private final Grid<HubEntry> grid = new Grid<>();
    private final Paragraph empty = new Paragraph();
    private final TextField search = new TextField();
    private final Span total = new Span();

    public DesignerHubView(List<HubSource> sources, io.atrium.platform.script.ScriptCatalog scripts,
            CurrentActor currentActor) {
        setId("designer-hub");
        setSizeFull();
        var actor = currentActor.get();
        sources.forEach(source -> entries.addAll(source.entries(actor, getLocale())));
        entries.forEach(entry -> byKey.put(entry.key(), entry));
        // each definition right after what it is part of: an app, then its forms
        entries.sort(Comparator.comparing(HubEntry::workspace)
                .thenComparing(entry -> parents(entry).stream().findFirst().orElse(entry).name())
                .thenComparing(entry -> !parents(entry).isEmpty()).thenComparing(HubEntry::name));
        entries.forEach(entry -> parents(entry).forEach(parent -> parts.computeIfAbsent(parent.key(),
                key -> new ArrayList<>()).add(entry)));

        var newApp = new Button(getTranslation("hub.newApp"), VaadinIcon.PLUS.create(),
                e -> getUI().ifPresent(ui -> ui.navigate("designer/apps")));
        newApp.setId("hub-new-app");
        newApp.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var newProcess = new Button(getTranslation("hub.newProcess"), VaadinIcon.PLUS.create(),
                e -> getUI().ifPresent(ui -> ui.navigate("designer/processes")));
        newProcess.setId("hub-new-process");
        var newScript = new Button(getTranslation("hub.newScript"), VaadinIcon.CODE.create(),
                e -> getUI().ifPresent(ui -> ui.navigate("designer/scripts")));
        newScript.setId("hub-new-script");
        newScript.setVisible(scripts.mayDevelop(actor));
        search.setId("hub-search");
        search.setLabel(getTranslation("hub.search"));
        search.setPlaceholder(getTranslation("hub.searchHint"));
        search.setClearButtonVisible(true);
        search.setWidth("20em");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> show());
        var bar = new HorizontalLayout(search, newApp, newProcess, newScript);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);

        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        var columns = new ArrayList<com.vaadin.flow.component.grid.Grid.Column<HubEntry>>();
        columns.add(grid.addColumn(HubEntry::workspace).setHeader(getTranslation("hub.workspace")).setAutoWidth(true)
                .setSortable(true));
        // a part names what it is part of first, as a link: "Leads › Edit form"
        columns.add(grid.addComponentColumn(this::name).setHeader(getTranslation("hub.name")).setFlexGrow(2)
                .setWidth("12em").setComparator(HubEntry::name));
        columns.add(grid.addColumn(entry -> getTranslation(entry.kind())).setHeader(getTranslation("hub.kind"))
                .setAutoWidth(true));
        columns.add(grid.addComponentColumn(entry -> new StatusBadge(entry.status()))
                .setHeader(getTranslation("hub.status")).setAutoWidth(true));
        columns.add(grid.addComponentColumn(entry -> changed(entry.status())).setHeader(getTranslation("hub.changed"))
                .setAutoWidth(true));
        columns.add(grid.addComponentColumn(this::ways).setHeader(getTranslation("hub.open")).setWidth("9em")
                .setFlexGrow(1));
        // a phone's width: one column, each entry a small card, instead of six columns cut to a few letters
        var card = grid.addComponentColumn(this::card).setHeader(getTranslation("hub.name"));
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
        var matching = entries.stream().filter(e -> HubEntry.matches(search.getValue(), searched(e))).toList();
        if (!matching.equals(shown) || shown.isEmpty()) { // a search that keeps the rows keeps their buttons too
            shown = matching;
            grid.setItems(shown);
        }
        total.setText(getTranslation("hub.total", matching.size(), entries.size()));
        grid.setVisible(!shown.isEmpty());
        empty.setVisible(shown.isEmpty());
        empty.setText(getTranslation(entries.isEmpty() ? "hub.empty" : "hub.noMatch"));
    }

    /** When, and beneath it by whom. */
    /** The ways into an entry: its own links, then its parts. */
    private HorizontalLayout ways(HubEntry entry) {
        return row(Stream.concat(entry.links().stream().map(link -> link(entry, link)),
                parts.getOrDefault(entry.key(), List.of()).stream().map(part -> related("down", entry, part))));
    }

    /** An entry on a phone: its name, where it belongs, its status and the ways into it. */
    private VerticalLayout card(HubEntry entry) {
        var where = new Span(entry.workspace() + " · " + getTranslation(entry.kind()));
        where.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        var ways = ways(entry);
        // the ids name the buttons of the wide grid; the card repeats them without
        ways.getChildren().forEach(button -> button.getElement().removeAttribute("id"));
        var title = name(entry);
        title.getChildren().forEach(part -> part.getElement().removeAttribute("id"));
        var card = new VerticalLayout(title, where, new StatusBadge(entry.status()), changed(entry.status()), ways);
        card.addClassName("hub-card");
        card.setPadding(false);
        card.setSpacing(false);
        card.getStyle().set("white-space", "normal");
        return card;
    }

    private Div changed(DefinitionStatus status) {
        var cell = new Div();
        if (status.changedAt() != null) {
            cell.add(new Div(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale())
                    .withZone(ZoneId.systemDefault()).format(status.changedAt())));
        }
        if (status.changedBy() != null) {
            var who = new Div(status.changedBy());
            who.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            cell.add(who);
        }
        return cell;
    }

    /** What the search looks at: code, name, kind, and the names of what the entry is part of. */
    private List<String> searched(HubEntry entry) {
        var texts = new ArrayList<>(List.of(entry.workspace() + "/" + entry.code(), entry.name(),
                getTranslation(entry.kind())));
        parents(entry).forEach(parent -> texts.add(parent.name()));
        return texts;
    }

    /** The listed entries this one is part of. */
    private List<HubEntry> parents(HubEntry entry) {
        return entry.partOf().stream().map(byKey::get).filter(Objects::nonNull).toList();
    }

    private HorizontalLayout name(HubEntry entry) {
        var name = new Span(entry.name());
        name.getStyle().set("white-space", "normal"); // a long name wraps rather than widening the grid
        var cell = row(Stream.concat(parents(entry).stream().flatMap(parent -> Stream.of(related("up", entry, parent),
                new Span("›"))), Stream.of(name)));
        cell.setAlignItems(FlexComponent.Alignment.CENTER);
        cell.getStyle().set("column-gap", "var(--lumo-space-xs)");
        return cell;
    }

    private static HorizontalLayout row(Stream<? extends Component> buttons) {
        var row = new HorizontalLayout();
        row.setSpacing(false);
        row.setWrap(true);
        buttons.forEach(row::add);
        return row;
    }

    private Button link(HubEntry entry, HubEntry.Link link) {
        return button("hub-" + link.name() + "-" + entry.domId(), getTranslation(link.label()),
                Optional.of(link.route()));
    }

    /** A button to a related entry: what this one is part of ("up"), or a part of it ("down"). */
    private Button related(String direction, HubEntry entry, HubEntry other) {
        var button = button("hub-" + direction + "-" + entry.domId() + "-" + other.domId(), other.name(), other.route());
        button.setIcon((switch (other.kind()) {
            case "hub.kind.form" -> VaadinIcon.FORM;
            case "hub.kind.process" -> VaadinIcon.FLIP_H;
            default -> VaadinIcon.GRID_BIG_O;
        }).create());
        button.setTooltipText(getTranslation(other.kind()) + ": " + other.name());
        return button;
    }

    private Button button(String id, String text, Optional<String> route) {
        var button = new Button(text, e -> route.ifPresent(r -> getUI().ifPresent(ui -> ui.navigate(r))));
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        button.setEnabled(route.isPresent());
        button.setId(id);
        return button;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("hub.title") + " · Atrium";
    }
}
