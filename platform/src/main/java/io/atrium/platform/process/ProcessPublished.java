package io.atrium.platform.process;

/** Announced on this node after a process version was published and deployed. */
public record ProcessPublished(ProcessRef ref, int version, long definitionKey, String publishedBy) {
}
