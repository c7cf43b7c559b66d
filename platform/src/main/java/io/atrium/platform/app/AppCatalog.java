package io.atrium.platform.app;

import java.util.List;
import java.util.Optional;

/** Where app definitions live: drafts, published versions, and which version is current. */
public interface AppCatalog {

    /** Creates or replaces the draft. A new app's draft starts from version 0. */
    AppDraft saveDraft(AppDefinition definition, String user);

    Optional<AppDraft> draft(AppRef ref);

    /**
     * Validates the draft and publishes it as the next version.
     *
     * @throws ValidationException if the draft is incomplete or inconsistent, or its changes
     *                             cannot be applied to the items already stored
     * @throws java.util.NoSuchElementException if there is no draft
     */
    PublishedApp publish(AppRef ref, String user);

    /** The current published version. */
    Optional<PublishedApp> current(AppRef ref);

    Optional<PublishedApp> version(AppRef ref, int version);

    List<PublishedApp> versions(AppRef ref);

    /**
     * Every app's current version, by workspace and code, as the database holds it now (a version
     * published on another node included): one read of the current versions, whatever their number.
     */
    List<PublishedApp> published();

    /**
     * Every app there is, drafts included, with where each stands; for the designer hub.
     * The definition is the draft's when there is one, else the current version's. One read of
     * the drafts and of the current versions, whatever their number.
     */
    List<AppSummary> summaries();

    /** Makes a published version the draft again, to be changed and published as the next version. */
    AppDraft restoreAsDraft(AppRef ref, int version, String user);
}
