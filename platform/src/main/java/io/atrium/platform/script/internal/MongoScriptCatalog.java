package io.atrium.platform.script.internal;

import com.mongodb.client.MongoDatabase;
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
import io.atrium.platform.script.PublishedScript;
import io.atrium.platform.script.ScriptCatalog;
import io.atrium.platform.script.ScriptCompiler;
import io.atrium.platform.script.ScriptDraft;
import io.atrium.platform.script.ScriptModule;
import io.atrium.platform.script.ScriptPublished;
import io.atrium.platform.script.ScriptRef;
import io.atrium.platform.script.ScriptSummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Modules in a {@link VersionedStore} of kind {@code script}, keyed {@code workspace/code}. A
 * version is recorded only once it compiled, so every published version runs.
 */
@Service
class MongoScriptCatalog implements ScriptCatalog {

    private final VersionedStore<ScriptModule> store;
    private final ObjectProvider<ScriptCompiler> compiler;
    private final ApplicationEventPublisher events;

    MongoScriptCatalog(MongoDatabase database, ObjectProvider<ScriptCompiler> compiler,
            ApplicationEventPublisher events, QueryTimeLimit timeLimit) {
        this.store = new VersionedStore<>(database, "script", ScriptModule.class, timeLimit);
        this.compiler = compiler;
        this.events = events;
    }

    @Override
    public boolean mayDevelop(Actor actor) {
        return actor.has(Role.ADMIN) || actor.has(Role.DEVELOPER);
    }

    @Override
    public boolean mayRead(Actor actor) {
        return mayDevelop(actor) || actor.has(Role.ANALYST);
    }

    @Override
    public ScriptDraft saveDraft(Actor actor, ScriptModule module) {
        requireDeveloper(actor);
        if (module.source().length() > ScriptModule.MAX_SOURCE) {
            throw new ValidationException(List.of(FieldError.of("source", "size", MessageKey.SCRIPT_TOO_LARGE,
                    ScriptModule.MAX_SOURCE)));
        }
        return toDraft(store.saveDraft(module.ref().toString(), module.written(), actor.username()));
    }

    @Override
    public Optional<ScriptDraft> draft(ScriptRef ref) {
        return store.draft(ref.toString()).map(MongoScriptCatalog::toDraft);
    }

    @Override
    public PublishedScript publish(Actor actor, ScriptRef ref) {
        requireDeveloper(actor);
        var draft = draft(ref).orElseThrow(() -> new Absence(MessageKey.SCRIPT_NO_DRAFT, ref));
        var compiled = compiler.getObject().compile(draft.module(), workspace(ref));
        try {
            var version = store.publish(ref.toString(), draft.module().compiledAs(compiled), actor.username(),
                    new Document("namespace", ref.namespace()).append("code", ref.code()));
            events.publishEvent(new ScriptPublished(ref, version.version(), actor.username()));
            return toPublished(version);
        } catch (VersionConflictException e) {
            throw new ValidationException(List.of(FieldError.of("", "conflict", MessageKey.VERSION_CONFLICT,
                    e.version(), e.key())));
        }
    }

    /** The other modules of the workspace as published, which the module may import. */
    private Map<String, ScriptModule> workspace(ScriptRef ref) {
        var modules = new LinkedHashMap<String, ScriptModule>();
        String prefix = ref.namespace() + "/";
        store.currentVersions().forEach((key, version) -> {
            if (key.startsWith(prefix) && !key.equals(ref.toString())) {
                modules.put(version.definition().ref().code(), version.definition());
            }
        });
        return modules;
    }

    @Override
    public Optional<PublishedScript> current(ScriptRef ref) {
        return store.current(ref.toString()).map(MongoScriptCatalog::toPublished);
    }

    @Override
    public Optional<PublishedScript> version(ScriptRef ref, int version) {
        return store.version(ref.toString(), version).map(MongoScriptCatalog::toPublished);
    }

    @Override
    public List<PublishedScript> versions(ScriptRef ref) {
        return store.versions(ref.toString()).stream().map(MongoScriptCatalog::toPublished).toList();
    }

    @Override
    public List<ScriptSummary> summaries() {
        return store.listed().stream()
                .map(listed -> new ScriptSummary(listed.definition().written(), listed.status())).toList();
    }

    @Override
    public ScriptDraft restoreAsDraft(Actor actor, ScriptRef ref, int version) {
        var published = store.version(ref.toString(), version)
                .orElseThrow(() -> new Absence(MessageKey.SCRIPT_NO_VERSION, ref, version));
        return saveDraft(actor, published.definition().written());
    }

    private void requireDeveloper(Actor actor) {
        if (!mayDevelop(actor)) {
            throw new AccessDeniedException(actor.username() + " may not write scripts");
        }
    }

    private static ScriptDraft toDraft(VersionedStore.Draft<ScriptModule> draft) {
        return new ScriptDraft(draft.definition(), draft.basedOnVersion(), draft.updatedAt(), draft.updatedBy());
    }

    private static PublishedScript toPublished(VersionedStore.Version<ScriptModule> version) {
        return new PublishedScript(version.version(), version.definition(), version.publishedAt(),
                version.publishedBy());
    }
}
