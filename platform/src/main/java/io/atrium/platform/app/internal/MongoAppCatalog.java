package io.atrium.platform.app.internal;

import com.mongodb.client.MongoDatabase;
import io.atrium.platform.QueryTimeLimit;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.AppDraft;
import io.atrium.platform.app.AppPublished;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.AppSummary;
import io.atrium.platform.app.DefinitionValidator;
import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.MessageKey;
import io.atrium.platform.app.PublishCheck;
import io.atrium.platform.app.PublishPlan;
import io.atrium.platform.app.PublishedApp;
import io.atrium.platform.app.StoredItems;
import io.atrium.platform.app.ValidationException;
import io.atrium.platform.definition.VersionConflictException;
import io.atrium.platform.definition.VersionedStore;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * App definitions in a {@link VersionedStore} of kind {@code app}. Publishing validates the
 * draft, checks what stored items can follow, creates indexes and fills defaults before the new
 * version becomes current. Every item read and write asks for the current version; the store
 * keeps it cached.
 */
@Service
class MongoAppCatalog implements AppCatalog {

    private final VersionedStore<AppDefinition> store;
    private final StoredItems items;
    private final ApplicationEventPublisher events;
    private final DefinitionValidator validator = new DefinitionValidator();

    /** Asked lazily: the checks' features read the catalog themselves. */
    private final ObjectProvider<PublishCheck> checks;

    MongoAppCatalog(MongoDatabase database, StoredItems items, ApplicationEventPublisher events,
            QueryTimeLimit timeLimit, ObjectProvider<PublishCheck> checks) {
        this.store = new VersionedStore<>(database, "app", AppDefinition.class, timeLimit);
        this.items = items;
        this.events = events;
        this.checks = checks;
    }

    @Override
    public AppDraft saveDraft(AppDefinition definition, String user) {
        return toDraft(store.saveDraft(key(definition.ref()), definition, user));
    }

    @Override
    public Optional<AppDraft> draft(AppRef ref) {
        return store.draft(key(ref)).map(MongoAppCatalog::toDraft);
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
        checks.forEach(check -> errors.addAll(check.problems(definition)));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        items.ensureIndexes(definition);
        VersionedStore.Version<AppDefinition> version;
        try {
            version = store.publish(key(ref), definition, user, new Document("namespace", ref.namespace())
                    .append("code", ref.code()));
        } catch (VersionConflictException e) {
            throw new ValidationException(List.of(FieldError.of("", "conflict", MessageKey.VERSION_CONFLICT, e.version(), e.key())));
        }
        plan.fills().forEach(fill -> items.fillMissing(ref, fill.field(), fill.value()));
        events.publishEvent(new AppPublished(ref, version.version(), user));
        return toPublished(version);
    }

    @Override
    public Optional<PublishedApp> current(AppRef ref) {
        return store.current(key(ref)).map(MongoAppCatalog::toPublished);
    }

    @Override
    public Optional<PublishedApp> version(AppRef ref, int version) {
        return store.version(key(ref), version).map(MongoAppCatalog::toPublished);
    }

    @Override
    public List<PublishedApp> versions(AppRef ref) {
        return store.versions(key(ref)).stream().map(MongoAppCatalog::toPublished).toList();
    }

    @Override
    public List<PublishedApp> published() {
        return store.currentVersions().values().stream().map(MongoAppCatalog::toPublished).toList();
    }

    @Override
    public AppDraft restoreAsDraft(AppRef ref, int version, String user) {
        var published = version(ref, version)
                .orElseThrow(() -> new NoSuchElementException(ref + " has no version " + version));
        return saveDraft(published.definition(), user);
    }

    @Override
    public List<AppSummary> summaries() {
        return store.listed().stream().map(listed -> new AppSummary(listed.definition(), listed.status())).toList();
    }

    private static String key(AppRef ref) {
        return ref.toString();
    }

    private static AppDraft toDraft(VersionedStore.Draft<AppDefinition> draft) {
        return new AppDraft(draft.definition(), draft.basedOnVersion(), draft.updatedAt(), draft.updatedBy());
    }

    private static PublishedApp toPublished(VersionedStore.Version<AppDefinition> version) {
        return new PublishedApp(version.version(), version.definition(), version.publishedAt(),
                version.publishedBy());
    }
}
