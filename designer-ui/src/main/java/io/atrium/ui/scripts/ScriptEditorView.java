package io.atrium.ui.scripts;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.atrium.platform.access.AccessDeniedException;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.Messages;
import io.atrium.platform.app.PublishedApp;
import io.atrium.platform.item.ItemJson;
import io.atrium.platform.item.ItemNotFoundException;
import io.atrium.platform.item.Items;
import io.atrium.platform.script.PublishedScript;
import io.atrium.platform.script.ScriptCatalog;
import io.atrium.platform.script.ScriptCompileException;
import io.atrium.platform.script.ScriptModule;
import io.atrium.platform.script.ScriptRef;
import io.atrium.runtime.script.ScriptFailure;
import io.atrium.runtime.script.Scripts;
import io.atrium.runtime.script.schedule.ScriptSchedules;
import io.atrium.ui.controls.DesignerLayout;
import io.atrium.ui.hub.DesignerHubView;
import io.atrium.ui.hub.StatusBadge;
import io.atrium.ui.security.CurrentActor;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A script module's editor: the source in Monaco with the SDK's completion and type errors, save
 * and publish (the compiler's errors listed and marked where they are), and a Run panel that calls
 * a function of the published version with sample input or a chosen item, showing the result,
 * the logs and the time taken. Analysts may read and run; developers and administrators write.
 */
@Route("designer/scripts/:namespace/:code")
@RolesAllowed({"ADMIN", "DEVELOPER", "ANALYST"})
public class ScriptEditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SDK_TYPINGS = sdkTypings();
    /** The run panel's input is a sample, not a data import. */
    private static final int MAX_INPUT_CHARS = 64 * 1024;

    private final ScriptCatalog catalog;
    private final Scripts scripts;
    private final AppCatalog apps;
    private final Items items;
    private final CurrentActor currentActor;
    private final ScriptSchedules schedules;
    private SchedulesPanel schedulesPanel;
    private final ScriptEditor editor = new ScriptEditor();
    private final Div problems = new Div();
    private final StatusBadge status = new StatusBadge();
    private final Span versions = new Span();
    private final ComboBox<String> function = new ComboBox<>();
    private final Span clientErrors = new Span();
    private ScriptRef ref;
    private ScriptModule module;
    private boolean mayWrite;

    public ScriptEditorView(ScriptCatalog catalog, Scripts scripts, AppCatalog apps, Items items,
            ScriptSchedules schedules, CurrentActor currentActor) {
        this.schedules = schedules;
        this.catalog = catalog;
        this.scripts = scripts;
        this.apps = apps;
        this.items = items;
        this.currentActor = currentActor;
        setId("script-editor");
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var actor = currentActor.get();
        try {
            ref = new ScriptRef(event.getRouteParameters().get("namespace").orElse(""),
                    event.getRouteParameters().get("code").orElse(""));
        } catch (IllegalArgumentException e) {
            unavailable();
            return;
        }
        if (!catalog.mayRead(actor)) {
            event.rerouteToError(com.vaadin.flow.router.AccessDeniedException.class);
            return;
        }
        var draft = catalog.draft(ref);
        var current = catalog.current(ref);
        if (draft.isEmpty() && current.isEmpty()) {
            unavailable();
            return;
        }
        module = draft.map(d -> d.module()).orElseGet(() -> current.orElseThrow().module());
        mayWrite = catalog.mayDevelop(actor);
        build();
    }

    private void unavailable() {
        removeAll();
        add(new H2(getTranslation("script.unavailable")), new RouterLink(getTranslation("nav.designer"),
                DesignerHubView.class));
    }

    private void build() {
        removeAll();
        var hub = new RouterLink(getTranslation("nav.designer"), DesignerHubView.class);
        var crumbs = new HorizontalLayout(hub, new Span("›"), new Span(ref.namespace()), new Span("›"),
                new Span(ref.code()));
        crumbs.addClassName("breadcrumbs");
        var title = new H2(getTranslation("script.title", ref.toString()));
        var save = new Button(getTranslation("designer.save"), e -> save(false));
        save.setId("save-script");
        var publish = new Button(getTranslation("designer.publish"), e -> save(true));
        publish.setId("publish-script");
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setVisible(mayWrite);
        publish.setVisible(mayWrite);
        var meta = new HorizontalLayout(status, versions, clientErrors);
        meta.setAlignItems(FlexComponent.Alignment.BASELINE);
        meta.setWrap(true);
        clientErrors.setId("script-client-errors");
        problems.setId("script-problems");
        editor.setId("script-source");
        editor.getElement().setAttribute("aria-label", getTranslation("script.source"));
        editor.addDiagnosticsListener(e -> clientErrors.setText(e.errors() == 0 ? ""
                : getTranslation("script.clientErrors", e.errors())));
        schedulesPanel = new SchedulesPanel(schedules, ref, currentActor::get, mayWrite, getLocale());
        add(crumbs, DesignerLayout.header(title, DesignerLayout.group(save, publish)), meta, problems, editor,
                runPanel(), schedulesPanel);
        refreshStatus();
        editor.show("file:///" + ref.namespace() + "/" + ref.code() + "." + module.language().extension(),
                module.language().apiName(), module.source(), !mayWrite, libraries());
    }

    /** The SDK and the workspace's other published modules, so imports and completion work. */
    private List<ScriptEditor.Library> libraries() {
        var out = new ArrayList<ScriptEditor.Library>();
        out.add(new ScriptEditor.Library("file:///node_modules/@types/atrium/index.d.ts", SDK_TYPINGS));
        for (var summary : catalog.summaries()) {
            var other = summary.ref();
            if (other.namespace().equals(ref.namespace()) && !other.equals(ref)) {
                catalog.current(other).ifPresent(published -> out.add(new ScriptEditor.Library(
                        "file:///" + other.namespace() + "/" + other.code() + "."
                                + published.module().language().extension(), published.module().source())));
            }
        }
        return out;
    }

    private void refreshStatus() {
        var summary = catalog.summaries().stream().filter(s -> s.ref().equals(ref)).findFirst();
        summary.ifPresent(s -> status.show(s.status()));
        var current = catalog.current(ref);
        versions.setText(current.map(p -> getTranslation("script.published", p.version(), p.publishedBy()))
                .orElse(getTranslation("script.notPublished")));
        var exports = current.map(p -> p.module().compiled().exports()).orElse(List.of());
        var chosen = function.getValue();
        function.setItems(exports);
        if (schedulesPanel != null) {
            schedulesPanel.exports(exports);
        }
        function.setValue(chosen != null && exports.contains(chosen) ? chosen : exports.contains(Scripts.DEFAULT_FUNCTION)
                ? Scripts.DEFAULT_FUNCTION : exports.stream().findFirst().orElse(null));
    }

    private void save(boolean andPublish) {
        editor.value(text -> {
            problems.removeAll();
            try {
                module = new ScriptModule(ref, module.language(), text);
                catalog.saveDraft(currentActor.get(), module);
                if (andPublish) {
                    var published = catalog.publish(currentActor.get(), ref);
                    editor.showProblems(List.of());
                    Notification.show(getTranslation("designer.published", published.version()))
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                } else {
                    Notification.show(getTranslation("script.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                }
            } catch (ScriptCompileException e) {
                showProblems(e.problems());
            } catch (AccessDeniedException e) {
                Notification.show(getTranslation("designer.denied")).addThemeVariants(NotificationVariant.LUMO_ERROR);
            } catch (IllegalArgumentException e) {
                problems.add(new Paragraph(Messages.text(e, getLocale())));
            }
            refreshStatus();
        });
    }

    private void showProblems(List<ScriptCompileException.Problem> found) {
        editor.showProblems(found);
        var list = new UnorderedList();
        for (var problem : found) {
            var place = new Button(problem.file() + ":" + problem.line() + ":" + problem.column(),
                    e -> editor.reveal(problem.line(), problem.column()));
            place.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            list.add(new ListItem(place, new Span(" " + (problem.code() == null ? "" : problem.code() + " ")
                    + problem.message())));
        }
        problems.add(new H3(getTranslation("script.problems")), list);
        problems.getStyle().set("color", "var(--lumo-error-text-color)");
    }

    private Details runPanel() {
        function.setId("run-function");
        function.setLabel(getTranslation("script.run.function"));
        function.setHelperText(getTranslation("script.run.functionHint"));
        var input = new TextArea(getTranslation("script.run.input"));
        input.setId("run-input");
        input.setValue("{}");
        input.setWidthFull();
        input.setMaxLength(MAX_INPUT_CHARS);
        input.setHelperText(getTranslation("script.run.inputHint"));
        var app = new ComboBox<PublishedApp>(getTranslation("script.run.app"));
        app.setId("run-app");
        app.setItems(apps.published());
        app.setItemLabelGenerator(a -> a.definition().name().in(getLocale()).isBlank() ? a.ref().toString()
                : a.definition().name().in(getLocale()) + " (" + a.ref() + ")");
        app.setClearButtonVisible(true);
        var itemId = new TextField(getTranslation("script.run.item"));
        itemId.setId("run-item");
        itemId.setHelperText(getTranslation("script.run.itemHint"));
        var result = new Pre();
        result.setId("run-result");
        var logs = new Pre();
        logs.setId("run-logs");
        var took = new Span();
        took.setId("run-took");
        var outcome = new Div();
        outcome.setId("run-outcome");
        var run = new Button(getTranslation("script.run"), e -> {
            outcome.removeAll();
            result.setText("");
            logs.setText("");
            took.setText("");
            ObjectNode given;
            try {
                JsonNode parsed = JSON.readTree(input.getValue().isBlank() ? "{}" : input.getValue());
                if (!parsed.isObject()) {
                    throw new IllegalArgumentException(getTranslation("script.run.inputObject"));
                }
                given = (ObjectNode) parsed;
                if (app.getValue() != null && !itemId.getValue().isBlank()) {
                    var item = items.get(currentActor.get(), app.getValue().ref(), itemId.getValue().strip());
                    given.set("item", JSON.valueToTree(ItemJson.write(item)));
                }
            } catch (JacksonException ex) {
                input.setInvalid(true);
                input.setErrorMessage(getTranslation("script.run.inputJson", ex.getOriginalMessage()));
                return;
            } catch (IllegalArgumentException ex) {
                input.setInvalid(true);
                input.setErrorMessage(ex.getMessage());
                return;
            } catch (ItemNotFoundException | AccessDeniedException ex) {
                itemId.setInvalid(true);
                itemId.setErrorMessage(getTranslation("script.run.noItem"));
                return;
            }
            input.setInvalid(false);
            itemId.setInvalid(false);
            if (function.getValue() == null) {
                outcome.add(new Paragraph(getTranslation("script.run.publishFirst")));
                return;
            }
            try {
                var ran = scripts.runDirectly(currentActor.get(), ref, function.getValue(), given);
                outcome.add(new Span(getTranslation("script.run.ok")));
                result.setText(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(ran.value()));
                logs.setText(String.join("\n", ran.log()));
                took.setText(getTranslation("script.run.took", String.format(Locale.ROOT, "%.1f", ran.durationMs())));
            } catch (ScriptFailure ex) {
                var failed = new Paragraph(getTranslation("script.run.failed." + ex.kind().name(), ex.getMessage()));
                failed.getStyle().set("color", "var(--lumo-error-text-color)");
                outcome.add(failed);
                result.setText(ex.scriptStack() == null ? "" : ex.scriptStack());
                logs.setText(String.join("\n", ex.logs()));
            } catch (AccessDeniedException | NoSuchElementException ex) {
                outcome.add(new Paragraph(Messages.text(ex, getLocale())));
            }
        });
        run.setId("run-script");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var hint = new Paragraph(getTranslation("script.run.publishedOnly"));
        hint.addClassName("hint");
        var resultTitle = new Span(getTranslation("script.run.result"));
        var logsTitle = new Span(getTranslation("script.run.logs"));
        var body = new VerticalLayout(hint, DesignerLayout.fields(function, app, itemId), input, run, outcome,
                took, resultTitle, result, logsTitle, logs);
        body.setPadding(false);
        var details = new Details(getTranslation("script.run.title"), body);
        details.setId("run-panel");
        details.setOpened(true);
        details.setWidthFull();
        return details;
    }

    private static String sdkTypings() {
        try (InputStream in = io.atrium.sdk.ScriptItems.class.getResourceAsStream("atrium.d.ts")) {
            if (in == null) {
                throw new IllegalStateException("The SDK's typings are missing from the scripts SDK");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("script.title", ref == null ? "" : ref.toString()) + " · Atrium";
    }
}
