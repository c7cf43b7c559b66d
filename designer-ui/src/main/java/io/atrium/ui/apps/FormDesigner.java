package io.atrium.ui.apps;

import io.atrium.platform.app.Messages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.atrium.platform.access.AccessDeniedException;
import io.atrium.platform.access.AccessPolicy;
import io.atrium.platform.access.Actor;
import io.atrium.platform.access.Permission;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.PublishedApp;
import io.atrium.platform.app.ValidationException;
import io.atrium.platform.form.FormCatalog;
import io.atrium.platform.form.FormDefaults;
import io.atrium.platform.form.FormDefinition;
import io.atrium.platform.form.FormEdits;
import io.atrium.platform.form.FormElement;
import io.atrium.platform.form.FormPurpose;
import io.atrium.platform.form.FormRef;
import io.atrium.platform.form.FormState;
import io.atrium.platform.form.PublishedForm;
import io.atrium.platform.identity.Role;
import io.atrium.platform.process.ProcessCatalog;
import io.atrium.ui.processes.ProcessDesignerView;
import io.atrium.ui.controls.TaskFormOwner;
import io.atrium.ui.hub.DesignerHubView;
import io.atrium.ui.security.CurrentActor;
import io.atrium.ui.controls.DesignerLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The form designer: a palette of the app's fields and of layout elements, the form as boxes
 * to drop them into and move them around, the selected element's properties, undo and redo,
 * a preview as a chosen role, form-js import and export, and publishing.
 */
@Route("designer/forms/:namespace/:code/:purpose?")
@StyleSheet("context://styles/form-designer.css")
@RolesAllowed({"ADMIN", "ANALYST"})
public class FormDesigner extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final int UNDO_DEPTH = 100;

    private final AppCatalog apps;
    private final FormCatalog forms;
    private final AccessPolicy access;
    private final CurrentActor currentActor;
    private final ProcessCatalog processes;
    private final Deque<FormDefinition> undo = new ArrayDeque<>();
    private final Deque<FormDefinition> redo = new ArrayDeque<>();
    private Button scriptsButton;
    private final ProblemList problems = new ProblemList("form-problems");
    private AppDefinition app;
    private FormDefinition form;
    private String selected;
    /** The process step a task form belongs to; null for the app's own forms. */
    private TaskFormOwner taskOwner;
    private FormPalette palette;
    private FormCanvas canvas;
    private ElementProperties properties;
    private Button undoButton;
    private Button redoButton;

    public FormDesigner(AppCatalog apps, FormCatalog forms, AccessPolicy access, CurrentActor currentActor,
            ProcessCatalog processes) {
        this.apps = apps;
        this.forms = forms;
        this.access = access;
        this.currentActor = currentActor;
        this.processes = processes;
        setId("form-designer");
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getRouteParameters();
        FormPurpose purpose;
        try {
            var ref = new AppRef(params.get("namespace").orElseThrow(), params.get("code").orElseThrow());
            purpose = FormPurpose.valueOf(params.get("purpose").orElse("edit").toUpperCase(Locale.ROOT));
            taskOwner = null;
            if (purpose.owned()) {
                taskOwner = ownerOf(event, purpose);
            }
            access.require(actor(), ref, Permission.ADMINISTER);
            app = apps.current(ref).map(PublishedApp::definition).orElseThrow();
        } catch (AccessDeniedException | NoSuchElementException | IllegalArgumentException e) {
            removeAll();
            add(new H2(getTranslation("form.unavailable")));
            return;
        }
        var ref = taskOwner == null ? new FormRef(app.ref(), purpose)
                : new FormRef(app.ref(), purpose, taskOwner.toString());
        form = forms.draft(ref).map(d -> d.form())
                .or(() -> forms.current(ref).map(PublishedForm::form))
                .orElseGet(() -> FormDefaults.of(app, ref));
        build();
    }

    private Actor actor() {
        return currentActor.get();
    }

    /**
     * A task form is designed for a step of a process that exists, by someone who may design
     * processes; pre-chat and portal forms get their designers with lines and portals.
     */
    private TaskFormOwner ownerOf(BeforeEnterEvent event, FormPurpose purpose) {
        if (purpose != FormPurpose.TASK || !processes.mayDesign(actor())) {
            throw new IllegalArgumentException("designed where it belongs");
        }
        var owner = event.getLocation().getQueryParameters().getSingleParameter("owner")
                .flatMap(TaskFormOwner::parse).orElseThrow();
        if (processes.draft(owner.process()).isEmpty() && processes.current(owner.process()).isEmpty()) {
            throw new NoSuchElementException("no such process");
        }
        return owner;
    }

    private void build() {
        removeAll();
        var title = new H2(taskOwner == null ? getTranslation("form.title", app.name().in(getLocale()))
                : getTranslation("form.taskTitle", taskOwner.step(), app.name().in(getLocale())));
        var purpose = new ComboBox<FormPurpose>();
        purpose.setId("form-purpose");
        // forms of tasks, pre-chats and portal pages are designed from where they belong
        purpose.setItems(java.util.Arrays.stream(FormPurpose.values()).filter(p -> !p.owned()).toList());
        purpose.setItemLabelGenerator(p -> getTranslation("form.purpose." + p.name()));
        purpose.setValue(form.ref().purpose());
        purpose.addValueChangeListener(e -> getUI().ifPresent(ui -> ui.navigate("designer/forms/" + app.ref() + "/"
                + e.getValue().name().toLowerCase(Locale.ROOT))));
        undoButton = new Button(VaadinIcon.ARROW_BACKWARD.create(), e -> step(undo, redo));
        undoButton.setId("undo");
        undoButton.setTooltipText(getTranslation("form.undo"));
        redoButton = new Button(VaadinIcon.ARROW_FORWARD.create(), e -> step(redo, undo));
        redoButton.setId("redo");
        redoButton.setTooltipText(getTranslation("form.redo"));
        var previewRole = new ComboBox<Role>();
        previewRole.setId("preview-role");
        previewRole.setItems(Role.values());
        previewRole.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        previewRole.setValue(Role.OPERATOR);
        var preview = new Button(getTranslation("form.preview"), VaadinIcon.EYE.create(),
                e -> preview(previewRole.getValue()));
        preview.setId("preview");
        var clear = new Button(getTranslation("form.clear"), VaadinIcon.ERASER.create(), e -> {
            apply(form.withElements(List.of()));
            selected = null;
            refresh();
        });
        clear.setId("clear-form");
        clear.setTooltipText(getTranslation("form.clearHelp"));
        var save = new Button(getTranslation("designer.save"), e -> save());
        save.setId("save-form");
        var publish = new Button(getTranslation("designer.publish"), e -> publish());
        publish.setId("publish-form");
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var exchange = new FormJsExchange(app, getLocale(), () -> form, imported -> {
            apply(imported.withScripts(form.scripts())); // form-js has no scripts: the form keeps its own
            selected = null;
            refresh();
        }, e -> problems.show(e.errors()));
        scriptsButton = new Button(VaadinIcon.CODE.create(), e -> new FormScriptsDialog(app, getLocale(),
                form.scripts(), scripts -> {
                    apply(form.withScripts(scripts));
                    refresh();
                }).open());
        scriptsButton.setId("form-scripts-open");
        // a task form keeps its purpose: it is reached from its process
        purpose.setVisible(taskOwner == null);
        var toolbar = new Div(DesignerLayout.group(purpose), DesignerLayout.group(undoButton, redoButton, clear),
                DesignerLayout.group(previewRole, preview), DesignerLayout.group(scriptsButton),
                DesignerLayout.group(exchange));
        toolbar.addClassName("designer-toolbar");

        palette = new FormPalette(app, getLocale(), () -> form, this::addNear);
        canvas = new FormCanvas(app, getLocale(), this::dropped, this::select);
        properties = new ElementProperties(app, apps.published(), getLocale(), this::changed, this::removeElement,
                this::addChild, this::moveBy, canvas::caption);
        var body = DesignerLayout.body(this, palette, canvas, properties);
        canvas.watch(body);
        var hubLink = new RouterLink(getTranslation("nav.designer"), DesignerHubView.class);
        var appLink = new RouterLink(app.name().in(getLocale()).isBlank() ? app.ref().code() : app.name().in(getLocale()),
                AppDesignerView.class, new RouteParameters(Map.of("namespace", app.ref().namespace(),
                        "code", app.ref().code())));
        appLink.setId("back-to-app");
        var breadcrumbs = new HorizontalLayout(hubLink, new Span("›"), new Span(app.ref().namespace()), new Span("›"),
                appLink);
        if (taskOwner != null) {
            var process = taskOwner.process();
            var processLink = new RouterLink(processes.draft(process).map(d -> d.definition().name())
                    .or(() -> processes.current(process).map(p -> p.definition().name()))
                    .filter(name -> !name.isBlank()).orElse(process.code()), ProcessDesignerView.class,
                    new RouteParameters(Map.of("namespace", process.namespace(), "code", process.code())));
            processLink.setId("back-to-process");
            breadcrumbs = new HorizontalLayout(hubLink, new Span("›"), new Span(process.namespace()), new Span("›"),
                    processLink, new Span("›"), new Span(taskOwner.step()), new Span("·"), appLink);
        }
        breadcrumbs.setAlignItems(FlexComponent.Alignment.CENTER);
        breadcrumbs.setWrap(true);
        breadcrumbs.addClassName("breadcrumbs");
        add(breadcrumbs, DesignerLayout.header(title, DesignerLayout.group(save, publish)), toolbar, problems, body);
        refresh();
    }

    private void refresh() {
        palette.refresh();
        canvas.show(form, selected);
        properties.show(selected == null ? null : form.element(selected).orElse(null));
        undoButton.setEnabled(!undo.isEmpty());
        redoButton.setEnabled(!redo.isEmpty());
        var scripts = form.scripts();
        int bound = (scripts.onLoad() == null ? 0 : 1) + scripts.onChange().size()
                + (scripts.beforeSave() == null ? 0 : 1);
        scriptsButton.setText(bound == 0 ? getTranslation("form.scripts") : getTranslation("form.scriptsCount", bound));
    }

    /** Adds a palette element into the selected container, or after the selected element. */
    private void addNear(FormPalette.NewElement make) {
        String parent = null;
        int index = form.elements().size();
        if (selected != null) {
            var chosen = form.element(selected).orElse(null);
            boolean container = chosen instanceof FormElement.Tab || chosen instanceof FormElement.Block
                    || chosen instanceof FormElement.Column || chosen instanceof FormElement.Tabs
                    && "tab".equals(make.kind());
            if (container) {
                parent = selected;
                index = chosen.children().size();
            } else {
                parent = FormEdits.parentOf(form, selected).orElse(null);
                var siblings = parent == null ? form.elements() : form.element(parent).orElseThrow().children();
                index = siblings.stream().map(FormElement::id).toList().indexOf(selected) + 1;
            }
        }
        dropped(new FormCanvas.Drop(make, parent, index));
    }

    private void dropped(FormCanvas.Drop drop) {
        try {
            if (drop.data() instanceof FormPalette.NewElement make) {
                FormElement element = make.make().get();
                apply(FormEdits.insert(form, element, drop.parentId(), drop.index()));
                selected = element.id();
                refresh();
                if (!properties.focusName()) { // the analyst names it straight away, or goes on from its box
                    canvas.focus(element.id());
                }
                return;
            } else if (drop.data() instanceof FormCanvas.Moving moving) {
                apply(FormEdits.move(form, moving.id(), drop.parentId(), drop.index()));
                selected = moving.id();
            }
            refresh();
        } catch (IllegalArgumentException e) {
            Notification.show(Messages.text(e, getLocale())).addThemeVariants(NotificationVariant.LUMO_WARNING);
        }
    }

    private void select(String id) {
        if (id.equals(selected)) {
            return; // already shown: redrawing the panel would throw away what is being typed
        }
        selected = id;
        canvas.show(form, selected);
        canvas.focus(id); // the box was drawn anew: the keyboard stays where it was
        properties.show(form.element(id).orElse(null));
    }

    private void changed(FormElement element) {
        apply(FormEdits.replace(form, element));
        properties.update(element);
        canvas.show(form, selected);
        palette.refresh();
    }

    /** Moves an element up (negative) or down among its siblings; the ends stay where they are. */
    private void moveBy(String id, int steps) {
        String parent = FormEdits.parentOf(form, id).orElse(null);
        var siblings = (parent == null ? form.elements() : form.element(parent).orElseThrow().children()).stream()
                .map(FormElement::id).toList();
        int from = siblings.indexOf(id);
        int to = Math.max(0, Math.min(siblings.size() - 1, from + steps));
        if (to == from) {
            return;
        }
        // move() counts the index before the element leaves its place: going down, aim one further
        dropped(new FormCanvas.Drop(new FormCanvas.Moving(id), parent, to > from ? to + 1 : to));
    }

    private void removeElement(String id) {
        apply(FormEdits.remove(form, id));
        selected = null;
        refresh();
    }

    private void addChild(String parentId) {
        var parent = form.element(parentId).orElseThrow();
        FormElement child = parent instanceof FormElement.Tabs ? palette.newTab(0)
                : new FormElement.Column(FormEdits.newId(form, "column"), 6, List.of(), null, null);
        dropped(new FormCanvas.Drop(new FormPalette.NewElement("child", () -> child), parentId,
                parent.children().size()));
    }

    /** Records the form before a change, for undo. */
    private void apply(FormDefinition next) {
        undo.push(form);
        if (undo.size() > UNDO_DEPTH) {
            undo.removeLast();
        }
        redo.clear();
        form = next;
        undoButton.setEnabled(true);
        redoButton.setEnabled(false);
    }

    private void step(Deque<FormDefinition> from, Deque<FormDefinition> to) {
        if (from.isEmpty()) {
            return;
        }
        to.push(form);
        form = from.pop();
        if (selected != null && form.element(selected).isEmpty()) {
            selected = null;
        }
        refresh();
    }

    private void preview(Role role) {
        var dialog = new Dialog();
        dialog.setId("form-preview");
        dialog.setHeaderTitle(getTranslation("form.previewAs", getTranslation("role." + (role == null ? "OPERATOR"
                : role.name()))));
        dialog.setWidth("60rem");
        Set<Role> roles = Set.of(role == null ? Role.OPERATOR : role);
        var renderer = new FormRenderer(form, app, getLocale(), (field, label) -> FieldEditors.create(field, label,
                getLocale(), null), list -> new Span(list.title().in(getLocale())), button -> new Button(
                button.label().in(getLocale())));
        dialog.add(renderer.render());
        Runnable evaluate = () -> {
            Map<String, Object> values = new HashMap<>();
            renderer.editors().forEach((code, editor) -> values.put(code, editor.value()));
            renderer.apply(FormState.evaluate(form, app, values, roles, false));
        };
        renderer.editors().values().forEach(editor -> editor.onChange(evaluate));
        evaluate.run();
        dialog.getFooter().add(new Button(getTranslation("form.close"), e -> dialog.close()));
        dialog.open();
    }

    private boolean save() {
        problems.clear();
        try {
            forms.saveDraft(actor(), form);
            return true;
        } catch (AccessDeniedException e) {
            problems.show(List.of(new FieldError("", "denied", getTranslation("designer.denied"))));
            return false;
        }
    }

    private void publish() {
        if (!save()) {
            return;
        }
        try {
            var published = forms.publish(actor(), form.ref());
            Notification.show(getTranslation("designer.published", published.version()))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (ValidationException e) {
            problems.show(e.errors());
        } catch (NoSuchElementException e) {
            problems.show(List.of(new FieldError("", "missing", Messages.text(e, getLocale()))));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("form.title", app == null ? "" : app.name().in(getLocale())) + " · Atrium";
    }
}
