package io.atrium.platform.access;

import io.atrium.platform.identity.Role;
import java.util.Set;

/** What one role may do with an app's items, and on which items. */
public record AppGrant(Role role, Set<Permission> permissions, ItemScope scope) {

    public AppGrant {
        permissions = Set.copyOf(permissions);
        scope = scope == null ? ItemScope.ALL : scope;
    }
}
