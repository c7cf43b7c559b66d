package io.atrium.platform.item;

import io.atrium.platform.app.AppRef;
import java.time.Instant;
import java.util.Map;

/**
 * One record of an app.
 *
 * @param id         stable identifier
 * @param app        the app it belongs to
 * @param version    increases with every change; an update must name the version it read
 * @param appVersion the app version it was last written with
 * @param values     field values by code, in their stored form
 * @param deleted    deleted items are hidden but can be restored
 */
public record Item(String id, AppRef app, long version, int appVersion, Map<String, Object> values,
        Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, boolean deleted) {
}
