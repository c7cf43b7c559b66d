package io.atrium.platform.script;

import io.atrium.platform.access.Actor;
import java.util.List;
import java.util.Optional;

/**
 * Where script modules live: a draft and published versions per module. Writing and publishing
 * take the developer's or administrator's role; reading them, the designers' roles too.
 */
public interface ScriptCatalog {

    ScriptDraft saveDraft(Actor actor, ScriptModule module);

    Optional<ScriptDraft> draft(ScriptRef ref);

    /**
     * Compiles the draft (type errors and syntax errors refuse it) and records it as the next version.
     *
     * @throws ScriptCompileException with every error's line and column
     * @throws java.util.NoSuchElementException if there is no draft
     */
    PublishedScript publish(Actor actor, ScriptRef ref);

    Optional<PublishedScript> current(ScriptRef ref);

    Optional<PublishedScript> version(ScriptRef ref, int version);

    List<PublishedScript> versions(ScriptRef ref);

    /** Every module, drafts included, with where each stands. */
    List<ScriptSummary> summaries();

    ScriptDraft restoreAsDraft(Actor actor, ScriptRef ref, int version);

    /** Whether the actor may write and publish modules. */
    boolean mayDevelop(Actor actor);

    /** Whether the actor may read modules (designers bind them to forms and processes). */
    boolean mayRead(Actor actor);
}
