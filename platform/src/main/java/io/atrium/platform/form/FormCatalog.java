package io.atrium.platform.form;

import io.atrium.platform.access.Actor;
import io.atrium.platform.app.AppDefinition;
import java.util.List;
import java.util.Optional;

/**
 * Where forms live: a draft and published versions per app and purpose. Designing an app's
 * forms takes the administer permission on the app.
 */
public interface FormCatalog {

    FormDraft saveDraft(Actor actor, FormDefinition form);

    Optional<FormDraft> draft(FormRef ref);

    /**
     * Checks the draft against the app's current version and publishes it as the next version.
     *
     * @throws io.atrium.platform.app.ValidationException listing every problem
     * @throws java.util.NoSuchElementException if there is no draft, or the app is not published
     */
    PublishedForm publish(Actor actor, FormRef ref);

    Optional<PublishedForm> current(FormRef ref);

    List<PublishedForm> versions(FormRef ref);

    /**
     * Every form there is, drafts included, with where each stands; for the designer hub. The
     * definition is the draft's when there is one, else the current version's. One read of the
     * drafts and of the current versions, whatever their number.
     */
    List<FormSummary> summaries();

    /** Makes a published version the draft again. */
    FormDraft restoreAsDraft(Actor actor, FormRef ref, int version);

    /**
     * The form people see for the purpose: the published one, else the published edit form (for
     * view and create), else one generated from the app's fields.
     */
    FormDefinition effective(AppDefinition app, FormPurpose purpose);

    /**
     * The form people see under this name: the published one, else (for the app's own
     * purposes) as {@link #effective(AppDefinition, FormPurpose)} says, else one generated from
     * the app's fields.
     */
    FormDefinition effective(AppDefinition app, FormRef ref);
}
