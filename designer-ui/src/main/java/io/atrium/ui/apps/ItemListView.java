package io.atrium.ui.apps;

import com.mongodb.MongoExecutionTimeoutException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.atrium.platform.access.AccessDeniedException;
import io.atrium.platform.access.AccessPolicy;
import io.atrium.platform.access.Permission;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.FieldDefinition;
import io.atrium.platform.app.FieldType;
import io.atrium.platform.app.PublishedApp;
import io.atrium.platform.app.Messages;
import io.atrium.platform.app.ValidationException;
import io.atrium.platform.item.Item;
import io.atrium.platform.item.ItemFilter;
import io.atrium.platform.item.ItemQuery;
import io.atrium.platform.item.Items;
import io.atrium.platform.identity.UserDirectory;
import io.atrium.ui.security.CurrentActor;
import io.atrium.ui.controls.ScreenWidth;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The list of an app's items: a full-text search and filters by field (kept in the address),
 * sortable columns the person can choose, pages of 25 walked by cursor, and a CSV export of everything that matches.
 */
@Route("apps/:namespace/:app")
@PermitAll
public class ItemListView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final int PAGE = 25;
    /** Past this many, a list says "more than" instead of counting on. */
    private static final int COUNT_UP_TO = 10_000;
    private static final String RESTORE = "_restore";

    private final Items items;
    private final AppCatalog catalog;
    private final AccessPolicy access;
    private final CurrentActor currentActor;
    private final Grid<Item> grid = new Grid<>();
    private final UserDirectory users;
    private ListFilterBar filters;
    private final Span pageLabel = new Span();
    private final Span total = new Span();
    private final Checkbox showDeleted = new Checkbox();
    private ReferenceLabels referenceLabels = ReferenceLabels.none();
    private final Button previous = new Button(VaadinIcon.ANGLE_LEFT.create());
    private final Button next = new Button(VaadinIcon.ANGLE_RIGHT.create());
    private final Deque<String> cursors = new ArrayDeque<>();
    private PublishedApp app;
    private String nextCursor;
    private String sortField;
    private boolean descending;
    private boolean mayCreate;
    private boolean phone;

    public ItemListView(Items items, AppCatalog catalog, AccessPolicy access, CurrentActor currentActor,
            UserDirectory users) {
        this.items = items;
        this.users = users;
        this.catalog = catalog;
        this.access = access;
        this.currentActor = currentActor;
        setId("item-list");
        setSizeFull();
        ScreenWidth.onPhone(this, narrow -> {
            phone = narrow;
            fitColumns();
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getRouteParameters();
        try {
            var ref = new AppRef(params.get("namespace").orElseThrow(), params.get("app").orElseThrow());
            app = catalog.current(ref).orElseThrow();
            access.require(currentActor.get(), ref, Permission.READ);
        } catch (AccessDeniedException | NoSuchElementException | IllegalArgumentException e) {
            removeAll();
            add(new H2(getTranslation("items.unavailable")));
            return;
        }
        build();
        var decoded = ListFilterQuery.decode(event.getLocation().getQueryParameters().getParameters(),
                app.definition());
        filters.show(decoded.query());
        if (!decoded.rejected().isEmpty()) {
            Notification.show(getTranslation("items.filters.dropped", String.join("; ", decoded.rejected())), 8000,
                    Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_WARNING);
            keepInAddress(decoded.query());
        }
        reload(true);
    }

    /** Writes the filters into the address, so the list can be bookmarked, shared and reloaded. */
    private void keepInAddress(ListFilterQuery query) {
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location("apps/" + app.ref(), new QueryParameters(query.encode()))));
    }

    private void build() {
        removeAll();
        var title = new H2(app.definition().name().in(getLocale()));
        var header = new HorizontalLayout(title);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.setWrap(true); // a phone's width: the buttons go below the title, the page never scrolls sideways
        header.expand(title);
        mayCreate = access.scope(currentActor.get(), app.ref(), Permission.CREATE).isPresent();
        if (mayCreate) {
            var create = new Button(getTranslation("items.new"), VaadinIcon.PLUS.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate("apps/" + app.ref() + "/new")));
            create.setId("new-item");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            header.add(create);
        }
        header.add(columnChooser(), csvLink());
        if (access.scope(currentActor.get(), app.ref(), Permission.ADMINISTER).isPresent()) {
            var design = new Button(getTranslation("hub.design"), VaadinIcon.TOOLS.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate("designer/apps/" + app.ref())));
            design.setId("design-app");
            design.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            header.add(design);
        }

        var names = new java.util.TreeMap<String, String>();
        users.all().forEach(u -> names.put(u.username(), u.displayName()));
        var words = new FilterVocabulary(getLocale(), new ReferenceOptions(items, catalog, currentActor.get()),
                names, this::getTranslation);
        filters = new ListFilterBar(app.definition(), words, query -> {
            keepInAddress(query);
            reload(true);
        });
        if (access.scope(currentActor.get(), app.ref(), Permission.DELETE).isPresent()) {
            showDeleted.setLabel(getTranslation("items.showDeleted"));
            showDeleted.setId("show-deleted");
            showDeleted.addValueChangeListener(e -> {
                grid.getColumnByKey(RESTORE).setVisible(e.getValue());
                reload(true);
            });
            filters.addControl(showDeleted);
        }

        grid.removeAllColumns();
        boolean first = true;
        for (FieldDefinition field : app.definition().fields()) {
            Grid.Column<Item> column;
            if (first) { // the first column links to the card, for keyboards and new tabs
                column = grid.addComponentColumn(i -> {
                    String text = cell(field, i);
                    var link = new com.vaadin.flow.component.html.Anchor("apps/" + app.ref() + "/" + i.id(),
                            text.isBlank() ? i.id() : text);
                    link.addClassName("item-link");
                    return link;
                });
                first = false;
            } else {
                column = grid.addColumn(i -> cell(field, i));
            }
            column.setHeader(field.name().in(getLocale())).setKey(field.code()).setResizable(true)
                    .setSortable(field.type() != FieldType.TABLE && !field.multiple());
        }
        grid.getColumns().stream().findFirst().ifPresent(link -> link.setWidth("12rem")); // the card's link
        fitColumns();
        grid.addComponentColumn(this::restoreButton).setKey(RESTORE).setFlexGrow(0).setAutoWidth(true)
                .setVisible(false);
        grid.addItemClickListener(e -> {
            if (!e.getItem().deleted()) {
                getUI().ifPresent(ui -> ui.navigate("apps/" + app.ref() + "/" + e.getItem().id()));
            }
        });
        grid.addSortListener(e -> {
            List<GridSortOrder<Item>> order = e.getSortOrder();
            sortField = order.isEmpty() ? null : order.getFirst().getSorted().getKey();
            descending = !order.isEmpty() && order.getFirst().getDirection() == SortDirection.DESCENDING;
            reload(true);
        });
        grid.setMultiSort(false);
        grid.setSizeFull();

        previous.addClickListener(e -> {
            cursors.pop(); // the current page's cursor
            reload(false);
        });
        next.addClickListener(e -> {
            cursors.push(nextCursor);
            reload(false);
        });
        previous.setId("previous-page");
        next.setId("next-page");
        total.setId("items-total");
        previous.setAriaLabel(getTranslation("items.previous"));
        next.setAriaLabel(getTranslation("items.next"));
        var pager = new HorizontalLayout(previous, pageLabel, next, total);
        pager.setAlignItems(FlexComponent.Alignment.CENTER);
        add(header, filters, grid, pager);
    }

    /**
     * On a desktop the columns share the width; on a phone each keeps a readable width and the grid
     * scrolls them sideways inside itself, instead of cutting every value to a few letters.
     */
    private void fitColumns() {
        grid.getColumns().stream().skip(1).filter(column -> !RESTORE.equals(column.getKey()))
                .forEach(column -> column.setWidth(phone ? "9rem" : "100px")); // 100px: the grid's own default
    }

    /** A cell's text; references show the names of the items they point to. */
    private String cell(FieldDefinition field, Item item) {
        return referenceLabels.text(field, item.values().get(field.code()), getLocale());
    }

    private Button restoreButton(Item item) {
        var restore = new Button(getTranslation("items.restore"), VaadinIcon.ARROW_BACKWARD.create(), e -> {
            try {
                items.restore(currentActor.get(), app.ref(), item.id(), item.version());
                Notification.show(getTranslation("items.restored"))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (RuntimeException ex) { // changed or restored meanwhile, or no longer allowed
                Notification.show(getTranslation("item.stale")).addThemeVariants(NotificationVariant.LUMO_WARNING);
            }
            reload(true);
        });
        restore.addClassName("restore-item");
        restore.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return restore;
    }

    private MenuBar columnChooser() {
        var menu = new MenuBar();
        menu.addThemeVariants(com.vaadin.flow.component.menubar.MenuBarVariant.LUMO_TERTIARY);
        var item = menu.addItem(getTranslation("items.columns"));
        SubMenu sub = item.getSubMenu();
        for (FieldDefinition field : app.definition().fields()) {
            var check = sub.addItem(field.name().in(getLocale()), e -> grid.getColumnByKey(field.code())
                    .setVisible(e.getSource().isChecked()));
            check.setCheckable(true);
            check.setChecked(true);
            check.setKeepOpen(true);
        }
        return menu;
    }

    private Anchor csvLink() {
        var actor = currentActor.get();
        var locale = getLocale();
        DownloadHandler handler = event -> {
            event.setFileName(app.ref().code() + ".csv");
            event.setContentType("text/csv; charset=utf-8");
            var columns = new ArrayList<FieldDefinition>();
            app.definition().fields().stream().filter(f -> grid.getColumnByKey(f.code()).isVisible())
                    .forEach(columns::add);
            ItemCsv.write(items, catalog, actor, app.definition(), columns, currentFilter(), locale,
                    event.getOutputStream());
        };
        var link = new Anchor(handler, getTranslation("items.csv"));
        link.setId("csv-export");
        link.getElement().setAttribute("download", true);
        return link;
    }

    private ItemFilter currentFilter() {
        return filters.query().toFilter(app.definition(), ZoneId.systemDefault());
    }

    private void reload(boolean firstPage) {
        if (firstPage) {
            cursors.clear();
            cursors.push("");
        }
        try {
            String after = cursors.peek() == null || cursors.peek().isEmpty() ? null : cursors.peek();
            var page = items.search(currentActor.get(), app.ref(),
                    new ItemQuery(currentFilter(), sortField, descending, PAGE, after, showDeleted.getValue()));
            referenceLabels = ReferenceLabels.load(items, catalog, currentActor.get(), app.definition(), page.items());
            grid.setItems(page.items());
            if (firstPage) {
                showTotal();
            }
            nextCursor = page.next();
            next.setEnabled(nextCursor != null);
            previous.setEnabled(cursors.size() > 1);
            pageLabel.setText(getTranslation("items.page", cursors.size()));
        } catch (ValidationException e) { // e.g. a search text too long: the page stays as it was
            Notification.show(Messages.text(e.errors().getFirst(), getLocale()))
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (MongoExecutionTimeoutException e) { // past atrium.query.max-time: the page stays as it was
            Notification.show(getTranslation("items.queryTimeout")).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /** How many items the list holds with these filters, and what to do when it holds none. */
    private void showTotal() {
        long count = items.count(currentActor.get(), app.ref(), currentFilter(), showDeleted.getValue(), COUNT_UP_TO + 1);
        total.setText(count > COUNT_UP_TO ? getTranslation("items.total.more", COUNT_UP_TO)
                : getTranslation("items.total", count));
        boolean filtered = !filters.query().isEmpty();
        String empty;
        if (showDeleted.getValue()) {
            empty = getTranslation("items.empty.deleted");
        } else if (filtered) {
            empty = getTranslation("items.empty.filtered");
        } else if (access.scope(currentActor.get(), app.ref(), Permission.CREATE).isPresent()) {
            empty = getTranslation("items.empty.create", app.definition().name().in(getLocale()));
        } else {
            empty = getTranslation("items.empty.none", app.definition().name().in(getLocale()));
        }
        grid.setEmptyStateText(empty);
    }

    @Override
    public String getPageTitle() {
        return (app == null ? "" : app.definition().name().in(getLocale())) + " · Atrium";
    }
}
