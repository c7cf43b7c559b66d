package io.atrium.ui.home;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.atrium.platform.identity.Role;
import io.atrium.platform.identity.UserDirectory;
import io.atrium.runtime.connection.ConnectionProbe;
import io.atrium.runtime.connection.ConnectionProbe.Probe;
import jakarta.annotation.security.PermitAll;
import java.util.stream.Collectors;

/** The first page after sign-in: who you are, and for administrators, whether the engines answer. */
@Route("")
@PermitAll
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    public HomeView(AuthenticationContext authentication, UserDirectory users, ConnectionProbe probe) {
        setId("home");
        var account = authentication.getPrincipalName().flatMap(users::findByUsername);
        String name = account.map(a -> a.displayName()).orElse("");
        add(new H2(getTranslation("home.welcome", name)));
        account.ifPresent(a -> add(new Paragraph(getTranslation("home.roles",
                a.roles().stream().map(r -> getTranslation("role." + r.name())).sorted()
                        .collect(Collectors.joining(", "))))));
        add(new Paragraph(getTranslation("home.intro")));

        if (authentication.hasRole(Role.ADMIN.name())) {
            var status = new Div();
            status.setId("engine-status");
            status.add(new H3(getTranslation("home.engines")));
            status.add(line(probe.mongo()), line(probe.zeebe()));
            add(status);
        }
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
