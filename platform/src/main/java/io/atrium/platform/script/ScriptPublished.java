package io.atrium.platform.script;

/** Raised once a version is recorded, so the nodes running it drop what they keep of the old one. */
public record ScriptPublished(ScriptRef ref, int version, String publishedBy) {
}
