package io.atrium.ui.processes;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.atrium.platform.app.Messages;
import io.atrium.platform.process.ProcessCatalog;
import io.atrium.platform.process.ProcessDraft;
import io.atrium.platform.process.ProcessRef;
import io.atrium.platform.process.PublishedProcess;
import io.atrium.ui.security.CurrentActor;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.function.Consumer;

/** A process's published versions, newest first: look at one read-only, or make it the draft again. */
final class ProcessVersionsDialog extends Dialog {

    private final ProcessCatalog catalog;
    private final CurrentActor currentActor;
    private final ProcessRef ref;
    private final Consumer<ProcessDraft> restored;

    ProcessVersionsDialog(ProcessCatalog catalog, CurrentActor currentActor, ProcessRef ref,
            Consumer<ProcessDraft> restored) {
        this.catalog = catalog;
        this.currentActor = currentActor;
        this.ref = ref;
        this.restored = restored;
        setId("process-versions-dialog");
        setHeaderTitle(getTranslation("process.versions.title", ref.toString()));
        setWidth("min(56rem, 96vw)");
        var versions = catalog.versions(ref).stream()
                .sorted(Comparator.comparingInt(PublishedProcess::version).reversed()).toList();
        if (versions.isEmpty()) {
            add(new Paragraph(getTranslation("process.versions.none")));
        } else {
            var grid = new Grid<PublishedProcess>();
            grid.setId("process-versions");
            grid.addColumn(v -> "v" + v.version()).setHeader(getTranslation("process.versions.version"))
                    .setAutoWidth(true).setFlexGrow(0);
            grid.addColumn(v -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale())
                    .withZone(ZoneId.systemDefault()).format(v.publishedAt()))
                    .setHeader(getTranslation("process.versions.published")).setAutoWidth(true);
            grid.addColumn(PublishedProcess::publishedBy).setHeader(getTranslation("process.versions.by"))
                    .setAutoWidth(true);
            grid.addComponentColumn(this::actions).setHeader("").setFlexGrow(1);
            grid.setItems(versions);
            grid.setAllRowsVisible(true);
            add(grid);
        }
        var close = new Button(getTranslation("process.close"), e -> close());
        close.setId("process-versions-close");
        getFooter().add(close);
    }

    private HorizontalLayout actions(PublishedProcess version) {
        var view = new Button(getTranslation("process.versions.view"), e -> view(version));
        view.setId("process-version-view-" + version.version());
        view.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        var restore = new Button(getTranslation("process.versions.restore"), e -> confirmRestore(version));
        restore.setId("process-version-restore-" + version.version());
        restore.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        var row = new HorizontalLayout(view, restore);
        row.setSpacing(false);
        row.setWrap(true);
        return row;
    }

    private void view(PublishedProcess version) {
        var dialog = new Dialog();
        dialog.setId("process-version-dialog");
        dialog.setHeaderTitle(getTranslation("process.versions.viewTitle", ref.toString(), version.version()));
        dialog.setWidth("min(72rem, 96vw)");
        var viewer = new BpmnModeler(BpmnModeler.Mode.VIEW, getLocale());
        viewer.setId("process-version-viewer");
        viewer.setWidthFull();
        viewer.setHeight("60vh");
        viewer.show(version.definition().bpmn());
        dialog.add(viewer);
        var close = new Button(getTranslation("process.close"), e -> dialog.close());
        dialog.getFooter().add(close);
        dialog.open();
    }

    private void confirmRestore(PublishedProcess version) {
        var confirm = new ConfirmDialog(getTranslation("process.versions.restoreTitle", version.version()),
                getTranslation("process.versions.restoreText"), getTranslation("process.versions.restore"), e -> {
                    try {
                        var draft = catalog.restoreAsDraft(currentActor.get(), ref, version.version());
                        Notification.show(getTranslation("process.versions.restored", version.version()))
                                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                        close();
                        restored.accept(draft);
                    } catch (RuntimeException problem) {
                        Notification.show(Messages.text(problem, getLocale()))
                                .addThemeVariants(NotificationVariant.LUMO_ERROR);
                    }
                });
        confirm.setId("process-restore-confirm");
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("process.cancel"));
        confirm.open();
    }
}
