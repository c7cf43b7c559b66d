package io.atrium.platform.item.internal;

import com.mongodb.client.model.Filters;
import io.atrium.platform.access.Actor;
import io.atrium.platform.access.AppAccess;
import io.atrium.platform.access.ItemScope;
import java.util.Optional;
import org.bson.conversions.Bson;

/** The query clause that limits a search to the items in an actor's scope. */
public final class ScopeFilter {

    private ScopeFilter() {
    }

    public static Optional<Bson> of(ItemScope scope, AppAccess rules, Actor actor) {
        Bson own = Filters.eq(ItemCollections.CREATED_BY, actor.username());
        return switch (scope) {
            case ALL -> Optional.empty();
            case OWN -> Optional.of(own);
            case ASSIGNED -> Optional.of(rules.assigneeField() == null ? own
                    : Filters.or(own, Filters.eq(rules.assigneeField(), actor.username())));
            case GROUP -> Optional.of(rules.groupField() == null || actor.groups().isEmpty() ? own
                    : Filters.or(own, Filters.in(rules.groupField(), actor.groups())));
        };
    }
}
