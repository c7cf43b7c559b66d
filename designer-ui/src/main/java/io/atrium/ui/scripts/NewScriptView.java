package io.atrium.ui.scripts;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.Messages;
import io.atrium.platform.app.PublishedApp;
import io.atrium.platform.script.ScriptCatalog;
import io.atrium.platform.script.ScriptLanguage;
import io.atrium.platform.script.ScriptModule;
import io.atrium.platform.script.ScriptRef;
import io.atrium.ui.controls.DesignerLayout;
import io.atrium.ui.hub.DesignerHubView;
import io.atrium.ui.security.CurrentActor;
import jakarta.annotation.security.RolesAllowed;
import java.util.TreeSet;

/** A new script module: its workspace, code and language; it starts with a function to fill in. */
@Route("designer/scripts")
@RolesAllowed({"ADMIN", "DEVELOPER"})
public class NewScriptView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ScriptCatalog catalog;
    private final CurrentActor currentActor;
    private final ComboBox<String> workspace = new ComboBox<>();
    private final TextField code = new TextField();
    private final RadioButtonGroup<ScriptLanguage> language = new RadioButtonGroup<>();

    public NewScriptView(ScriptCatalog catalog, AppCatalog apps, CurrentActor currentActor) {
        this.catalog = catalog;
        this.currentActor = currentActor;
        setId("new-script");
        var workspaces = new TreeSet<String>();
        apps.published().stream().map(PublishedApp::ref).forEach(ref -> workspaces.add(ref.namespace()));
        catalog.summaries().forEach(summary -> workspaces.add(summary.ref().namespace()));
        workspace.setId("new-script-workspace");
        workspace.setLabel(getTranslation("script.workspace"));
        workspace.setHelperText(getTranslation("script.workspaceHint"));
        workspace.setItems(workspaces);
        workspace.setAllowCustomValue(true);
        workspace.addCustomValueSetListener(e -> workspace.setValue(e.getDetail().strip()));
        if (workspaces.size() == 1) {
            workspace.setValue(workspaces.first());
        }
        code.setId("new-script-code");
        code.setLabel(getTranslation("script.code"));
        code.setHelperText(getTranslation("script.codeHint"));
        code.setMaxLength(64);
        language.setId("new-script-language");
        language.setLabel(getTranslation("script.language"));
        language.setItems(ScriptLanguage.values());
        language.setItemLabelGenerator(l -> getTranslation("script.language." + l.name()));
        language.setValue(ScriptLanguage.TYPESCRIPT);
        var create = new Button(getTranslation("script.create"), e -> create());
        create.setId("new-script-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var hub = new RouterLink(getTranslation("nav.designer"), DesignerHubView.class);
        var crumbs = new HorizontalLayout(hub, new Span("›"), new Span(getTranslation("script.new")));
        crumbs.addClassName("breadcrumbs");
        add(crumbs, new H2(getTranslation("script.new")), new Paragraph(getTranslation("script.newText")),
                DesignerLayout.fields(workspace, code, language), create);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!catalog.mayDevelop(currentActor.get())) {
            event.rerouteToError(AccessDeniedException.class);
        }
    }

    private void create() {
        workspace.setInvalid(false);
        code.setInvalid(false);
        ScriptRef ref;
        try {
            ref = new ScriptRef(workspace.getValue() == null ? "" : workspace.getValue().strip(),
                    code.getValue().strip());
        } catch (IllegalArgumentException e) {
            boolean workspaceWrong = workspace.getValue() == null
                    || !workspace.getValue().strip().matches("[a-z][a-z0-9_]{0,39}");
            com.vaadin.flow.component.HasValidation field = workspaceWrong ? workspace : code;
            field.setErrorMessage(Messages.text(e, getLocale()));
            field.setInvalid(true);
            return;
        }
        if (catalog.draft(ref).isPresent() || catalog.current(ref).isPresent()) {
            code.setErrorMessage(getTranslation("script.codeTaken", ref.toString()));
            code.setInvalid(true);
            return;
        }
        catalog.saveDraft(currentActor.get(), new ScriptModule(ref, language.getValue(), starter(language.getValue())));
        getUI().ifPresent(ui -> ui.navigate("designer/scripts/" + ref));
    }

    /** A first function that shows the shape of one: input in, the SDK used, a value out. */
    static String starter(ScriptLanguage language) {
        return language == ScriptLanguage.TYPESCRIPT ? """
                import { log, context } from 'atrium';

                export function run(input: { name?: string }) {
                  log.info('called by ' + context.user.username);
                  return { greeting: 'Hello, ' + (input?.name ?? 'world') };
                }
                """ : """
                import { log, context } from 'atrium';

                export function run(input) {
                  log.info('called by ' + context.user.username);
                  return { greeting: 'Hello, ' + (input && input.name ? input.name : 'world') };
                }
                """;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("script.new") + " · Atrium";
    }
}
