package io.atrium.platform.item;

import io.atrium.platform.access.AccessPolicy;
import io.atrium.platform.access.Actor;
import io.atrium.platform.access.Permission;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.MessageKey;
import io.atrium.platform.app.FieldType;
import io.atrium.platform.app.PublishedApp;
import io.atrium.platform.app.ValidationException;
import io.atrium.platform.item.internal.FileBucket;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Files of file fields: uploading one for a field, and reading one through the item that holds
 * it. Attaching uploads to items happens in {@link Items}, with the write that takes them.
 */
@Service
public class ItemFiles {

    private final Items items;
    private final AccessPolicy access;
    private final AppCatalog catalog;
    private final FileBucket files;

    public ItemFiles(Items items, AccessPolicy access, AppCatalog catalog, FileBucket files) {
        this.items = items;
        this.access = access;
        this.catalog = catalog;
        this.files = files;
    }

    /**
     * Stores a file for a file field, to be given to an item of the app by its id. Whoever may
     * create or update the app's items may upload.
     *
     * @throws FileTooLargeException if it is over the limit; nothing is kept
     */
    public StoredFile upload(Actor actor, AppRef ref, String field, String name, String contentType,
            InputStream content) {
        if (access.scope(actor, ref, Permission.CREATE).isEmpty()) {
            access.require(actor, ref, Permission.UPDATE);
        }
        var app = published(ref);
        var errors = new ArrayList<FieldError>();
        if (app.definition().field(field).filter(f -> f.type() == FieldType.FILE).isEmpty()) {
            errors.add(FieldError.of("field", "type", MessageKey.FILE_FIELD_UNKNOWN, field, ref.toString()));
        }
        String cleanName = name == null ? "" : name.replaceAll("^.*[/\\\\]", "").strip();
        if (cleanName.isEmpty() || cleanName.length() > 255 || cleanName.chars().anyMatch(Character::isISOControl)) {
            errors.add(FieldError.of("name", "format", MessageKey.FILE_NAME_FORMAT));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String type = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
        return files.store(ref, field, actor.username(), cleanName, type, content);
    }

    /** The largest file an upload may be, in bytes. */
    public long maxSize() {
        return files.maxSize();
    }

    /** The stored files among the ids, as far as they exist; for showing names and sizes. */
    public Map<String, StoredFile> describe(Collection<String> ids) {
        return files.describe(ids);
    }

    /** Opens a file the item holds in one of its file fields, for a reader of the item. */
    public FileDownload open(Actor actor, AppRef ref, String itemId, String fileId) {
        var item = items.get(actor, ref, itemId);
        boolean held = published(ref).definition().fields().stream().filter(f -> f.type() == FieldType.FILE)
                .anyMatch(f -> LinkChecks.valuesOf(item.values().get(f.code())).contains(fileId));
        Optional<InputStream> content = held ? files.open(itemId, fileId) : Optional.empty();
        if (content.isEmpty()) {
            throw new ItemNotFoundException("Item " + itemId + " of " + ref + " holds no file " + fileId);
        }
        return new FileDownload(files.describe(List.of(fileId)).get(fileId), content.get());
    }

    private PublishedApp published(AppRef ref) {
        return catalog.current(ref).orElseThrow(() -> new NoSuchElementException(ref + " is not published"));
    }
}
