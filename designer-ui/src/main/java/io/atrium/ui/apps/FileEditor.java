package io.atrium.ui.apps;

import io.atrium.ui.i18n.Translations;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import io.atrium.platform.access.AccessDeniedException;
import io.atrium.platform.access.Actor;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.FieldDefinition;
import io.atrium.platform.app.Messages;
import io.atrium.platform.app.ValidationException;
import io.atrium.platform.item.FileTooLargeException;
import io.atrium.platform.item.ItemFiles;
import io.atrium.platform.item.StoredFile;
import io.atrium.ui.controls.RemoveButton;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A file field on the item card: the files it holds, each downloadable once the item is saved,
 * and an upload that stores a new file for the field. Saving the item attaches the uploads.
 */
final class FileEditor implements FieldEditor {

    private final FieldDefinition field;
    private final ItemFiles store;
    private final Actor actor;
    private final AppRef app;
    private final Supplier<String> itemId;
    private final List<String> ids = new ArrayList<>();
    private final Map<String, StoredFile> known = new LinkedHashMap<>();
    /** Uploaded in this card and not saved yet: not downloadable through the item until it is. */
    private final Set<String> fresh = new HashSet<>();
    private final List<Runnable> listeners = new ArrayList<>();
    private final VerticalLayout root = new VerticalLayout();
    private final Div files = new Div();
    private final Span error = new Span();
    private final Upload upload;
    private boolean readOnly;

    FileEditor(FieldDefinition field, String label, ItemFiles store, Actor actor, AppRef app, Supplier<String> itemId) {
        this.field = field;
        this.store = store;
        this.actor = actor;
        this.app = app;
        this.itemId = itemId;
        var caption = new Span(label + (field.required() ? " *" : ""));
        caption.addClassName("file-field-label");
        caption.getStyle().set("font-size", "var(--lumo-font-size-s)").set("font-weight", "500")
                .set("color", "var(--lumo-secondary-text-color)").set("padding-bottom", "var(--lumo-space-xs)");
        upload = new Upload((UploadHandler) this::receive);
        upload.setMaxFiles(field.multiple() ? 20 : 1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, store.maxSize()));
        upload.addAllFinishedListener(e -> upload.clearFileList());
        upload.setI18n(texts(root));
        error.addClassName("field-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)").set("font-size", "var(--lumo-font-size-s)");
        root.setPadding(false);
        root.setSpacing(false);
        root.add(caption, files, upload, error);
    }

    /** The upload's own words in the UI's language (it says "Upload File..." otherwise). */
    private static UploadI18N texts(Component translator) {
        return new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles().setOne(translator.getTranslation("upload.add"))
                        .setMany(translator.getTranslation("upload.addMany")))
                .setDropFiles(new UploadI18N.DropFiles().setOne(translator.getTranslation("upload.drop"))
                        .setMany(translator.getTranslation("upload.dropMany")))
                .setError(new UploadI18N.Error().setTooManyFiles(translator.getTranslation("upload.tooMany"))
                        .setFileIsTooBig(translator.getTranslation("upload.tooBig"))
                        .setIncorrectFileType(translator.getTranslation("upload.wrongType")));
    }

    /** Runs on the upload's request thread; the card is changed under the session's lock. */
    private void receive(com.vaadin.flow.server.streams.UploadEvent event) throws java.io.IOException {
        var ui = event.getUI();
        try (InputStream content = event.getInputStream()) {
            StoredFile stored = store.upload(actor, app, field.code(), event.getFileName(), event.getContentType(),
                    content);
            ui.access(() -> {
                if (!field.multiple()) {
                    ids.clear();
                }
                ids.add(stored.id());
                fresh.add(stored.id());
                known.put(stored.id(), stored);
                error(null);
                render();
                listeners.forEach(Runnable::run);
            });
        } catch (FileTooLargeException | ValidationException | AccessDeniedException e) {
            var locale = ui.getLocale();
            String message = switch (e) {
                case FileTooLargeException large -> Translations.text(locale, "file.tooLarge",
                        ItemText.size(large.limit()));
                case AccessDeniedException denied -> Translations.text(locale, "file.denied");
                default -> Messages.text(e, locale);
            };
            event.reject(message);
            ui.access(() -> error(message));
        }
    }

    private void render() {
        files.removeAll();
        for (String id : ids) {
            StoredFile file = known.get(id);
            String name = file == null ? id : file.name();
            Component title;
            if (itemId.get() != null && file != null && !fresh.contains(id)) {
                var link = new Anchor(download(id, file), name);
                link.addClassName("file-link");
                title = link;
            } else {
                title = new Span(name);
            }
            var size = new Span(file == null ? "" : ItemText.size(file.size()));
            size.getStyle().set("color", "var(--lumo-secondary-text-color)");
            size.addClassName("file-size");
            var remove = new RemoveButton(root.getTranslation("file.remove", name), () -> {
                ids.remove(id);
                render();
                listeners.forEach(Runnable::run);
            }).explaining(root.getTranslation("file.removeText"));
            remove.setVisible(!readOnly);
            var row = new HorizontalLayout(VaadinIcon.FILE_O.create(), title, size, remove);
            row.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.CENTER);
            row.addClassName("file-row");
            files.add(row);
        }
    }

    private DownloadHandler download(String id, StoredFile file) {
        String holder = itemId.get();
        return DownloadHandler.fromInputStream(event -> {
            var opened = store.open(actor, app, holder, id);
            return new DownloadResponse(opened.content(), file.name(), file.contentType(), file.size());
        });
    }

    @Override
    public Component component() {
        return root;
    }

    @Override
    public Object value() {
        if (ids.isEmpty()) {
            return null;
        }
        return field.multiple() ? List.copyOf(ids) : ids.getFirst();
    }

    @Override
    public void show(Object stored) {
        ids.clear();
        fresh.clear();
        if (stored instanceof List<?> list) {
            list.forEach(v -> ids.add(String.valueOf(v)));
        } else if (stored != null) {
            ids.add(stored.toString());
        }
        known.putAll(store.describe(ids));
        render();
    }

    @Override
    public void error(String message) {
        error.setText(message == null ? "" : message);
        error.setVisible(message != null);
    }

    @Override
    public void readOnly(boolean readOnly) {
        this.readOnly = readOnly;
        upload.setVisible(!readOnly);
        render();
    }

    @Override
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }
}
