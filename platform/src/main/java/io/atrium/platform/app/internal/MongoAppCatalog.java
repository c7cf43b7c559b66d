package io.atrium.platform.app.internal;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.AppDraft;
import io.atrium.platform.app.AppPublished;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.DefinitionValidator;
import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.PublishedApp;
import io.atrium.platform.app.PublishPlan;
import io.atrium.platform.app.StoredItems;
import io.atrium.platform.app.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.bson.Document;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Definitions in three collections: {@code app_drafts} (one per app), {@code app_versions}
 * (immutable, keyed {@code namespace/code@version}, so two nodes publishing at once cannot both
 * take the same number) and {@code apps} (the current version of each app).
 *
 * <p>Every item read and write asks for the current version, so it is cached: published
 * versions never change and are kept, and which version is current is re-read at most every
 * {@link #CURRENT_TTL_NANOS} (a version published on another node is seen within that time; on
 * this node at once).
 */
@Service
class MongoAppCatalog implements AppCatalog {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final long CURRENT_TTL_NANOS = 1_000_000_000L;

    /** Which version is current, and when that was read. */
    private record Pointer(int version, long readAt) {
    }

    private final java.util.Map<String, Pointer> currentVersions = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, PublishedApp> publishedVersions =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final MongoCollection<Document> drafts;
    private final MongoCollection<Document> versions;
    private final MongoCollection<Document> apps;
    private final StoredItems items;
    private final ApplicationEventPublisher events;
    private final DefinitionValidator validator = new DefinitionValidator();

    MongoAppCatalog(MongoDatabase database, StoredItems items, ApplicationEventPublisher events) {
        this.drafts = database.getCollection("app_drafts");
        this.versions = database.getCollection("app_versions");
        this.apps = database.getCollection("apps");
        this.items = items;
        this.events = events;
    }

    @Override
    public AppDraft saveDraft(AppDefinition definition, String user) {
        int basedOn = current(definition.ref()).map(PublishedApp::version).orElse(0);
        var draft = new AppDraft(definition, draft(definition.ref()).map(AppDraft::basedOnVersion).orElse(basedOn),
                Instant.now(), user);
        drafts.replaceOne(Filters.eq("_id", key(definition.ref())), new Document("_id", key(definition.ref()))
                        .append("definition", toDocument(definition)).append("basedOnVersion", draft.basedOnVersion())
                        .append("updatedAt", Date.from(draft.updatedAt())).append("updatedBy", user),
                new ReplaceOptions().upsert(true));
        return draft;
    }

    @Override
    public Optional<AppDraft> draft(AppRef ref) {
        return Optional.ofNullable(drafts.find(Filters.eq("_id", key(ref))).first())
                .map(d -> new AppDraft(toDefinition(d.get("definition", Document.class)),
                        d.getInteger("basedOnVersion", 0), d.getDate("updatedAt").toInstant(), d.getString("updatedBy")));
    }

    @Override
    public PublishedApp publish(AppRef ref, String user) {
        AppDraft draft = draft(ref).orElseThrow(() -> new NoSuchElementException("There is no draft of " + ref));
        var definition = draft.definition();
        var errors = new ArrayList<>(validator.validate(definition, target -> current(target).isPresent()
                || target.equals(ref)));
        var previous = current(ref);
        var plan = previous.map(p -> PublishPlan.between(p.definition(), definition, items))
                .orElse(PublishPlan.none());
        errors.addAll(plan.errors());
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        int version = previous.map(PublishedApp::version).orElse(0) + 1;
        var published = new PublishedApp(version, definition, Instant.now(), user);
        items.ensureIndexes(definition);
        try {
            versions.insertOne(new Document("_id", key(ref) + "@" + version).append("app", key(ref))
                    .append("version", version).append("definition", toDocument(definition))
                    .append("publishedAt", Date.from(published.publishedAt())).append("publishedBy", user));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new ValidationException(List.of(new FieldError("", "conflict",
                        "version " + version + " of " + ref + " was published by someone else just now; try again")));
            }
            throw e;
        }
        plan.fills().forEach(fill -> items.fillMissing(ref, fill.field(), fill.value()));
        apps.replaceOne(Filters.eq("_id", key(ref)), new Document("_id", key(ref)).append("namespace", ref.namespace())
                .append("code", ref.code()).append("version", version), new ReplaceOptions().upsert(true));
        currentVersions.remove(key(ref));
        drafts.updateOne(Filters.eq("_id", key(ref)), new Document("$set", new Document("basedOnVersion", version)));
        events.publishEvent(new AppPublished(ref, version, user));
        return published;
    }

    @Override
    public Optional<PublishedApp> current(AppRef ref) {
        long now = System.nanoTime();
        Pointer pointer = currentVersions.get(key(ref));
        if (pointer == null || now - pointer.readAt() > CURRENT_TTL_NANOS) {
            Document app = apps.find(Filters.eq("_id", key(ref))).first();
            if (app == null) {
                currentVersions.remove(key(ref));
                return Optional.empty();
            }
            pointer = new Pointer(app.getInteger("version"), now);
            currentVersions.put(key(ref), pointer);
        }
        return version(ref, pointer.version());
    }

    @Override
    public Optional<PublishedApp> version(AppRef ref, int version) {
        String id = key(ref) + "@" + version;
        PublishedApp cached = publishedVersions.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        var found = Optional.ofNullable(versions.find(Filters.eq("_id", id)).first()).map(MongoAppCatalog::toPublished);
        found.ifPresent(p -> publishedVersions.put(id, p)); // immutable once published
        return found;
    }

    @Override
    public List<PublishedApp> versions(AppRef ref) {
        return versions.find(Filters.eq("app", key(ref))).sort(Sorts.ascending("version"))
                .map(MongoAppCatalog::toPublished).into(new ArrayList<>());
    }

    @Override
    public List<PublishedApp> published() {
        var result = new ArrayList<PublishedApp>();
        for (Document app : apps.find().sort(Sorts.ascending("_id"))) {
            version(new AppRef(app.getString("namespace"), app.getString("code")), app.getInteger("version"))
                    .ifPresent(result::add);
        }
        return result;
    }

    @Override
    public AppDraft restoreAsDraft(AppRef ref, int version, String user) {
        var published = version(ref, version)
                .orElseThrow(() -> new NoSuchElementException(ref + " has no version " + version));
        return saveDraft(published.definition(), user);
    }

    private static String key(AppRef ref) {
        return ref.toString();
    }

    private static Document toDocument(AppDefinition definition) {
        return Document.parse(JSON.writeValueAsString(definition));
    }

    private static AppDefinition toDefinition(Document document) {
        return JSON.readValue(document.toJson(), AppDefinition.class);
    }

    private static PublishedApp toPublished(Document d) {
        return new PublishedApp(d.getInteger("version"), toDefinition(d.get("definition", Document.class)),
                d.getDate("publishedAt").toInstant(), d.getString("publishedBy"));
    }
}
