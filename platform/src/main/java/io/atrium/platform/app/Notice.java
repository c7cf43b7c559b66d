package io.atrium.platform.app;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Something the platform tells a person by key rather than in words, so that each reader gets it
 * in their own language: what a form button did, for instance. Render it with
 * {@link Messages#text(Notice, Locale)}.
 */
public record Notice(MessageKey key, List<Object> arguments) {

    public Notice {
        arguments = List.copyOf(arguments);
    }

    public static Notice of(MessageKey key, Object... arguments) {
        return new Notice(key, Arrays.asList(arguments));
    }
}
