package io.atrium.platform.app;

import java.util.Locale;

/**
 * An argument the platform refuses, told in the reader's language: the UI shows
 * {@link Messages#text(Throwable, Locale)}, the API answers a 400 problem in the request's language.
 * {@link #getMessage()} is the English text, for logs.
 */
public class Refusal extends IllegalArgumentException {

    private final transient MessageKey key;
    private final transient Object[] arguments;

    public Refusal(MessageKey key, Object... arguments) {
        super(Messages.text(key, Locale.ENGLISH, arguments));
        this.key = key;
        this.arguments = arguments.clone();
    }

    public MessageKey key() {
        return key;
    }

    Object[] arguments() {
        return arguments.clone();
    }
}
