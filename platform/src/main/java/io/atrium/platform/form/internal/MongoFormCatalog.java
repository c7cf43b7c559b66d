package io.atrium.platform.form.internal;

import io.atrium.platform.app.Absence;
import com.mongodb.client.MongoDatabase;
import io.atrium.platform.QueryTimeLimit;
import io.atrium.platform.access.AccessPolicy;
import io.atrium.platform.access.Actor;
import io.atrium.platform.access.Permission;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.MessageKey;
import io.atrium.platform.app.PublishedApp;
import io.atrium.platform.app.ValidationException;
import io.atrium.platform.definition.VersionConflictException;
import io.atrium.platform.definition.VersionedStore;
import io.atrium.platform.form.FormCatalog;
import io.atrium.platform.form.FormDefaults;
import io.atrium.platform.form.FormDefinition;
import io.atrium.platform.form.FormDraft;
import io.atrium.platform.form.FormPublished;
import io.atrium.platform.form.FormPurpose;
import io.atrium.platform.form.FormRef;
import io.atrium.platform.form.FormSummary;
import io.atrium.platform.form.FormValidator;
import io.atrium.platform.form.PublishedForm;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Forms in a {@link VersionedStore} of kind {@code form}, keyed {@code workspace/app#purpose}. */
@Service
class MongoFormCatalog implements FormCatalog {

    private final VersionedStore<FormDefinition> store;
    private final AppCatalog apps;
    private final AccessPolicy access;
    private final ApplicationEventPublisher events;
    private final FormValidator validator;

    MongoFormCatalog(MongoDatabase database, AppCatalog apps, AccessPolicy access, ApplicationEventPublisher events,
            QueryTimeLimit timeLimit) {
        this.store = new VersionedStore<>(database, "form", FormDefinition.class, timeLimit);
        this.apps = apps;
        this.access = access;
        this.events = events;
        this.validator = new FormValidator(ref -> apps.current(ref).map(PublishedApp::definition));
    }

    @Override
    public FormDraft saveDraft(Actor actor, FormDefinition form) {
        access.require(actor, form.ref().app(), Permission.ADMINISTER);
        var draft = store.saveDraft(form.ref().toString(), form, actor.username());
        return new FormDraft(draft.definition(), draft.basedOnVersion(), draft.updatedAt(), draft.updatedBy());
    }

    @Override
    public Optional<FormDraft> draft(FormRef ref) {
        return store.draft(ref.toString())
                .map(d -> new FormDraft(d.definition(), d.basedOnVersion(), d.updatedAt(), d.updatedBy()));
    }

    @Override
    public PublishedForm publish(Actor actor, FormRef ref) {
        access.require(actor, ref.app(), Permission.ADMINISTER);
        var draft = draft(ref).orElseThrow(() -> new Absence(MessageKey.FORM_NO_DRAFT, ref));
        AppDefinition app = apps.current(ref.app()).map(PublishedApp::definition)
                .orElseThrow(() -> new Absence(MessageKey.FORM_APP_UNPUBLISHED, ref.app()));
        List<FieldError> errors = validator.check(draft.form(), app);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        try {
            var version = store.publish(ref.toString(), draft.form(), actor.username(),
                    new Document("app", ref.app().toString()).append("purpose", ref.purpose().name())
                            .append("owner", ref.owner()));
            events.publishEvent(new FormPublished(ref, version.version(), actor.username()));
            return toPublished(version);
        } catch (VersionConflictException e) {
            throw new ValidationException(List.of(FieldError.of("", "conflict", MessageKey.VERSION_CONFLICT, e.version(), e.key())));
        }
    }

    @Override
    public Optional<PublishedForm> current(FormRef ref) {
        return store.current(ref.toString()).map(MongoFormCatalog::toPublished);
    }

    @Override
    public List<PublishedForm> versions(FormRef ref) {
        return store.versions(ref.toString()).stream().map(MongoFormCatalog::toPublished).toList();
    }

    @Override
    public List<FormSummary> summaries() {
        return store.listed().stream().map(listed -> new FormSummary(listed.definition(), listed.status())).toList();
    }

    @Override
    public FormDraft restoreAsDraft(Actor actor, FormRef ref, int version) {
        var published = store.version(ref.toString(), version)
                .orElseThrow(() -> new Absence(MessageKey.FORM_NO_VERSION, ref, version));
        return saveDraft(actor, published.definition());
    }

    @Override
    public FormDefinition effective(AppDefinition app, FormRef ref) {
        if (!ref.purpose().owned()) {
            return effective(app, ref.purpose());
        }
        return current(ref).map(PublishedForm::form).orElseGet(() -> FormDefaults.of(app, ref));
    }

    @Override
    public FormDefinition effective(AppDefinition app, FormPurpose purpose) {
        var own = current(new FormRef(app.ref(), purpose));
        if (own.isEmpty() && (purpose == FormPurpose.VIEW || purpose == FormPurpose.CREATE)) {
            own = current(new FormRef(app.ref(), FormPurpose.EDIT));
        }
        // a form published before the app changed may name fields that are gone: renderers skip those
        return own.map(PublishedForm::form).orElseGet(() -> FormDefaults.of(app, purpose));
    }

    private static PublishedForm toPublished(VersionedStore.Version<FormDefinition> version) {
        return new PublishedForm(version.version(), version.definition(), version.publishedAt(),
                version.publishedBy());
    }
}
