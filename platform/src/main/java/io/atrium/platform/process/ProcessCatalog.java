package io.atrium.platform.process;

import io.atrium.platform.access.Actor;
import java.util.List;
import java.util.Optional;

/**
 * Where processes live: a draft and published versions per process. Drawing and publishing take
 * the analyst's or administrator's role; reading them, any signed-in staff member's.
 */
public interface ProcessCatalog {

    ProcessDraft saveDraft(Actor actor, ProcessDefinition definition);

    Optional<ProcessDraft> draft(ProcessRef ref);

    /**
     * Checks the draft, deploys it and records it as the next version.
     *
     * @throws io.atrium.platform.app.ValidationException listing every problem, on the element it concerns
     * @throws java.util.NoSuchElementException if there is no draft
     */
    PublishedProcess publish(Actor actor, ProcessRef ref);

    /** What would keep the draft from publishing, each problem on the element it concerns; empty if none. */
    List<io.atrium.platform.app.FieldError> check(ProcessRef ref);

    Optional<PublishedProcess> current(ProcessRef ref);

    Optional<PublishedProcess> version(ProcessRef ref, int version);

    List<PublishedProcess> versions(ProcessRef ref);

    /** The published version deployed as this engine definition, if it is one of ours. */
    Optional<PublishedProcess> byDefinitionKey(long definitionKey);

    /** Every process, drafts included, with where each stands; one read of each collection. */
    List<ProcessSummary> summaries();

    /** Makes a published version the draft again. */
    ProcessDraft restoreAsDraft(Actor actor, ProcessRef ref, int version);

    /** Whether the actor may draw and publish processes. */
    boolean mayDesign(Actor actor);
}
