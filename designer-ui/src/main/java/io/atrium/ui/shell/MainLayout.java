package io.atrium.ui.shell;

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
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.atrium.ui.home.HomeView;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;

/**
 * The shell every signed-in person works in: a side navigation by role and a header with the
 * language switch and the user menu.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    static final Locale RUSSIAN = Locale.of("ru");

    public MainLayout(AuthenticationContext authentication) {
        setPrimarySection(Section.DRAWER);

        var brand = new Span("Atrium");
        brand.addClassName("atrium-brand");
        brand.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-xl)")
                .set("padding", "var(--lumo-space-m)");
        addToDrawer(brand, navigation());

        var header = new HorizontalLayout(new DrawerToggle(), new Span(), userMenu(authentication));
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(header.getComponentAt(1));
        header.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(header);
    }

    private SideNav navigation() {
        var nav = new SideNav();
        nav.addItem(new SideNavItem(getTranslation("nav.home"), HomeView.class, VaadinIcon.HOME.create()));
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
        sub.addItem(getTranslation("menu.logout"), e -> authentication.logout()).setId("logout");
        return menu;
    }

    private static void switchLocale(Locale locale) {
        VaadinSession.getCurrent().setLocale(locale);
        UI.getCurrent().getPage().reload();
    }
}
