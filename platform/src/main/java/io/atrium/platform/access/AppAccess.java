package io.atrium.platform.access;

import java.util.List;

/**
 * The access rules of one app.
 *
 * @param grants        per role; a role without a grant may do nothing with the app
 * @param assigneeField a USER field naming who an item is assigned to (for {@link ItemScope#ASSIGNED})
 * @param groupField    a field holding a group name (for {@link ItemScope#GROUP})
 */
public record AppAccess(List<AppGrant> grants, String assigneeField, String groupField) {

    public AppAccess {
        grants = grants == null ? List.of() : List.copyOf(grants);
    }
}
