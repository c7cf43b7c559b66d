package io.atrium.platform.app;

import java.util.List;

/**
 * A check another feature makes before an app version is published, for what that feature keeps
 * about the app (access rules naming its fields, forms placing them). Implementations are beans;
 * the catalog asks them all and refuses the version if any answers a problem.
 */
public interface PublishCheck {

    /** What is wrong with making {@code next} the app's current version; empty if nothing. */
    List<FieldError> problems(AppDefinition next);
}
