package io.atrium.ui.processes;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.atrium.platform.access.AccessPolicy;
import io.atrium.platform.access.Permission;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.PublishedApp;
import io.atrium.platform.form.FormCatalog;
import io.atrium.platform.form.FormPurpose;
import io.atrium.platform.form.FormSummary;
import io.atrium.platform.process.ProcessRef;
import io.atrium.ui.controls.TaskFormOwner;
import io.atrium.ui.hub.StatusBadge;
import io.atrium.ui.security.CurrentActor;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The task forms of one process, by step: open one in the form designer, or create one for a new
 * step on the app whose item the task shows. Opening the designer leaves the modeler, so the
 * drawing is saved first (the caller's {@code leave} does it, then goes).
 */
final class TaskFormsDialog extends Dialog {

    TaskFormsDialog(ProcessRef process, FormCatalog forms, AppCatalog apps, AccessPolicy access,
            CurrentActor currentActor, Consumer<String> leave) {
        setId("task-forms-dialog");
        Consumer<String> go = location -> {
            close(); // a dialog stays over whatever view comes next
            leave.accept(location);
        };
        setHeaderTitle(getTranslation("process.taskForms.title", process.toString()));
        setWidth("min(44rem, 96vw)");
        var actor = currentActor.get();
        var appNames = apps.published().stream().collect(Collectors.toMap(app -> app.ref(),
                app -> app.definition().name().in(getLocale()), (a, b) -> a));
        var owned = forms.summaries().stream().filter(form -> form.ref().purpose() == FormPurpose.TASK
                        && TaskFormOwner.parse(form.ref().owner()).filter(o -> o.process().equals(process)).isPresent())
                .sorted(Comparator.comparing((FormSummary form) -> form.ref().owner())).toList();

        var list = new Div();
        list.setId("task-forms");
        list.addClassName("task-forms");
        if (owned.isEmpty()) {
            var empty = new Paragraph(getTranslation("process.taskForms.empty"));
            empty.setId("task-forms-empty");
            list.add(empty);
        }
        for (var form : owned) {
            var owner = TaskFormOwner.parse(form.ref().owner()).orElseThrow();
            var step = new Span(owner.step());
            step.addClassName("task-form-step");
            var app = new Span(appNames.getOrDefault(form.ref().app(), form.ref().app().toString()));
            var design = new Button(getTranslation("process.taskForms.design"),
                    e -> go.accept(owner.designerPath(form.ref().app())));
            design.setId("task-form-design-" + owner.step());
            design.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            var row = new HorizontalLayout(step, app, new StatusBadge(form.status()), design);
            row.setAlignItems(FlexComponent.Alignment.CENTER);
            row.setWrap(true);
            row.addClassName("task-form-row");
            list.add(row);
        }

        var designable = access.permitted(actor, apps.published().stream().map(PublishedApp::ref).toList(),
                Permission.ADMINISTER);
        var app = new ComboBox<AppRef>(getTranslation("process.taskForms.app"));
        app.setId("task-form-app");
        app.setItems(designable.stream().sorted(Comparator.comparing(AppRef::toString)).toList());
        app.setItemLabelGenerator(ref -> appNames.getOrDefault(ref, ref.code()) + " (" + ref + ")");
        app.setPlaceholder(getTranslation("process.taskForms.chooseApp"));
        app.setWidthFull();
        var step = new TextField(getTranslation("process.taskForms.step"));
        step.setId("task-form-step");
        step.setHelperText(getTranslation("process.taskForms.stepHelp"));
        step.setMaxLength(63);
        step.setWidthFull();
        var create = new Button(getTranslation("process.taskForms.create"), e -> {
            boolean valid = TaskFormOwner.STEP.matcher(step.getValue().strip()).matches();
            step.setInvalid(!valid);
            step.setErrorMessage(valid ? null : getTranslation("process.taskForms.stepInvalid"));
            app.setInvalid(app.getValue() == null);
            app.setErrorMessage(app.getValue() == null ? getTranslation("process.taskForms.chooseApp") : null);
            if (valid && app.getValue() != null) {
                go.accept(new TaskFormOwner(process, step.getValue().strip()).designerPath(app.getValue()));
            }
        });
        create.setId("task-form-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var fresh = new Div(step, app);
        fresh.addClassName("task-form-new");
        add(list);
        if (designable.isEmpty()) {
            add(new Paragraph(getTranslation("process.taskForms.noApps")));
            create.setEnabled(false);
        } else {
            add(fresh);
        }
        var close = new Button(getTranslation("process.close"), e -> close());
        close.setId("task-forms-close");
        getFooter().add(close, create);
    }
}
