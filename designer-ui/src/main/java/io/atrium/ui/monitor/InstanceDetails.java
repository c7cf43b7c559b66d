package io.atrium.ui.monitor;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.atrium.runtime.process.instance.ProcessInstance;
import io.atrium.ui.controls.ScreenWidth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/** An instance's incidents (each with a retry), its variables and its history, each with an empty state. */
final class InstanceDetails extends VerticalLayout {

    private final LongConsumer retry;
    private final boolean mayRetry;
    private final Div incidents = new Div();
    private final Grid<Map.Entry<String, String>> variables = new Grid<>();
    private final Paragraph noVariables = new Paragraph();
    private final Grid<ProcessInstance.Element> history = new Grid<>();
    private Map<String, String> names = Map.of();

    InstanceDetails(LongConsumer retry, boolean mayRetry) {
        this.retry = retry;
        this.mayRetry = mayRetry;
        setPadding(false);
        incidents.setId("instance-incidents");
        incidents.setWidthFull();

        variables.setId("instance-variables");
        variables.addColumn(Map.Entry::getKey).setHeader(getTranslation("monitor.variable")).setAutoWidth(true);
        variables.addColumn(Map.Entry::getValue).setHeader(getTranslation("monitor.value")).setFlexGrow(3);
        variables.setAllRowsVisible(true);
        variables.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        noVariables.setId("instance-no-variables");
        noVariables.setText(getTranslation("monitor.noVariables"));

        history.setId("instance-history");
        history.addColumn(e -> names.getOrDefault(e.elementId(), e.elementId()))
                .setHeader(getTranslation("monitor.element")).setFlexGrow(2);
        var type = history.addColumn(ProcessInstance.Element::type).setHeader(getTranslation("monitor.type"))
                .setAutoWidth(true);
        history.addColumn(e -> getTranslation(e.active() ? "monitor.element.active" : "monitor.element.ended"))
                .setHeader(getTranslation("monitor.state")).setAutoWidth(true);
        history.addColumn(e -> Times.of(e.startedAt(), getLocale())).setHeader(getTranslation("monitor.started"))
                .setAutoWidth(true);
        var ended = history.addColumn(e -> Times.of(e.endedAt(), getLocale()))
                .setHeader(getTranslation("monitor.ended")).setAutoWidth(true);
        ScreenWidth.hideOnPhone(history, List.of(type, ended));
        history.setAllRowsVisible(true);
        history.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);

        add(new H3(getTranslation("monitor.incidents")), incidents, new H3(getTranslation("monitor.variables")),
                noVariables, variables, new H3(getTranslation("monitor.history")), history);
    }

    void setNames(Map<String, String> names) {
        this.names = names;
    }

    void show(ProcessInstance instance) {
        showIncidents(instance);
        var entries = new ArrayList<>(instance.variables().entrySet());
        entries.sort(Map.Entry.comparingByKey());
        variables.setItems(entries);
        variables.setVisible(!entries.isEmpty());
        noVariables.setVisible(entries.isEmpty());
        history.setItems(instance.elements().stream().filter(e -> !"PROCESS".equals(e.type())).toList());
    }

    private void showIncidents(ProcessInstance instance) {
        incidents.removeAll();
        var open = instance.openIncidents();
        if (open.isEmpty()) {
            var none = new Paragraph(getTranslation("monitor.noIncidents"));
            none.setId("instance-no-incidents");
            incidents.add(none);
            return;
        }
        for (var incident : open) {
            var card = new Div();
            card.addClassName("incident-card");
            card.setId("incident-" + incident.key());
            var where = new Span(names.getOrDefault(incident.elementId(), incident.elementId()) + " · "
                    + incident.errorType() + " · " + Times.of(incident.createdAt(), getLocale()));
            where.addClassName("incident-where");
            var message = new Paragraph(incident.message());
            message.addClassName("incident-message");
            card.add(where, message);
            if (mayRetry) {
                var again = new Button(getTranslation("monitor.retry"), VaadinIcon.REFRESH.create(),
                        e -> retry.accept(incident.key()));
                again.setId("incident-retry-" + incident.key());
                again.addClassName("incident-retry");
                again.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
                card.add(again);
            }
            incidents.add(card);
        }
    }
}
