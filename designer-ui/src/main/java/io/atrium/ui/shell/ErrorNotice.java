package io.atrium.ui.shell;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.RouterLink;
import io.atrium.ui.home.HomeView;

/** A page of the shell saying why the address asked for shows nothing, with the way home. */
abstract class ErrorNotice extends VerticalLayout implements HasDynamicTitle {

    private String title = "";

    /** Shows the notice; the keys name translations, the text's {0} is the address asked for. */
    void show(String id, VaadinIcon icon, String titleKey, String textKey, String path) {
        removeAll();
        setId(id);
        setAlignItems(FlexComponent.Alignment.CENTER);
        setPadding(true);
        title = getTranslation(titleKey);
        var symbol = icon.create();
        symbol.setSize("var(--lumo-icon-size-l)");
        symbol.setColor("var(--lumo-secondary-text-color)");
        var text = new Paragraph(getTranslation(textKey, "/" + path));
        text.getStyle().set("color", "var(--lumo-secondary-text-color)").set("max-width", "36em")
                .set("text-align", "center");
        var home = new RouterLink(getTranslation("error.home"), HomeView.class);
        home.setId(id + "-home");
        var heading = new H2(title);
        heading.getStyle().set("text-align", "center"); // centred like the text when it wraps on a phone
        add(symbol, heading, text, home);
    }

    @Override
    public String getPageTitle() {
        return title + " · Atrium";
    }
}
