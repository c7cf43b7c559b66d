package io.atrium.platform.app;

import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * Something asked for that does not exist, told in the reader's language, as {@link Refusal} tells
 * a refused argument; the API answers a 404 problem. {@link #getMessage()} is the English text.
 */
public class Absence extends NoSuchElementException {

    private final transient MessageKey key;
    private final transient Object[] arguments;

    public Absence(MessageKey key, Object... arguments) {
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
