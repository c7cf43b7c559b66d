package io.atrium.ui.controls;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/**
 * The layout every designer shares, styled in {@code styles/atrium.css}: a header of what is
 * designed and the actions, and a body of palette, canvas and properties that sit side by side
 * when the designer is wide and stack when it is narrow, as on a phone.
 */
public final class DesignerLayout {

    private DesignerLayout() {
    }

    /**
     * The header: what the designer shows (breadcrumbs or a title) and its actions in groups (e.g.
     * links to related definitions, then save and publish). Each group wraps as a unit beside the
     * lead or below it, so a long Russian label never leaves Publish alone on a line.
     */
    public static Div header(Component lead, Div... groups) {
        var actions = new Div(groups);
        actions.addClassName("designer-actions");
        var header = new Div(lead, actions);
        header.addClassName("designer-header");
        return header;
    }

    /** The definition's own fields (workspace, code, names): a row that wraps, two to a line on a phone. */
    public static Div fields(Component... fields) {
        var row = new Div(fields);
        row.addClassName("designer-identity");
        return row;
    }

    /** A group of buttons that wraps as a unit, e.g. a toolbar's undo and redo. */
    public static Div group(Component... buttons) {
        var group = new Div(buttons);
        group.addClassName("action-group");
        return group;
    }

    /** The body of the designer {@code view}: palette, canvas and properties. */
    public static HorizontalLayout body(HasStyle view, Component palette, Component canvas, Component properties) {
        view.addClassName("designer-view");
        classed(palette, "designer-palette");
        classed(canvas, "designer-canvas");
        classed(properties, "designer-properties");
        var body = new HorizontalLayout(palette, canvas, properties);
        body.addClassName("designer-body");
        body.setSizeFull();
        return body;
    }

    private static void classed(Component component, String name) {
        component.getElement().getClassList().add(name);
    }
}
