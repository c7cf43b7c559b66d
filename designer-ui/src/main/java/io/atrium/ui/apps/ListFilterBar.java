package io.atrium.ui.apps;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.FieldDefinition;
import io.atrium.ui.apps.ListFilterQuery.Condition;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The filters above an item list: the full-text search, a "Filters" button that opens one input
 * per field (labels, names and date pickers rather than codes and ids), and the active conditions
 * as removable chips. Everything wraps, so a phone's width never scrolls the list sideways.
 */
final class ListFilterBar extends VerticalLayout {

    private final AppDefinition app;
    private final FilterVocabulary words;
    private final Consumer<ListFilterQuery> onChange;
    private final TextField search = new TextField();
    private final Button open = new Button();
    private final FlexLayout chips = new FlexLayout();
    private final HorizontalLayout controls;
    private ListFilterQuery query = ListFilterQuery.EMPTY;

    ListFilterBar(AppDefinition app, FilterVocabulary words, Consumer<ListFilterQuery> onChange) {
        this.app = app;
        this.words = words;
        this.onChange = onChange;
        setPadding(false);
        setSpacing(false);
        setWidthFull();
        search.setPlaceholder(words.text("items.search"));
        search.setId("search");
        search.setClearButtonVisible(true);
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setMinWidth("10em");
        search.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                change(query.withText(e.getValue()));
            }
        });
        open.setIcon(VaadinIcon.FILTER.create());
        open.setId("open-filters");
        open.addClickListener(e -> openDialog());
        controls = new HorizontalLayout(search, open);
        controls.setWrap(true);
        controls.setWidthFull();
        controls.setAlignItems(FlexComponent.Alignment.BASELINE);
        controls.setFlexGrow(1, search);
        chips.setId("filter-chips");
        chips.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        chips.getStyle().set("gap", "var(--lumo-space-xs)");
        chips.setWidthFull();
        add(controls, chips);
        show(ListFilterQuery.EMPTY);
    }

    /** Puts another control (e.g. "Deleted items") beside the search and the button. */
    void addControl(Component control) {
        controls.add(control);
    }

    ListFilterQuery query() {
        return query;
    }

    /** Shows a query without telling the listener, e.g. one read from the address. */
    void show(ListFilterQuery shown) {
        query = shown;
        if (!search.getValue().equals(shown.text())) {
            search.setValue(shown.text());
        }
        int count = shown.conditions().size();
        open.setText(count == 0 ? words.text("items.filters") : words.text("items.filters.count", count));
        chips.removeAll();
        for (Condition condition : shown.conditions()) {
            app.field(condition.field()).ifPresent(field -> chips.add(chip(field, condition)));
        }
        chips.setVisible(count > 0);
    }

    private Component chip(FieldDefinition field, Condition condition) {
        String text = words.describe(field, condition);
        var label = new Span(text);
        var remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> change(query.with(field.code(), null)));
        remove.addClassName("remove-filter");
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        remove.setAriaLabel(words.text("items.filters.remove", text));
        remove.setTooltipText(words.text("items.filters.remove", text));
        var chip = new Span(label, remove);
        chip.addClassName("filter-chip");
        chip.getElement().setAttribute("data-field", field.code());
        chip.getElement().getThemeList().add("badge pill contrast");
        chip.getStyle().set("max-width", "100%").set("white-space", "normal");
        return chip;
    }

    private void change(ListFilterQuery next) {
        show(next);
        onChange.accept(next);
    }

    private void openDialog() {
        var dialog = new Dialog();
        dialog.setId("filter-dialog");
        dialog.setHeaderTitle(words.text("items.filters.title"));
        dialog.setWidth("34rem");
        dialog.setMaxWidth("100vw");
        var inputs = new LinkedHashMap<String, FilterInput>();
        var form = new VerticalLayout();
        form.setPadding(false);
        for (FieldDefinition field : app.fields()) {
            if (ListFilterQuery.operatorFor(field).isEmpty()) {
                continue;
            }
            var current = query.conditions().stream().filter(c -> c.field().equals(field.code())).findFirst()
                    .orElse(null);
            var input = FilterInput.create(field, words, current);
            inputs.put(field.code(), input);
            form.add(input.component());
        }
        dialog.add(form);
        var apply = new Button(words.text("items.filters.apply"), e -> {
            dialog.close();
            change(read(inputs));
        });
        apply.setId("apply-filters");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var clear = new Button(words.text("items.filters.clear"), e -> {
            dialog.close();
            change(new ListFilterQuery(query.text(), java.util.List.of()));
        });
        clear.setId("clear-filters");
        var cancel = new Button(words.text("items.filters.cancel"), e -> dialog.close());
        dialog.getFooter().add(clear, cancel, apply);
        dialog.open();
    }

    private ListFilterQuery read(Map<String, FilterInput> inputs) {
        var next = new ListFilterQuery(query.text(), java.util.List.of());
        for (var entry : inputs.entrySet()) {
            next = next.with(entry.getKey(), entry.getValue().condition().orElse(null));
        }
        return next;
    }
}
