package io.atrium.platform.process.internal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.atrium.platform.QueryTimeLimit;
import io.atrium.platform.access.AccessDeniedException;
import io.atrium.platform.access.Actor;
import io.atrium.platform.app.Absence;
import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.MessageKey;
import io.atrium.platform.app.ValidationException;
import io.atrium.platform.definition.VersionConflictException;
import io.atrium.platform.definition.VersionedStore;
import io.atrium.platform.identity.Role;
import io.atrium.platform.process.ProcessCatalog;
import io.atrium.platform.process.ProcessDefinition;
import io.atrium.platform.process.ProcessDeployer;
import io.atrium.platform.process.ProcessDraft;
import io.atrium.platform.process.ProcessPublished;
import io.atrium.platform.process.ProcessRef;
import io.atrium.platform.process.ProcessSummary;
import io.atrium.platform.process.PublishedProcess;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Processes in a {@link VersionedStore} of kind {@code process}, keyed {@code workspace/code}.
 * A version is recorded only after its deployment succeeded, so every published version runs.
 */
@Service
class MongoProcessCatalog implements ProcessCatalog {

    private final VersionedStore<ProcessDefinition> store;
    private final MongoCollection<Document> versionDocuments;
    private final ObjectProvider<ProcessDeployer> deployer;
    private final ApplicationEventPublisher events;
    /** Published versions never change: each is kept once found by its engine definition. */
    private final Map<Long, PublishedProcess> byKey = new ConcurrentHashMap<>();

    MongoProcessCatalog(MongoDatabase database, ObjectProvider<ProcessDeployer> deployer,
            ApplicationEventPublisher events, QueryTimeLimit timeLimit) {
        this.store = new VersionedStore<>(database, "process", ProcessDefinition.class, timeLimit);
        this.versionDocuments = database.getCollection("process_versions");
        versionDocuments.createIndex(Indexes.ascending("definition.deployment.definitionKey"), new IndexOptions().sparse(true));
        this.deployer = deployer;
        this.events = events;
    }

    @Override
    public boolean mayDesign(Actor actor) {
        return actor.has(Role.ADMIN) || actor.has(Role.ANALYST);
    }

    @Override
    public ProcessDraft saveDraft(Actor actor, ProcessDefinition definition) {
        requireDesigner(actor);
        var draft = store.saveDraft(definition.ref().toString(), definition.drawing(), actor.username());
        return new ProcessDraft(draft.definition(), draft.basedOnVersion(), draft.updatedAt(), draft.updatedBy());
    }

    @Override
    public Optional<ProcessDraft> draft(ProcessRef ref) {
        return store.draft(ref.toString())
                .map(d -> new ProcessDraft(d.definition(), d.basedOnVersion(), d.updatedAt(), d.updatedBy()));
    }

    @Override
    public PublishedProcess publish(Actor actor, ProcessRef ref) {
        requireDesigner(actor);
        var draft = draft(ref).orElseThrow(() -> new Absence(MessageKey.PROCESS_NO_DRAFT, ref));
        var deployment = deployer.getObject().deploy(draft.definition());
        try {
            var version = store.publish(ref.toString(), draft.definition().deployedAs(deployment), actor.username(),
                    new Document("namespace", ref.namespace()).append("code", ref.code())
                            .append("definitionKey", deployment.definitionKey()));
            events.publishEvent(new ProcessPublished(ref, version.version(), deployment.definitionKey(),
                    actor.username()));
            return toPublished(version);
        } catch (VersionConflictException e) {
            throw new ValidationException(List.of(FieldError.of("", "conflict", MessageKey.VERSION_CONFLICT,
                    e.version(), e.key())));
        }
    }

    @Override
    public List<FieldError> check(ProcessRef ref) {
        var draft = draft(ref).orElseThrow(() -> new Absence(MessageKey.PROCESS_NO_DRAFT, ref));
        return deployer.getObject().check(draft.definition());
    }

    @Override
    public Optional<PublishedProcess> current(ProcessRef ref) {
        return store.current(ref.toString()).map(MongoProcessCatalog::toPublished);
    }

    @Override
    public Optional<PublishedProcess> version(ProcessRef ref, int version) {
        return store.version(ref.toString(), version).map(MongoProcessCatalog::toPublished);
    }

    @Override
    public List<PublishedProcess> versions(ProcessRef ref) {
        return store.versions(ref.toString()).stream().map(MongoProcessCatalog::toPublished).toList();
    }

    @Override
    public Optional<PublishedProcess> byDefinitionKey(long definitionKey) {
        PublishedProcess known = byKey.get(definitionKey);
        if (known != null) {
            return Optional.of(known);
        }
        Document found = versionDocuments.find(Filters.eq("definition.deployment.definitionKey", definitionKey)).first();
        if (found == null) {
            return Optional.empty();
        }
        var ref = ProcessRef.parse(found.getString("process"));
        var version = version(ref, found.getInteger("version"));
        version.ifPresent(v -> byKey.put(definitionKey, v));
        return version;
    }

    @Override
    public List<ProcessSummary> summaries() {
        return store.listed().stream()
                .map(listed -> new ProcessSummary(listed.definition().drawing(), listed.status())).toList();
    }

    @Override
    public ProcessDraft restoreAsDraft(Actor actor, ProcessRef ref, int version) {
        var published = store.version(ref.toString(), version)
                .orElseThrow(() -> new Absence(MessageKey.PROCESS_NO_VERSION, ref, version));
        return saveDraft(actor, published.definition().drawing());
    }

    private void requireDesigner(Actor actor) {
        if (!mayDesign(actor)) {
            throw new AccessDeniedException(actor.username() + " may not design processes");
        }
    }

    private static PublishedProcess toPublished(VersionedStore.Version<ProcessDefinition> version) {
        return new PublishedProcess(version.version(), version.definition(), version.publishedAt(),
                version.publishedBy());
    }
}
