package io.atrium.ui.shell;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.atrium.platform.access.AccessPolicy;
import io.atrium.platform.access.Permission;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.PublishedApp;
import io.atrium.platform.identity.Role;
import io.atrium.runtime.process.instance.ProcessInstances;
import io.atrium.ui.admin.TokensView;
import io.atrium.ui.admin.UsersView;
import io.atrium.ui.hub.DesignerHubView;
import io.atrium.ui.home.HomeView;
import io.atrium.platform.notification.Notifications;
import io.atrium.runtime.process.task.TaskInbox;
import io.atrium.ui.monitor.ProcessInstancesView;
import io.atrium.ui.security.CurrentActor;
import io.atrium.ui.tasks.TasksView;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;

/**
 * The shell every signed-in person works in: a side navigation by role (the task inbox with its
 * count for every staff member) and a header with notifications, the language switch and the
 * user menu. The counts are read again on every navigation.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    static final Locale RUSSIAN = Locale.of("ru");

    private final AccessPolicy access;
    private final CurrentActor currentActor;

    private final NavigationUpdates updates;
    private final TaskInbox inbox;
    private final Span taskCount = new Span();
    private final NotificationBell bell;
    private final ProcessInstances processes;
    private SideNav navigation;

    public MainLayout(AuthenticationContext authentication, AppCatalog catalog, AccessPolicy access,
            CurrentActor currentActor, NavigationUpdates updates, TaskInbox inbox, Notifications notifications,
            ProcessInstances processes) {
        this.access = access;
        this.processes = processes;
        this.currentActor = currentActor;
        this.updates = updates;
        this.inbox = inbox;
        this.bell = new NotificationBell(notifications, currentActor);
        taskCount.setId("nav-task-count");
        taskCount.getElement().getThemeList().add("badge contrast small pill");
        setPrimarySection(Section.DRAWER);

        var brand = new Span("Atrium");
        brand.addClassName("atrium-brand");
        brand.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-xl)")
                .set("padding", "var(--lumo-space-m)");
        navigation = navigation(catalog.published());
        addToDrawer(brand, navigation);

        var header = new HorizontalLayout(new DrawerToggle(), new Span(), bell, userMenu(authentication));
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(header.getComponentAt(1));
        header.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(header);
    }

    /** Rebuilds the side navigation from the published apps, for those published or renamed while the page is open. */
    void showApps(List<PublishedApp> apps) {
        remove(navigation);
        navigation = navigation(apps);
        addToDrawer(navigation);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        bell.refresh();
        if (!currentActor.get().has(Role.PORTAL_USER)) {
            long open = inbox.count(currentActor.get());
            taskCount.setText(open >= TaskInbox.MAX_COUNT ? (TaskInbox.MAX_COUNT - 1) + "+" : String.valueOf(open));
            taskCount.setVisible(open > 0);
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        updates.opened(this, event.getUI());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        updates.closed(this);
        super.onDetach(event);
    }

    private SideNav navigation(List<PublishedApp> apps) {
        var nav = new SideNav();
        nav.setId("side-nav");
        nav.addItem(new SideNavItem(getTranslation("nav.home"), HomeView.class, VaadinIcon.HOME.create()));
        // within UI.access too, whatever thread runs it: Vaadin's security context holder reads this page's session
        var actor = currentActor.get();
        if (!actor.has(Role.PORTAL_USER)) {
            var tasks = new SideNavItem(getTranslation("nav.tasks"), TasksView.class, VaadinIcon.TASKS.create());
            tasks.setSuffixComponent(taskCount);
            nav.addItem(tasks);
        }
        // Published apps the person may read, grouped by workspace.
        var readable = access.permitted(actor, apps.stream().map(PublishedApp::ref).toList(), Permission.READ);
        var workspaces = new java.util.TreeMap<String, SideNavItem>();
        for (var app : apps) {
            if (!readable.contains(app.ref())) {
                continue;
            }
            var workspace = workspaces.computeIfAbsent(app.ref().namespace(), ns -> {
                var item = new SideNavItem(ns);
                item.setPrefixComponent(VaadinIcon.FOLDER_O.create());
                item.setExpanded(true);
                return item;
            });
            workspace.addItem(new SideNavItem(app.definition().name().in(getLocale()), "apps/" + app.ref()));
        }
        if (!workspaces.isEmpty()) {
            var appsItem = new SideNavItem(getTranslation("nav.apps"));
            appsItem.setPrefixComponent(VaadinIcon.GRID_BIG_O.create());
            appsItem.setExpanded(true);
            workspaces.values().forEach(appsItem::addItem);
            nav.addItem(appsItem);
        }
        if (actor.has(Role.ADMIN) || actor.has(Role.ANALYST)) {
            nav.addItem(new SideNavItem(getTranslation("nav.designer"), DesignerHubView.class,
                    VaadinIcon.TOOLS.create()));
        }
        if (processes.mayWatch(actor)) {
            nav.addItem(new SideNavItem(getTranslation("nav.processInstances"), ProcessInstancesView.class,
                    VaadinIcon.FLIP_H.create()));
        }
        if (actor.has(Role.ADMIN)) {
            nav.addItem(new SideNavItem(getTranslation("nav.users"), UsersView.class, VaadinIcon.USERS.create()));
        }
        return nav;
    }

    private MenuBar userMenu(AuthenticationContext authentication) {
        var menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        String name = authentication.getPrincipalName().orElse("?");
        var user = menu.addItem(VaadinIcon.USER.create());
        user.add(new Span(" " + name));
        user.setId("user-menu");
        var sub = user.getSubMenu();
        sub.addItem(getTranslation("menu.language.en"), e -> switchLocale(Locale.ENGLISH));
        sub.addItem(getTranslation("menu.language.ru"), e -> switchLocale(RUSSIAN));
        sub.addSeparator();
        sub.addItem(getTranslation("menu.tokens"), e -> UI.getCurrent().navigate(TokensView.class));
        sub.addItem(getTranslation("menu.logout"), e -> authentication.logout()).setId("logout");
        return menu;
    }

    private static void switchLocale(Locale locale) {
        VaadinSession.getCurrent().setLocale(locale);
        UI.getCurrent().getPage().reload();
    }
}
