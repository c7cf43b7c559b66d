package io.atrium.ui.processes;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.Messages;
import io.atrium.platform.app.PublishedApp;
import io.atrium.platform.process.ProcessCatalog;
import io.atrium.platform.process.ProcessDefinition;
import io.atrium.platform.process.ProcessRef;
import io.atrium.platform.process.ProcessSummary;
import io.atrium.ui.controls.DesignerLayout;
import io.atrium.ui.hub.DesignerHubView;
import io.atrium.ui.security.CurrentActor;
import jakarta.annotation.security.RolesAllowed;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A new process: its workspace and name; the code follows the name until the analyst changes it,
 * and the drawing starts with a start and an end event in a process whose id is the code.
 */
@Route("designer/processes")
@RolesAllowed({"ADMIN", "ANALYST"})
public class NewProcessView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ProcessCatalog catalog;
    private final CurrentActor currentActor;
    private final ComboBox<String> workspace = new ComboBox<>();
    private final TextField name = new TextField();
    private final TextField code = new TextField();
    private boolean codeFollowsName = true;

    public NewProcessView(ProcessCatalog catalog, AppCatalog apps, CurrentActor currentActor) {
        this.catalog = catalog;
        this.currentActor = currentActor;
        setId("new-process");
        var workspaces = new TreeSet<String>();
        apps.published().stream().map(PublishedApp::ref).forEach(ref -> workspaces.add(ref.namespace()));
        catalog.summaries().forEach(summary -> workspaces.add(summary.ref().namespace()));

        workspace.setId("new-process-workspace");
        workspace.setLabel(getTranslation("process.workspace"));
        workspace.setHelperText(getTranslation("process.workspaceHint"));
        workspace.setItems(workspaces);
        workspace.setAllowCustomValue(true);
        workspace.addCustomValueSetListener(e -> workspace.setValue(e.getDetail().strip()));
        if (workspaces.size() == 1) {
            workspace.setValue(workspaces.first());
        }
        name.setId("new-process-name");
        name.setLabel(getTranslation("process.name"));
        name.setMaxLength(200);
        name.setValueChangeMode(ValueChangeMode.EAGER);
        name.addValueChangeListener(e -> {
            if (codeFollowsName) {
                code.setValue(StarterBpmn.code(e.getValue(), taken()));
            }
        });
        code.setId("new-process-code");
        code.setLabel(getTranslation("process.code"));
        code.setHelperText(getTranslation("process.codeHint"));
        code.setMaxLength(100);
        code.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                codeFollowsName = false;
            }
        });
        var create = new Button(getTranslation("process.create"), e -> create());
        create.setId("new-process-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var hub = new RouterLink(getTranslation("nav.designer"), DesignerHubView.class);
        hub.setId("back-to-hub");
        var crumbs = new HorizontalLayout(hub, new com.vaadin.flow.component.html.Span("›"),
                new com.vaadin.flow.component.html.Span(getTranslation("process.new")));
        crumbs.addClassName("breadcrumbs");
        add(crumbs, new H2(getTranslation("process.new")), new Paragraph(getTranslation("process.newText")),
                DesignerLayout.fields(workspace, name, code), create);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!catalog.mayDesign(currentActor.get())) {
            event.rerouteToError(AccessDeniedException.class);
        }
    }

    /** The codes of the processes of the chosen workspace. */
    private Set<String> taken() {
        String ns = workspace.getValue() == null ? "" : workspace.getValue();
        return catalog.summaries().stream().map(ProcessSummary::ref).filter(ref -> ref.namespace().equals(ns))
                .map(ProcessRef::code).collect(Collectors.toSet());
    }

    private void create() {
        workspace.setInvalid(false);
        code.setInvalid(false);
        name.setInvalid(false);
        if (workspace.getValue() == null || workspace.getValue().isBlank()) {
            workspace.setErrorMessage(getTranslation("process.workspaceRequired"));
            workspace.setInvalid(true);
            return;
        }
        if (name.getValue().isBlank()) {
            name.setErrorMessage(getTranslation("process.nameRequired"));
            name.setInvalid(true);
            return;
        }
        ProcessRef ref;
        try {
            ref = new ProcessRef(workspace.getValue().strip(), code.getValue().strip());
        } catch (IllegalArgumentException e) {
            boolean workspaceWrong = !workspace.getValue().strip().matches("[a-z][a-z0-9_]{0,39}");
            com.vaadin.flow.component.HasValidation field = workspaceWrong ? workspace : code;
            field.setErrorMessage(Messages.text(e, getLocale()));
            field.setInvalid(true);
            return;
        }
        if (catalog.draft(ref).isPresent() || catalog.current(ref).isPresent()) {
            code.setErrorMessage(getTranslation("process.codeTaken", ref.toString()));
            code.setInvalid(true);
            return;
        }
        String processName = name.getValue().strip();
        catalog.saveDraft(currentActor.get(), new ProcessDefinition(ref, processName,
                StarterBpmn.xml(ref, processName)));
        getUI().ifPresent(ui -> ui.navigate("designer/processes/" + ref));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("process.new") + " · Atrium";
    }
}
