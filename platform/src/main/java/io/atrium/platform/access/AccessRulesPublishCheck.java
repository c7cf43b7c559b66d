package io.atrium.platform.access;

import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.MessageKey;
import io.atrium.platform.app.PublishCheck;
import java.util.List;
import org.springframework.stereotype.Component;

/** A version may not drop or retype the assignee or group field its access rules scope items by. */
@Component
class AccessRulesPublishCheck implements PublishCheck {

    private final AccessPolicy access;

    AccessRulesPublishCheck(AccessPolicy access) {
        this.access = access;
    }

    @Override
    public List<FieldError> problems(AppDefinition next) {
        return access.rulesOf(next.ref()).problems(next).stream()
                .map(p -> FieldError.of(p.field(), "accessRules", MessageKey.ACCESS_RULES_NEED_FIELD, p))
                .toList();
    }
}
