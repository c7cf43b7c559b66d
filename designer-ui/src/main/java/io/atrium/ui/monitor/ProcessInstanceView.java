package io.atrium.ui.monitor;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.atrium.platform.app.Messages;
import io.atrium.platform.process.ProcessCatalog;
import io.atrium.runtime.process.instance.InstanceState;
import io.atrium.runtime.process.instance.ProcessInstance;
import io.atrium.runtime.process.instance.ProcessInstances;
import io.atrium.ui.controls.DesignerLayout;
import io.atrium.ui.processes.BpmnModeler;
import io.atrium.ui.processes.DrawingNames;
import io.atrium.ui.controls.PagePolling;
import io.atrium.ui.security.CurrentActor;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;

/**
 * One process instance: its diagram coloured where it stands, where it went and where it is
 * stuck, its incidents with their errors and a retry, its variables and its history; cancel it.
 * While it runs the view asks the platform again every two seconds.
 */
@Route("processes/instances/:key")
@RolesAllowed({"ADMIN", "ANALYST", "DEVELOPER", "SUPERVISOR"})
public class ProcessInstanceView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** How often a running instance is asked again, in milliseconds. */
    static final int REFRESH = 2000;

    private final ProcessInstances instances;
    private final ProcessCatalog catalog;
    private final CurrentActor currentActor;
    private final Span state = new Span();
    private final Button cancel = new Button();
    private final Button retryAll = new Button();
    private final InstanceDetails details;
    private final Div diagramMissing = new Div();
    private BpmnModeler diagram;
    private long key;
    private ProcessInstance shown;
    private Map<String, String> names = Map.of();
    private final PagePolling polling = new PagePolling(REFRESH, this::refresh);

    public ProcessInstanceView(ProcessInstances instances, ProcessCatalog catalog, CurrentActor currentActor) {
        this.instances = instances;
        this.catalog = catalog;
        this.currentActor = currentActor;
        this.details = new InstanceDetails(this::retry, instances.mayStart(currentActor.get()));
        setId("process-instance");
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var actor = currentActor.get();
        if (!instances.mayWatch(actor)) {
            event.rerouteToError(AccessDeniedException.class);
            return;
        }
        try {
            key = Long.parseLong(event.getRouteParameters().get("key").orElse(""));
        } catch (NumberFormatException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        var instance = instances.get(actor, key);
        if (instance.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        build(instance.get());
        show(instance.get());
    }

    private void build(ProcessInstance instance) {
        removeAll();
        var list = new RouterLink(getTranslation("monitor.title"), ProcessInstancesView.class);
        list.setId("back-to-instances");
        var title = new Span(getTranslation("monitor.instance", String.valueOf(instance.key())));
        title.setId("instance-title");
        state.setId("instance-state");
        var process = new Span(instance.process() + (instance.version() > 0 ? " · v" + instance.version() : ""));
        process.setId("instance-process");
        var crumbs = new HorizontalLayout(list, new Span("›"), title, state, process);
        crumbs.setAlignItems(FlexComponent.Alignment.CENTER);
        crumbs.setWrap(true);
        crumbs.addClassName("breadcrumbs");

        cancel.setText(getTranslation("monitor.cancel"));
        cancel.setIcon(VaadinIcon.STOP.create());
        cancel.setId("instance-cancel");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancel.addClickListener(e -> confirmCancel());
        retryAll.setText(getTranslation("monitor.retryAll"));
        retryAll.setIcon(VaadinIcon.REFRESH.create());
        retryAll.setId("instance-retry-all");
        retryAll.addClickListener(e -> retry(0));
        boolean steers = instances.mayStart(currentActor.get());
        cancel.setVisible(steers);
        retryAll.setVisible(steers);

        var published = instance.version() > 0 ? catalog.version(instance.process(), instance.version())
                : java.util.Optional.<io.atrium.platform.process.PublishedProcess>empty();
        diagramMissing.setId("instance-diagram-missing");
        diagramMissing.setText(getTranslation("monitor.noDiagram"));
        diagramMissing.setVisible(published.isEmpty());
        add(DesignerLayout.header(crumbs, DesignerLayout.group(retryAll, cancel)), diagramMissing);
        if (published.isPresent()) {
            String bpmn = published.get().definition().bpmn();
            names = DrawingNames.of(bpmn);
            diagram = new BpmnModeler(BpmnModeler.Mode.VIEW, getLocale());
            diagram.setId("instance-diagram");
            diagram.setWidthFull();
            diagram.setHeight("min(28rem, 60vh)");
            diagram.show(bpmn).thenAccept(result -> {
                if (shown != null) {
                    diagram.showInstance(InstanceMarks.of(shown));
                }
            });
            add(diagram, legend());
        }
        details.setNames(names);
        add(details);
    }

    private HorizontalLayout legend() {
        var legend = new HorizontalLayout();
        legend.setId("instance-legend");
        legend.setWrap(true);
        for (String mark : new String[] {"active", "passed", "incident"}) {
            var swatch = new Span(getTranslation("monitor.legend." + mark));
            swatch.addClassName("instance-legend-" + mark);
            legend.add(swatch);
        }
        return legend;
    }

    private void show(ProcessInstance instance) {
        boolean changed = !instance.equals(shown);
        shown = instance;
        if (!changed) {
            return;
        }
        state.removeAll();
        state.add(new InstanceStateBadge(instance));
        boolean active = instance.state() == InstanceState.ACTIVE;
        cancel.setEnabled(active);
        retryAll.setEnabled(!instance.openIncidents().isEmpty());
        if (diagram != null) {
            diagram.showInstance(InstanceMarks.of(instance));
        }
        details.show(instance);
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

    private void refresh() {
        instances.get(currentActor.get(), key).ifPresent(this::show);
        if (shown != null && shown.state() != InstanceState.ACTIVE) {
            getUI().ifPresent(ui -> ui.setPollInterval(-1)); // an ended instance changes no more
        }
    }

    private void retry(long incidentKey) {
        try {
            int resolved = instances.retry(currentActor.get(), key, incidentKey);
            Notification.show(getTranslation("monitor.retried", resolved))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (RuntimeException e) {
            Notification.show(Messages.text(e, getLocale())).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    private void confirmCancel() {
        var confirm = new ConfirmDialog(getTranslation("monitor.cancelTitle", String.valueOf(key)),
                getTranslation("monitor.cancelText"), getTranslation("monitor.cancel"), e -> {
                    try {
                        instances.cancel(currentActor.get(), key);
                        Notification.show(getTranslation("monitor.canceled"));
                    } catch (RuntimeException problem) {
                        Notification.show(Messages.text(problem, getLocale()))
                                .addThemeVariants(NotificationVariant.LUMO_ERROR);
                    }
                    refresh();
                });
        confirm.setId("instance-cancel-confirm");
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("monitor.keep"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("monitor.instance", String.valueOf(key)) + " · Atrium";
    }
}
