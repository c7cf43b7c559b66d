package io.atrium.ui.home;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.atrium.platform.access.AccessPolicy;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.identity.Role;
import io.atrium.platform.identity.UserDirectory;
import io.atrium.runtime.connection.ConnectionProbe;
import io.atrium.runtime.connection.ConnectionProbe.Probe;
import io.atrium.ui.apps.AppDesignerView;
import io.atrium.ui.security.CurrentActor;
import jakarta.annotation.security.PermitAll;
import java.util.stream.Collectors;

/**
 * The first page after sign-in: who you are, what to do next for your role (those who build apps
 * start one; everyone sees the apps they may read), and for administrators whether the engines answer.
 */
@Route("")
@PermitAll
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    public HomeView(AuthenticationContext authentication, UserDirectory users, ConnectionProbe probe,
            AppCatalog catalog, AccessPolicy access, CurrentActor currentActor) {
        setId("home");
        var account = authentication.getPrincipalName().flatMap(users::findByUsername);
        String name = account.map(a -> a.displayName()).orElse("");
        add(new H2(getTranslation("home.welcome", name)));
        account.ifPresent(a -> add(new Paragraph(getTranslation("home.roles",
                a.roles().stream().map(r -> getTranslation("role." + r.name())).sorted()
                        .collect(Collectors.joining(", "))))));
        var actor = currentActor.get();
        boolean designs = actor.has(Role.ADMIN) || actor.has(Role.ANALYST);
        if (designs) {
            add(nextStepForDesigners());
        }
        add(new HomeApps(catalog, access, actor, designs, getLocale()));

        if (authentication.hasRole(Role.ADMIN.name())) {
            var status = new Div();
            status.setId("engine-status");
            status.add(new H3(getTranslation("home.engines")));
            status.add(line(probe.mongo()), line(probe.zeebe()));
            add(status);
        }
    }

    /** Those who build apps start from the app designer. */
    private Div nextStepForDesigners() {
        var create = new Button(getTranslation("home.createApp"), VaadinIcon.PLUS.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(AppDesignerView.class)));
        create.setId("home-create-app");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var next = new Div(new H3(getTranslation("home.next")), new Paragraph(getTranslation("home.next.designer")),
                create);
        next.setId("home-next");
        return next;
    }

    private Paragraph line(Probe probe) {
        var badge = new Span(getTranslation(probe.up() ? "home.engine.up" : "home.engine.down"));
        badge.getElement().getThemeList().add(probe.up() ? "badge success" : "badge error");
        var text = new Span(" " + getTranslation("home.engine." + probe.component()) + " · "
                + getTranslation("home.mode." + probe.mode().name().toLowerCase()) + " · " + probe.address()
                + " · " + probe.detail());
        var line = new Paragraph(badge, text);
        line.setId("engine-" + probe.component());
        return line;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.home") + " · Atrium";
    }
}
