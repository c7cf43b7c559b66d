package io.atrium.ui.apps;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.ValidationException;
import io.atrium.platform.form.FormDefinition;
import io.atrium.platform.form.FormJs;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The form designer's Camunda Forms (form-js) exchange: export the form being designed, import a
 * schema in its place, and say what the import did not carry over.
 */
final class FormJsExchange extends HorizontalLayout {

    /** A form-js schema is a few kilobytes; anything near this is not one. */
    private static final int MAX_SCHEMA_BYTES = 2 * 1024 * 1024;

    private final AppDefinition app;
    private final Locale locale;
    private final Supplier<FormDefinition> form;

    /**
     * @param onImport  takes the imported form in place of the one being designed
     * @param onInvalid shows why a file was not a form-js schema
     */
    FormJsExchange(AppDefinition app, Locale locale, Supplier<FormDefinition> form, Consumer<FormDefinition> onImport,
            Consumer<ValidationException> onInvalid) {
        this.app = app;
        this.locale = locale;
        this.form = form;
        setAlignItems(Alignment.BASELINE);
        add(exportLink(), importButton(onImport, onInvalid));
    }

    private Anchor exportLink() {
        DownloadHandler handler = event -> {
            var current = form.get();
            var export = FormJs.write(current, app, locale);
            event.setFileName(app.ref().code() + "-" + current.ref().purpose().name().toLowerCase(Locale.ROOT)
                    + ".form");
            event.setContentType("application/json");
            event.getOutputStream().write(export.schema().getBytes(StandardCharsets.UTF_8));
        };
        var link = new Anchor(handler, getTranslation("form.export"));
        link.setId("export-form-js");
        link.getElement().setAttribute("download", true);
        return link;
    }

    private Upload importButton(Consumer<FormDefinition> onImport, Consumer<ValidationException> onInvalid) {
        var upload = new Upload((UploadHandler) event -> {
            String schema = new String(event.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            event.getUI().access(() -> {
                try {
                    var imported = FormJs.read(schema, form.get().ref(), app, locale);
                    onImport.accept(imported.form());
                    showReport(imported.notCarried());
                } catch (ValidationException e) {
                    onInvalid.accept(e);
                }
            });
        });
        upload.setId("import-form-js");
        upload.setAcceptedFileTypes(".form", ".json", "application/json");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_SCHEMA_BYTES);
        upload.setDropAllowed(false);
        upload.setUploadButton(new Button(getTranslation("form.import"), VaadinIcon.UPLOAD.create()));
        upload.addAllFinishedListener(e -> upload.clearFileList());
        return upload;
    }

    private void showReport(List<String> notCarried) {
        if (notCarried.isEmpty()) {
            Notification.show(getTranslation("form.imported")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            return;
        }
        var dialog = new Dialog();
        dialog.setId("import-report");
        dialog.setHeaderTitle(getTranslation("form.importReport"));
        var list = new UnorderedList();
        notCarried.forEach(line -> list.add(new ListItem(line)));
        dialog.add(list);
        dialog.getFooter().add(new Button(getTranslation("form.close"), e -> dialog.close()));
        dialog.open();
    }
}
