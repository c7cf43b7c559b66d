package io.atrium.ui.apps;

import io.atrium.platform.app.Messages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.dnd.GridDropLocation;
import com.vaadin.flow.component.grid.dnd.GridDropMode;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.atrium.platform.access.AccessDeniedException;
import io.atrium.platform.access.AccessPolicy;
import io.atrium.platform.access.Permission;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.AppDraft;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.FieldCode;
import io.atrium.platform.app.FieldDefinition;
import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.FieldType;
import io.atrium.platform.app.LocalizedText;
import io.atrium.platform.app.PublishedApp;
import io.atrium.platform.app.ValidationException;
import io.atrium.platform.definition.DefinitionStatus;
import io.atrium.ui.hub.DesignerHubView;
import io.atrium.ui.hub.StatusBadge;
import io.atrium.ui.security.CurrentActor;
import io.atrium.ui.controls.RemoveButton;
import io.atrium.ui.controls.DesignerLayout;
import io.atrium.ui.controls.ScreenWidth;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where analysts define an app: a palette of field types on the left, the fields in order in
 * the middle (drag to reorder), the selected field's properties on the right, and save and
 * publish in the header with the validation result.
 */
@Route("designer/apps/:namespace?/:code?")
@RolesAllowed({"ADMIN", "ANALYST"})
public class AppDesignerView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final AppCatalog catalog;
    private final AccessPolicy access;
    private final CurrentActor currentActor;
    private final TextField namespace = new TextField();
    private final TextField code = new TextField();
    private final TextField nameEn = new TextField();
    private final TextField nameRu = new TextField();
    private final Grid<FieldDefinition> fieldGrid = new Grid<>();
    private final ProblemList problems = new ProblemList("publish-problems");
    private final StatusBadge status = new StatusBadge();
    private final RouterLink crumb = new RouterLink();
    private final Span selectHint = new Span();
    private final Span crumbSeparator = new Span("›");
    private Button accessLink;
    private Button formsLink;
    private final List<FieldDefinition> fields = new ArrayList<>();
    /** Codes of the fields added since the last publish whose code still follows their name. */
    private final Set<String> codesFollowingNames = new HashSet<>();
    private FieldProperties properties;
    private FieldDefinition selected;
    private FieldDefinition dragged;
    private boolean phone;
    private List<Grid.Column<FieldDefinition>> phoneHides = List.of();

    public AppDesignerView(AppCatalog catalog, AccessPolicy access, CurrentActor currentActor) {
        this.catalog = catalog;
        this.access = access;
        this.currentActor = currentActor;
        setId("app-designer");
        setSizeFull();
        ScreenWidth.onPhone(this, narrow -> {
            phone = narrow;
            phoneHides.forEach(column -> column.setVisible(!narrow));
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getRouteParameters();
        build();
        if (params.get("namespace").isPresent() && params.get("code").isPresent()) {
            try {
                var ref = new AppRef(params.get("namespace").get(), params.get("code").get());
                catalog.draft(ref).map(d -> d.definition())
                        .or(() -> catalog.current(ref).map(PublishedApp::definition)).ifPresent(this::load);
            } catch (IllegalArgumentException ignored) {
                // an invalid address opens an empty designer
            }
        }
    }

    private void build() {
        removeAll();
        fields.clear();
        codesFollowingNames.clear();
        namespace.setLabel(getTranslation("designer.workspace"));
        namespace.setId("app-namespace");
        code.setLabel(getTranslation("designer.appCode"));
        code.setId("app-code");
        nameEn.setLabel(getTranslation("designer.nameEn"));
        nameEn.setId("app-name-en");
        nameRu.setLabel(getTranslation("designer.nameRu"));
        nameRu.setId("app-name-ru");
        var save = new Button(getTranslation("designer.save"), e -> save());
        save.setId("save-draft");
        var publish = new Button(getTranslation("designer.publish"), e -> publish());
        publish.setId("publish");
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        accessLink = new Button(getTranslation("designer.access"), VaadinIcon.KEY.create(), e -> getUI().ifPresent(
                ui -> ui.navigate("designer/apps/" + namespace.getValue() + "/" + code.getValue() + "/access")));
        accessLink.setId("open-access");
        accessLink.setVisible(false);
        formsLink = new Button(getTranslation("designer.forms"), VaadinIcon.FORM.create(), e -> getUI().ifPresent(
                ui -> ui.navigate("designer/forms/" + namespace.getValue() + "/" + code.getValue() + "/edit")));
        formsLink.setId("open-forms");
        formsLink.setVisible(false);
        var identity = DesignerLayout.fields(namespace, code, nameEn, nameRu);

        var palette = new VerticalLayout(new H3(getTranslation("designer.palette")));
        palette.setWidth("14rem");
        palette.setPadding(false);
        for (FieldType type : FieldType.values()) {
            var add = new Button(getTranslation("type." + type.name()), VaadinIcon.PLUS.create(), e -> addField(type));
            add.setId("add-" + type.name().toLowerCase(Locale.ROOT));
            add.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            palette.add(add);
        }

        fieldGrid.removeAllColumns();
        var codeColumn = fieldGrid.addColumn(f -> f.code()).setHeader(getTranslation("designer.code"));
        fieldGrid.addColumn(f -> f.name().in(getLocale())).setHeader(getTranslation("designer.name"))
                .setFlexGrow(2);
        fieldGrid.addColumn(f -> f.type() == null ? "" : getTranslation("type." + f.type().name()))
                .setHeader(getTranslation("designer.type"));
        var requiredColumn = fieldGrid.addColumn(f -> f.required() ? "✓" : "")
                .setHeader(getTranslation("designer.required")).setAutoWidth(true).setFlexGrow(0);
        phoneHides = List.of(codeColumn, requiredColumn); // the field's properties show them
        phoneHides.forEach(column -> column.setVisible(!phone));
        fieldGrid.addComponentColumn(f -> new RemoveButton(getTranslation("designer.removeField",
                f.name().in(getLocale())), () -> {
                    fields.remove(f);
                    codesFollowingNames.remove(f.code());
                    refresh(null);
                }).explaining(getTranslation("designer.removeFieldText"))).setAutoWidth(true)
                .setFlexGrow(0); // the names get the room
        fieldGrid.setId("field-grid");
        fieldGrid.setEmptyStateText(getTranslation("designer.noFields"));
        fieldGrid.setRowsDraggable(true);
        fieldGrid.setDropMode(GridDropMode.BETWEEN);
        fieldGrid.addDragStartListener(e -> dragged = e.getDraggedItems().getFirst());
        fieldGrid.addDropListener(e -> {
            var over = e.getDropTargetItem().orElse(null);
            if (dragged == null || over == null || over == dragged) {
                return;
            }
            fields.remove(dragged);
            int at = fields.indexOf(over) + (e.getDropLocation() == GridDropLocation.BELOW ? 1 : 0);
            fields.add(at, dragged);
            refresh(dragged);
        });
        fieldGrid.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(f -> {
            selected = f;
            properties.show(f, codesFollowingNames.contains(f.code()));
            selectHint.setVisible(false);
        }));

        var apps = new java.util.LinkedHashMap<AppRef, String>();
        catalog.published().stream().sorted(java.util.Comparator.comparing(a -> a.definition().name().in(getLocale())))
                .forEach(a -> apps.put(a.ref(), a.definition().name().in(getLocale())));
        properties = new FieldProperties(apps, this::otherCodes, this::replaceSelected, this::getTranslation);
        properties.setWidthFull();
        selectHint.setId("field-properties-hint");
        selectHint.setText(getTranslation("designer.selectField"));
        selectHint.getStyle().set("color", "var(--lumo-secondary-text-color)");
        var side = new VerticalLayout(selectHint, properties);
        side.setPadding(false);
        side.setWidth("22rem");

        var canvas = new VerticalLayout(fieldGrid);
        canvas.setPadding(false);
        var body = DesignerLayout.body(this, palette, canvas, side);
        var hubLink = new RouterLink(getTranslation("nav.designer"), DesignerHubView.class);
        hubLink.setId("back-to-hub");
        status.setId("app-status");
        crumb.setVisible(false);
        crumbSeparator.setVisible(false); // a new app has no name to show yet
        var breadcrumbs = new HorizontalLayout(hubLink, crumbSeparator, crumb, status);
        breadcrumbs.setAlignItems(Alignment.CENTER);
        breadcrumbs.setWrap(true);
        breadcrumbs.addClassName("breadcrumbs");
        add(DesignerLayout.header(breadcrumbs, DesignerLayout.group(accessLink, formsLink),
                DesignerLayout.group(save, publish)), identity, problems, body);
    }

    private void load(AppDefinition definition) {
        namespace.setValue(definition.ref().namespace());
        code.setValue(definition.ref().code());
        namespace.setReadOnly(true);
        code.setReadOnly(true);
        accessLink.setVisible(true);
        formsLink.setVisible(catalog.current(definition.ref()).isPresent());
        nameEn.setValue(definition.name().en());
        nameRu.setValue(definition.name().ru());
        fields.addAll(definition.fields());
        refresh(null);
        showStatus(definition.ref());
    }

    /** The breadcrumb, the status badge and the address follow the app being designed. */
    private void showStatus(AppRef ref) {
        var draft = catalog.draft(ref);
        var current = catalog.current(ref);
        var state = DefinitionStatus.of(draft.map(AppDraft::updatedAt).orElse(null), null,
                current.map(PublishedApp::version).orElse(0), current.map(PublishedApp::publishedAt).orElse(null),
                null);
        status.show(state);
        crumb.setText(ref.namespace() + " / " + (nameEn.getValue().isBlank() ? ref.code() : name()));
        crumb.setRoute(AppDesignerView.class, new RouteParameters(Map.of("namespace", ref.namespace(),
                "code", ref.code())));
        crumb.setVisible(true);
        crumbSeparator.setVisible(true);
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, "designer/apps/" + ref));
    }

    private String name() {
        return getLocale().getLanguage().equals("ru") && !nameRu.getValue().isBlank() ? nameRu.getValue()
                : nameEn.getValue();
    }

    /**
     * Adds a field named "New field N" in the UI's language, with a code made from that name, and
     * puts the keyboard into its name: the analyst types the real one, and the code follows it.
     */
    private void addField(FieldType type) {
        int n = fields.size() + 1;
        while (named(getTranslation("designer.newField", n))) {
            n++;
        }
        String name = getTranslation("designer.newField", n);
        String fieldCode = FieldCode.suggest(name, fields.stream().map(FieldDefinition::code)
                .collect(Collectors.toSet()));
        var field = new FieldDefinition(fieldCode, type, "ru".equals(getLocale().getLanguage())
                ? new LocalizedText("", name) : LocalizedText.of(name), false, false, false, false, null, false,
                null, null, null, null, null);
        fields.add(field);
        codesFollowingNames.add(fieldCode);
        refresh(field);
        properties.focusName(getLocale());
    }

    private boolean named(String name) {
        return fields.stream().anyMatch(f -> name.equals(f.name().in(getLocale())));
    }

    /** The codes of the fields other than the selected one. */
    private Set<String> otherCodes() {
        return fields.stream().filter(f -> f != selected).map(FieldDefinition::code).collect(Collectors.toSet());
    }

    private void replaceSelected(FieldDefinition updated) {
        int at = fields.indexOf(selected);
        if (at >= 0) {
            if (codesFollowingNames.remove(selected.code()) && properties.codeFollowsName()) {
                codesFollowingNames.add(updated.code());
            }
            fields.set(at, updated);
            selected = updated;
            fieldGrid.setItems(fields);
        }
    }

    private void refresh(FieldDefinition select) {
        fieldGrid.setItems(new ArrayList<>(fields));
        if (select != null) {
            fieldGrid.select(select);
        } else {
            properties.setVisible(false);
            selectHint.setVisible(true);
        }
    }

    private AppDefinition definition() {
        return new AppDefinition(new AppRef(namespace.getValue().strip(), code.getValue().strip()),
                new LocalizedText(nameEn.getValue(), nameRu.getValue()), fields);
    }

    private boolean save() {
        problems.clear();
        try {
            var definition = definition();
            access.require(currentActor.get(), definition.ref(), Permission.ADMINISTER);
            catalog.saveDraft(definition, currentActor.get().username());
            namespace.setReadOnly(true);
            code.setReadOnly(true);
            accessLink.setVisible(true);
            showStatus(definition.ref());
            return true;
        } catch (IllegalArgumentException e) {
            problems.show(List.of(new FieldError("", "code", Messages.text(e, getLocale()))));
        } catch (AccessDeniedException e) {
            problems.show(List.of(new FieldError("", "denied", getTranslation("designer.denied"))));
        }
        return false;
    }

    private void publish() {
        if (!save()) {
            return;
        }
        try {
            var published = catalog.publish(definition().ref(), currentActor.get().username());
            Notification.show(getTranslation("designer.published", published.version()))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            formsLink.setVisible(true);
            codesFollowingNames.clear(); // published codes name stored values: they stay as they are
            showStatus(published.ref());
        } catch (ValidationException e) {
            problems.show(e.errors());
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("designer.title") + " · Atrium";
    }
}
