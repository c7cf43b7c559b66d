package io.atrium.platform.process;

import java.time.Instant;

/** An immutable published version of a process; its definition carries its deployment. */
public record PublishedProcess(int version, ProcessDefinition definition, Instant publishedAt, String publishedBy) {

    public ProcessRef ref() {
        return definition.ref();
    }

    public ProcessDefinition.Deployment deployment() {
        return definition.deployment();
    }
}
