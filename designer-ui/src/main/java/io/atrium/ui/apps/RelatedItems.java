package io.atrium.ui.apps;

import com.mongodb.MongoExecutionTimeoutException;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import io.atrium.platform.access.AccessDeniedException;
import io.atrium.platform.access.Actor;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.PublishedApp;
import io.atrium.platform.form.FormElement;
import io.atrium.platform.item.Item;
import io.atrium.platform.item.ItemFilter;
import io.atrium.platform.item.ItemQuery;
import io.atrium.platform.item.Items;
import java.util.Locale;

/** On a card, the items of another app that point to this one, each opening its own card. */
class RelatedItems extends Div {

    private static final int LIMIT = 50;

    /**
     * @param item the card's item, null while it is being created
     */
    RelatedItems(Items items, AppCatalog catalog, Actor actor, FormElement.RelatedList list, Item item,
            Locale locale) {
        setWidthFull();
        addClassName("related-list");
        add(new H4(list.title().in(locale)));
        var source = catalog.current(list.source()).map(PublishedApp::definition);
        if (item == null || source.isEmpty()) {
            add(new Span(getTranslation("form.related.afterSave")));
            return;
        }
        java.util.List<Item> found;
        try {
            found = items.search(actor, list.source(), new ItemQuery(new ItemFilter.Equals(list.via(), item.id()),
                    null, false, LIMIT, null)).items();
        } catch (AccessDeniedException e) {
            add(new Span(getTranslation("form.related.denied")));
            return;
        } catch (MongoExecutionTimeoutException e) {
            add(new Span(getTranslation("items.queryTimeout")));
            return;
        }
        var labels = ReferenceLabels.load(items, catalog, actor, source.get(), found);
        var grid = new Grid<Item>();
        grid.setAllRowsVisible(true);
        grid.setWidthFull();
        for (String code : list.columns()) {
            source.get().field(code).ifPresent(field -> grid.addColumn(i -> labels.text(field, i.values().get(code),
                    locale)).setHeader(field.name().in(locale)));
        }
        grid.setEmptyStateText(getTranslation("form.related.empty"));
        grid.setItems(found);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("apps/" + list.source() + "/"
                + e.getItem().id())));
        add(grid);
    }
}
