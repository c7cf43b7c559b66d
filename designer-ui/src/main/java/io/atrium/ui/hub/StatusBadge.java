package io.atrium.ui.hub;

import com.vaadin.flow.component.html.Span;
import io.atrium.platform.definition.DefinitionStatus;

/** Where a definition stands, as a coloured badge: draft, published vN, or changed since vN. */
public final class StatusBadge extends Span {

    public StatusBadge() {
        addClassName("hub-status");
        setVisible(false);
    }

    public StatusBadge(DefinitionStatus status) {
        this();
        show(status);
    }

    public void show(DefinitionStatus status) {
        setText(switch (status.state()) {
            case DRAFT -> getTranslation("hub.state.draft");
            case PUBLISHED -> getTranslation("hub.state.published", status.publishedVersion());
            case CHANGED -> getTranslation("hub.state.changed", status.publishedVersion());
        });
        getElement().getThemeList().clear();
        getElement().getThemeList().add("badge pill " + switch (status.state()) {
            case DRAFT -> "contrast";
            case PUBLISHED -> "success";
            case CHANGED -> "warning";
        });
        setVisible(true);
    }
}
