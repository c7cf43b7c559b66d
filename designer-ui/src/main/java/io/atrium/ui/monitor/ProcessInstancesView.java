package io.atrium.ui.monitor;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.atrium.platform.process.ProcessCatalog;
import io.atrium.platform.process.ProcessRef;
import io.atrium.runtime.process.instance.InstanceState;
import io.atrium.runtime.process.instance.ProcessInstance;
import io.atrium.runtime.process.instance.ProcessInstances;
import io.atrium.ui.controls.ScreenWidth;
import io.atrium.ui.controls.PagePolling;
import io.atrium.ui.security.CurrentActor;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Objects;

/**
 * Process instances, newest first, filtered by process, state and open incidents; the list
 * follows the engine every few seconds. A row opens the instance's view.
 */
@Route("processes/instances")
@RolesAllowed({"ADMIN", "ANALYST", "DEVELOPER", "SUPERVISOR"})
public class ProcessInstancesView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** How often the list asks again, in milliseconds. */
    static final int REFRESH = 3000;

    private final ProcessInstances instances;
    private final CurrentActor currentActor;
    private final ComboBox<ProcessRef> process = new ComboBox<>();
    private final ComboBox<InstanceState> state = new ComboBox<>();
    private final Checkbox incidents = new Checkbox();
    private final Grid<ProcessInstance> grid = new Grid<>();
    private final Paragraph empty = new Paragraph();
    private List<ProcessInstance> shown = List.of();
    private final PagePolling polling = new PagePolling(REFRESH, this::refresh);

    public ProcessInstancesView(ProcessInstances instances, ProcessCatalog catalog, CurrentActor currentActor) {
        this.instances = instances;
        this.currentActor = currentActor;
        setId("process-instances");
        setSizeFull();
        process.setId("instances-process");
        process.setLabel(getTranslation("monitor.process"));
        process.setItems(catalog.summaries().stream().filter(s -> s.status().publishedVersion() > 0)
                .map(s -> s.ref()).sorted(java.util.Comparator.comparing(ProcessRef::toString)).toList());
        process.setItemLabelGenerator(ProcessRef::toString);
        process.setClearButtonVisible(true);
        process.setPlaceholder(getTranslation("monitor.any"));
        state.setId("instances-state");
        state.setLabel(getTranslation("monitor.state"));
        state.setItems(InstanceState.values());
        state.setItemLabelGenerator(s -> getTranslation("monitor.state." + s.name()));
        state.setClearButtonVisible(true);
        state.setPlaceholder(getTranslation("monitor.any"));
        incidents.setId("instances-incidents");
        incidents.setLabel(getTranslation("monitor.onlyIncidents"));
        process.addValueChangeListener(e -> refresh());
        state.addValueChangeListener(e -> refresh());
        incidents.addValueChangeListener(e -> refresh());
        var reload = new Button(getTranslation("monitor.refresh"), VaadinIcon.REFRESH.create(), e -> refresh());
        reload.setId("instances-refresh");
        reload.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var filters = new HorizontalLayout(process, state, incidents, reload);
        filters.setWrap(true);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId("instances-grid");
        grid.addColumn(ProcessInstance::key).setHeader(getTranslation("monitor.key")).setAutoWidth(true);
        var processColumn = grid.addColumn(i -> i.process() + (i.version() > 0 ? " · v" + i.version() : ""))
                .setHeader(getTranslation("monitor.process")).setFlexGrow(2);
        grid.addComponentColumn(InstanceStateBadge::new).setHeader(getTranslation("monitor.state")).setAutoWidth(true);
        var started = grid.addColumn(i -> Times.of(i.startedAt(), getLocale()))
                .setHeader(getTranslation("monitor.started")).setAutoWidth(true);
        var by = grid.addColumn(ProcessInstance::startedBy).setHeader(getTranslation("monitor.startedBy"))
                .setAutoWidth(true);
        var ended = grid.addColumn(i -> Times.of(i.endedAt(), getLocale())).setHeader(getTranslation("monitor.ended"))
                .setAutoWidth(true);
        // a phone's width: the key and the state; the instance's view tells the rest
        ScreenWidth.hideOnPhone(grid, List.of(processColumn, by, ended, started));
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.setAllRowsVisible(true);
        empty.setId("instances-empty");
        add(new H2(getTranslation("monitor.title")), filters, empty, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!instances.mayWatch(currentActor.get())) {
            event.rerouteToError(AccessDeniedException.class);
            return;
        }
        event.getLocation().getQueryParameters().getSingleParameter("process").ifPresent(text -> {
            try {
                process.setValue(ProcessRef.parse(text));
            } catch (IllegalArgumentException ignored) {
                // an address with a wrong process shows every process
            }
        });
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        polling.attached(event);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        polling.detached(event);
        super.onDetach(event);
    }

    private void open(ProcessInstance instance) {
        getUI().ifPresent(ui -> ui.navigate("processes/instances/" + instance.key()));
    }

    private void refresh() {
        var actor = currentActor.get();
        List<ProcessInstance> found;
        if (incidents.getValue()) {
            found = instances.withIncidents(actor, ProcessInstances.MAX_LIST).stream()
                    .filter(i -> process.getValue() == null || process.getValue().equals(i.process()))
                    .filter(i -> state.getValue() == null || state.getValue() == i.state()).toList();
        } else {
            found = instances.list(actor, process.getValue(), state.getValue(), ProcessInstances.MAX_LIST);
        }
        if (!Objects.equals(found, shown)) {
            shown = found;
            grid.setItems(found);
        }
        boolean filtered = process.getValue() != null || state.getValue() != null || incidents.getValue();
        grid.setVisible(!found.isEmpty());
        empty.setVisible(found.isEmpty());
        empty.setText(getTranslation(filtered ? "monitor.noMatch" : "monitor.empty"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("monitor.title") + " · Atrium";
    }
}
