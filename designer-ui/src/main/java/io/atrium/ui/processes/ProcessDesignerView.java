package io.atrium.ui.processes;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.UploadHandler;
import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.MessageKey;
import io.atrium.platform.app.Messages;
import io.atrium.platform.app.ValidationException;
import io.atrium.platform.access.AccessPolicy;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.form.FormCatalog;
import io.atrium.platform.process.ProcessCatalog;
import io.atrium.platform.process.ProcessDefinition;
import io.atrium.platform.process.ProcessDraft;
import io.atrium.platform.process.ProcessRef;
import io.atrium.platform.process.PublishedProcess;
import io.atrium.ui.controls.DesignerLayout;
import io.atrium.ui.hub.DesignerHubView;
import io.atrium.ui.hub.StatusBadge;
import io.atrium.ui.security.CurrentActor;
import jakarta.annotation.security.RolesAllowed;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Where analysts draw a process: the BPMN modeler with the Zeebe properties panel and the
 * platform's blocks; save the draft, check it (problems show on their elements), publish it
 * (deployed to the engine), import and export BPMN files, and look at or restore earlier versions.
 */
@Route("designer/processes/:namespace/:code")
@RolesAllowed({"ADMIN", "ANALYST"})
public class ProcessDesignerView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ProcessCatalog catalog;
    private final BlockTemplates templates;
    private final CurrentActor currentActor;
    private final FormCatalog forms;
    private final AppCatalog apps;
    private final AccessPolicy access;
    private final StatusBadge status = new StatusBadge();
    private final Span unsaved = new Span();
    private final Span crumb = new Span();
    private final TextField name = new TextField();
    private final ProcessProblems problems;
    private BpmnModeler modeler;
    private ProcessRef ref;
    /** The drawing as last loaded or saved, as the modeler writes it. */
    private String savedXml = "";

    public ProcessDesignerView(ProcessCatalog catalog, BlockTemplates templates, CurrentActor currentActor,
            FormCatalog forms, AppCatalog apps, AccessPolicy access) {
        this.catalog = catalog;
        this.templates = templates;
        this.currentActor = currentActor;
        this.forms = forms;
        this.apps = apps;
        this.access = access;
        this.problems = new ProcessProblems(id -> modeler.select(id));
        setId("process-designer");
        setSizeFull();
        addClassName("process-designer");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!catalog.mayDesign(currentActor.get())) {
            event.rerouteToError(AccessDeniedException.class);
            return;
        }
        var params = event.getRouteParameters();
        try {
            ref = new ProcessRef(params.get("namespace").orElse(""), params.get("code").orElse(""));
        } catch (IllegalArgumentException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        var drawing = catalog.draft(ref).map(ProcessDraft::definition)
                .or(() -> catalog.current(ref).map(PublishedProcess::definition));
        if (drawing.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        build();
        name.setValue(drawing.get().name());
        showStatus();
        load(drawing.get().bpmn());
    }

    private void build() {
        removeAll();
        modeler = new BpmnModeler(BpmnModeler.Mode.EDIT, getLocale());
        modeler.setId("process-modeler");
        modeler.setWidthFull();
        modeler.setTemplates(templates.json(getLocale()));
        // a change event can arrive after a save that already holds the change: the first one
        // after a save compares the drawing with the saved one, later ones need not
        modeler.addChangedListener(e -> {
            if (!unsaved.isVisible()) {
                modeler.xml().thenAccept(xml -> unsaved.setVisible(!xml.equals(savedXml)));
            }
        });

        var hubLink = new RouterLink(getTranslation("nav.designer"), DesignerHubView.class);
        hubLink.setId("back-to-hub");
        crumb.setId("process-crumb");
        status.setId("process-status");
        unsaved.setId("process-unsaved");
        unsaved.setText(getTranslation("process.unsaved"));
        unsaved.getElement().getThemeList().add("badge pill");
        unsaved.setVisible(false);
        var breadcrumbs = new HorizontalLayout(hubLink, new Span("›"), crumb, status, unsaved);
        breadcrumbs.setAlignItems(FlexComponent.Alignment.CENTER);
        breadcrumbs.setWrap(true);
        breadcrumbs.addClassName("breadcrumbs");

        var upload = importButton();
        var export = button("process-export", "process.export", VaadinIcon.DOWNLOAD_ALT,
                e -> modeler.download(ref.code() + ".bpmn"));
        var versions = button("process-versions", "process.versions", VaadinIcon.TIME_BACKWARD,
                e -> new ProcessVersionsDialog(catalog, currentActor, ref, this::restored).open());
        var taskForms = button("process-task-forms", "process.taskForms", VaadinIcon.FORM,
                e -> new TaskFormsDialog(ref, forms, apps, access, currentActor, this::leaveFor).open());
        var check = button("process-check", "process.check", VaadinIcon.CHECK_CIRCLE_O, e -> save(this::check));
        var save = button("process-save", "process.save", null, e -> save(saved -> Notification.show(
                getTranslation("process.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS)));
        var publish = button("process-publish", "process.publish", null, e -> save(this::publish));
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        name.setId("process-name");
        name.setLabel(getTranslation("process.name"));
        name.setMaxLength(200);
        name.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                unsaved.setVisible(true);
            }
        });
        var code = new TextField(getTranslation("process.code"));
        code.setId("process-code");
        code.setValue(ref.code());
        code.setReadOnly(true);
        var workspace = new TextField(getTranslation("process.workspace"));
        workspace.setValue(ref.namespace());
        workspace.setReadOnly(true);

        // Save and Publish stay together when the header wraps, as in the other designers
        add(DesignerLayout.header(breadcrumbs, DesignerLayout.group(upload, export, versions, taskForms, check),
                DesignerLayout.group(save, publish)), DesignerLayout.fields(workspace, code, name), problems,
                modeler);
        setFlexGrow(1, modeler);
    }

    private Upload importButton() {
        var upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> getUI().ifPresent(ui -> ui.access(
                () -> imported(metadata.fileName(), new String(bytes, StandardCharsets.UTF_8))))));
        upload.setId("process-import");
        upload.setAcceptedFileTypes(".bpmn", ".xml", "application/xml", "text/xml");
        upload.setMaxFileSize(io.atrium.runtime.process.deploy.BpmnPreparation.MAX_BYTES);
        upload.setMaxFiles(1);
        upload.setDropAllowed(false);
        var pick = new Button(getTranslation("process.import"), VaadinIcon.UPLOAD_ALT.create());
        upload.setUploadButton(pick);
        upload.addFileRejectedListener(e -> problems.show(List.of(new ProcessProblems.Problem("",
                getTranslation("process.importRefused", e.getErrorMessage())))));
        upload.addSucceededListener(e -> upload.clearFileList());
        upload.addClassName("process-import");
        return upload;
    }

    private Button button(String id, String label, VaadinIcon icon,
            com.vaadin.flow.component.ComponentEventListener<com.vaadin.flow.component.ClickEvent<Button>> click) {
        var button = icon == null ? new Button(getTranslation(label), click)
                : new Button(getTranslation(label), icon.create(), click);
        button.setId(id);
        return button;
    }

    /** Shows a drawing in the modeler, telling the analyst if it cannot be read. */
    private void load(String xml) {
        problems.clear();
        modeler.show(xml).thenAccept(result -> {
            if (!result.ok()) {
                problems.show(List.of(new ProcessProblems.Problem("",
                        getTranslation("process.unreadable", result.error()))));
            }
            unsaved.setVisible(false);
            modeler.xml().thenAccept(shown -> savedXml = shown);
        });
    }

    /** An imported file replaces the drawing; its process takes this process's code. */
    private void imported(String fileName, String xml) {
        if (xml.toUpperCase(Locale.ROOT).contains("<!DOCTYPE")) {
            problems.show(List.of(new ProcessProblems.Problem("", Messages.text(FieldError.of("", "format",
                    MessageKey.BPMN_UNREADABLE, "a DOCTYPE is not allowed"), getLocale()))));
            return;
        }
        problems.clear();
        modeler.show(xml).thenAccept(result -> {
            if (!result.ok()) {
                problems.show(List.of(new ProcessProblems.Problem("",
                        getTranslation("process.unreadable", result.error()))));
                return;
            }
            modeler.setProcessId(ref.code()).thenAccept(before -> {
                unsaved.setVisible(true);
                String told = before.isEmpty() || before.equals(ref.code())
                        ? getTranslation("process.imported", fileName)
                        : getTranslation("process.importedRenamed", fileName, before, ref.code());
                Notification.show(told, 8000, Notification.Position.BOTTOM_START);
            });
        });
    }

    /** Saves what the modeler holds as the draft, then goes on with it. */
    private void save(Consumer<ProcessDraft> then) {
        modeler.xml().thenAccept(xml -> {
            try {
                var draft = catalog.saveDraft(currentActor.get(), new ProcessDefinition(ref, name.getValue(), xml));
                savedXml = xml;
                problems.setNames(DrawingNames.of(xml));
                unsaved.setVisible(false);
                showStatus();
                then.accept(draft);
            } catch (RuntimeException e) {
                problems.show(List.of(new ProcessProblems.Problem("", Messages.text(e, getLocale()))));
            }
        });
    }

    /** Saves the drawing, then goes to another designer (e.g. a task form's; the location may carry a query). */
    private void leaveFor(String location) {
        save(saved -> getUI().ifPresent(ui -> ui.navigate(location)));
    }

    private void check(ProcessDraft draft) {
        var found = catalog.check(ref);
        showProblems(found);
        if (found.isEmpty()) {
            Notification.show(getTranslation("process.checked")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        }
    }

    private void publish(ProcessDraft draft) {
        try {
            var published = catalog.publish(currentActor.get(), ref);
            showProblems(List.of());
            showStatus();
            Notification.show(getTranslation("process.published", published.version()), 5000,
                    Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (ValidationException e) {
            showProblems(e.errors());
        } catch (RuntimeException e) {
            problems.show(List.of(new ProcessProblems.Problem("", Messages.text(e, getLocale()))));
        }
    }

    private void showProblems(List<FieldError> errors) {
        var shown = errors.stream().map(e -> new ProcessProblems.Problem(e.field(), Messages.text(e, getLocale())))
                .toList();
        if (shown.isEmpty()) {
            problems.clear();
        } else {
            problems.show(shown);
        }
        modeler.showProblems(shown.stream().map(p -> new BpmnModeler.ElementProblem(p.element(), p.message()))
                .toList());
    }

    private void restored(ProcessDraft draft) {
        name.setValue(draft.definition().name());
        showStatus();
        load(draft.definition().bpmn());
    }

    private void showStatus() {
        status.show(ProcessStatus.of(catalog, ref));
        crumb.setText(ref.namespace() + " / " + (name.getValue().isBlank() ? ref.code() : name.getValue()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("process.title") + (ref == null ? "" : " " + ref) + " · Atrium";
    }
}
