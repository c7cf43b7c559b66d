package io.atrium.ui.processes;

import io.atrium.platform.definition.DefinitionStatus;
import io.atrium.platform.process.ProcessCatalog;
import io.atrium.platform.process.ProcessDraft;
import io.atrium.platform.process.ProcessRef;
import io.atrium.platform.process.PublishedProcess;

/** Where a process stands, from its draft and its current version, as the hub shows it. */
final class ProcessStatus {

    private ProcessStatus() {
    }

    static DefinitionStatus of(ProcessCatalog catalog, ProcessRef ref) {
        var draft = catalog.draft(ref);
        var current = catalog.current(ref);
        return DefinitionStatus.of(draft.map(ProcessDraft::updatedAt).orElse(null),
                draft.map(ProcessDraft::updatedBy).orElse(null), current.map(PublishedProcess::version).orElse(0),
                current.map(PublishedProcess::publishedAt).orElse(null),
                current.map(PublishedProcess::publishedBy).orElse(null));
    }
}
