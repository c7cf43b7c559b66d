package io.atrium.platform.notification;

import java.time.Instant;

/**
 * A message to one user.
 *
 * @param link where it leads in the app, e.g. {@code /apps/sales/deals/<id>}; null for none
 */
public record Notification(String id, String recipient, String text, String link, Instant createdAt, boolean read) {
}
