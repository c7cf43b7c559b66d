package io.atrium.platform.access;

import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.MessageKey;
import io.atrium.platform.app.FieldType;
import io.atrium.platform.identity.Role;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The access rules of one app.
 *
 * @param grants        per role; a role without a grant may do nothing with the app
 * @param assigneeField a USER field naming who an item is assigned to (for {@link ItemScope#ASSIGNED})
 * @param groupField    a field holding a group name (for {@link ItemScope#GROUP})
 */
public record AppAccess(List<AppGrant> grants, String assigneeField, String groupField) {

    private static final Set<FieldType> GROUP_TYPES = EnumSet.of(FieldType.STRING, FieldType.CHOICE, FieldType.USER);

    public AppAccess {
        grants = grants == null ? List.of() : List.copyOf(grants);
        assigneeField = assigneeField == null || assigneeField.isBlank() ? null : assigneeField;
        groupField = groupField == null || groupField.isBlank() ? null : groupField;
    }

    /** What is wrong with these rules for the app: every problem, not only the first. */
    public List<FieldError> problems(AppDefinition app) {
        var errors = new ArrayList<FieldError>();
        var roles = EnumSet.noneOf(Role.class);
        for (int i = 0; i < grants.size(); i++) {
            var grant = grants.get(i);
            if (!roles.add(grant.role())) {
                errors.add(FieldError.of("grants[" + i + "].role", "duplicate", MessageKey.ACCESS_ROLE_TWICE,
                        grant.role().name().toLowerCase(Locale.ROOT)));
            }
            if (grant.scope() == ItemScope.ASSIGNED && assigneeField == null) {
                errors.add(FieldError.of("assigneeField", "required", MessageKey.ACCESS_ASSIGNEE_REQUIRED));
            }
            if (grant.scope() == ItemScope.GROUP && groupField == null) {
                errors.add(FieldError.of("groupField", "required", MessageKey.ACCESS_GROUP_REQUIRED));
            }
        }
        if (assigneeField != null && app.field(assigneeField).filter(f -> f.type() == FieldType.USER).isEmpty()) {
            errors.add(FieldError.of("assigneeField", "type", MessageKey.ACCESS_ASSIGNEE_TYPE, assigneeField,
                    app.ref().toString()));
        }
        if (groupField != null && app.field(groupField).filter(f -> GROUP_TYPES.contains(f.type())).isEmpty()) {
            errors.add(FieldError.of("groupField", "type", MessageKey.ACCESS_GROUP_TYPE, groupField,
                    app.ref().toString()));
        }
        return errors.stream().distinct().toList();
    }
}
