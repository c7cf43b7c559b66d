package io.atrium.platform.app;

import java.time.Instant;

/**
 * An immutable published version of an app.
 *
 * @param version     1, 2, 3… in publishing order
 * @param definition  the app as published
 * @param publishedAt when
 * @param publishedBy who
 */
public record PublishedApp(int version, AppDefinition definition, Instant publishedAt, String publishedBy) {

    public AppRef ref() {
        return definition.ref();
    }
}
