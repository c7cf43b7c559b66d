package io.atrium.ui.apps;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.atrium.platform.access.AccessDeniedException;
import io.atrium.platform.access.AccessPolicy;
import io.atrium.platform.access.AppAccess;
import io.atrium.platform.access.AppGrant;
import io.atrium.platform.access.ItemScope;
import io.atrium.platform.access.Permission;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.FieldDefinition;
import io.atrium.platform.app.FieldType;
import io.atrium.platform.app.PublishedApp;
import io.atrium.platform.app.ValidationException;
import io.atrium.platform.identity.Role;
import io.atrium.ui.security.CurrentActor;
import io.atrium.ui.controls.RemoveButton;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Who may do what with an app's items: one grant per role (permissions and which items), and
 * the fields that name an item's assignee and group.
 */
@Route("designer/apps/:namespace/:code/access")
@RolesAllowed({"ADMIN", "ANALYST"})
public class AppAccessView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** One editable row; becomes an {@link AppGrant} on save. */
    private static final class GrantRow {
        Role role;
        Set<Permission> permissions = EnumSet.of(Permission.READ);
        ItemScope scope = ItemScope.ALL;
        RemoveButton remove;
    }

    /** The role a new grant starts with: the first one without a grant, most often wanted first. */
    private static final List<Role> NEW_GRANT_ORDER = List.of(Role.OPERATOR, Role.SUPERVISOR, Role.PORTAL_USER,
            Role.DEVELOPER, Role.ANALYST, Role.ADMIN);

    private final AppCatalog catalog;
    private final AccessPolicy access;
    private final CurrentActor currentActor;
    private final List<GrantRow> rows = new ArrayList<>();
    private final VerticalLayout grants = new VerticalLayout();
    private final ComboBox<FieldDefinition> assigneeField = new ComboBox<>();
    private final ComboBox<FieldDefinition> groupField = new ComboBox<>();
    private final ProblemList problems = new ProblemList("access-problems");
    private AppDefinition app;

    public AppAccessView(AppCatalog catalog, AccessPolicy access, CurrentActor currentActor) {
        this.catalog = catalog;
        this.access = access;
        this.currentActor = currentActor;
        setId("app-access");
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getRouteParameters();
        try {
            var ref = new AppRef(params.get("namespace").orElseThrow(), params.get("code").orElseThrow());
            access.require(currentActor.get(), ref, Permission.ADMINISTER);
            app = catalog.current(ref).map(PublishedApp::definition)
                    .or(() -> catalog.draft(ref).map(d -> d.definition())).orElseThrow();
        } catch (AccessDeniedException | NoSuchElementException | IllegalArgumentException e) {
            removeAll();
            add(new H2(getTranslation("items.unavailable")));
            return;
        }
        build();
    }

    private void build() {
        removeAll();
        add(new H2(getTranslation("access.title", app.name().in(getLocale()))));
        add(new Paragraph(getTranslation("access.intro")));

        var rules = access.rulesOf(app.ref());
        rows.clear();
        for (AppGrant grant : rules.grants()) {
            var row = new GrantRow();
            row.role = grant.role();
            row.permissions = EnumSet.copyOf(grant.permissions().isEmpty() ? EnumSet.noneOf(Permission.class)
                    : grant.permissions());
            row.scope = grant.scope();
            rows.add(row);
        }

        grants.setId("grants");
        grants.setPadding(false);
        grants.setSpacing(true);
        showRows();

        var addGrant = new Button(getTranslation("access.add"), VaadinIcon.PLUS.create(), e -> {
            var row = new GrantRow();
            row.role = NEW_GRANT_ORDER.stream().filter(r -> rows.stream().noneMatch(x -> x.role == r))
                    .findFirst().orElse(null);
            rows.add(row);
            showRows();
        });
        addGrant.setId("add-grant");

        assigneeField.setLabel(getTranslation("access.assigneeField"));
        assigneeField.setHelperText(getTranslation("access.assigneeHelp"));
        assigneeField.setId("assignee-field");
        configure(assigneeField, EnumSet.of(FieldType.USER), rules.assigneeField());
        groupField.setLabel(getTranslation("access.groupField"));
        groupField.setHelperText(getTranslation("access.groupHelp"));
        groupField.setId("group-field");
        configure(groupField, EnumSet.of(FieldType.STRING, FieldType.CHOICE, FieldType.USER), rules.groupField());

        var save = new Button(getTranslation("access.save"), e -> save());
        save.setId("save-access");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var back = new Button(getTranslation("access.back"), e -> getUI().ifPresent(ui -> ui.navigate(
                "designer/apps/" + app.ref())));
        var fields = new Div(assigneeField, groupField);
        fields.addClassName("wrapping-fields");
        add(grants, addGrant, fields, problems, new HorizontalLayout(save, back));
    }

    private void configure(ComboBox<FieldDefinition> box, Set<FieldType> types, String selected) {
        var candidates = app.fields().stream().filter(f -> types.contains(f.type())).toList();
        box.setItems(candidates);
        box.setItemLabelGenerator(f -> f.name().in(getLocale()) + " (" + f.code() + ")");
        box.setClearButtonVisible(true);
        box.setValue(candidates.stream().filter(f -> f.code().equals(selected)).findFirst().orElse(null));
    }

    /** One card per grant: role, which items and permissions side by side, wrapping on a phone. */
    private void showRows() {
        grants.removeAll();
        if (rows.isEmpty()) {
            var none = new Paragraph(getTranslation("access.none"));
            none.setId("no-grants");
            grants.add(none);
        }
        for (GrantRow row : rows) {
            row.remove = new RemoveButton(removeLabel(row.role), () -> {
                rows.remove(row);
                showRows();
            }).explaining(getTranslation("access.removeText"));
            row.remove.addClassName("grant-remove");
            var card = new Div(roleInput(row), scopeInput(row), permissionsInput(row), row.remove);
            card.addClassName("grant-row");
            grants.add(card);
        }
    }

    private ComboBox<Role> roleInput(GrantRow row) {
        var box = new ComboBox<Role>(getTranslation("access.role"));
        box.setItems(Role.values());
        box.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        box.setValue(row.role);
        box.addValueChangeListener(e -> {
            row.role = e.getValue();
            if (row.remove != null) {
                row.remove.relabel(removeLabel(row.role));
            }
        });
        box.addClassName("grant-role");
        return box;
    }

    private String removeLabel(Role role) {
        return role == null ? getTranslation("access.remove") : getTranslation("access.removeRole",
                getTranslation("role." + role.name()));
    }

    private CheckboxGroup<Permission> permissionsInput(GrantRow row) {
        var group = new CheckboxGroup<Permission>(getTranslation("access.permissions"));
        group.setItems(Permission.values());
        group.setItemLabelGenerator(p -> getTranslation("permission." + p.name()));
        group.setValue(row.permissions);
        group.addValueChangeListener(e -> row.permissions = e.getValue().isEmpty() ? EnumSet.noneOf(Permission.class)
                : EnumSet.copyOf(e.getValue()));
        group.addClassName("grant-permissions");
        return group;
    }

    private ComboBox<ItemScope> scopeInput(GrantRow row) {
        var box = new ComboBox<ItemScope>(getTranslation("access.scope"));
        box.setItems(ItemScope.values());
        box.setItemLabelGenerator(s -> getTranslation("scope." + s.name()));
        box.setValue(row.scope);
        box.addValueChangeListener(e -> row.scope = e.getValue());
        box.addClassName("grant-scope");
        return box;
    }

    private void save() {
        problems.clear();
        var grants = new ArrayList<AppGrant>();
        for (GrantRow row : rows) {
            if (row.role != null) {
                grants.add(new AppGrant(row.role, row.permissions, row.scope));
            }
        }
        var rules = new AppAccess(grants, code(assigneeField.getValue()), code(groupField.getValue()));
        try {
            access.setRules(currentActor.get(), app.ref(), rules);
            Notification.show(getTranslation("access.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (ValidationException e) {
            problems.show(e.errors());
        } catch (AccessDeniedException e) {
            Notification.show(getTranslation("item.denied")).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private static String code(FieldDefinition field) {
        return field == null ? null : field.code();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("access.title", app == null ? "" : app.name().in(getLocale())) + " · Atrium";
    }
}
