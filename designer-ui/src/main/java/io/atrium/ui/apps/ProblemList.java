package io.atrium.ui.apps;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.Messages;
import java.util.List;

/** What a designer refused to save or publish, under a heading, each with the place it concerns. */
final class ProblemList extends Div {

    ProblemList(String id) {
        setId(id);
        getStyle().set("color", "var(--lumo-error-text-color)");
    }

    void show(List<FieldError> errors) {
        removeAll();
        var list = new UnorderedList();
        errors.forEach(e -> list.add(new ListItem((e.field().isEmpty() ? "" : e.field() + ": ")
                + Messages.text(e, getLocale()))));
        add(new H3(getTranslation("designer.problems")), list);
    }

    void clear() {
        removeAll();
    }
}
