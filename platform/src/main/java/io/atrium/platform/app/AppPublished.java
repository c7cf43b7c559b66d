package io.atrium.platform.app;

/** An app version was published; listeners adapt indexes, forms and caches. */
public record AppPublished(AppRef ref, int version, String publishedBy) {
}
