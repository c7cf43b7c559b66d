package io.atrium.platform.item;

import java.time.Instant;

/**
 * A file uploaded for a file field. Its id is what the item's field holds.
 *
 * @param contentType as declared by the uploader; downloads are served as attachments, never rendered
 * @param size        in bytes
 * @param sha256      hex digest of the content
 */
public record StoredFile(String id, String name, String contentType, long size, String sha256, Instant uploadedAt,
        String uploadedBy) {
}
