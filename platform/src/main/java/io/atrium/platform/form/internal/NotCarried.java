package io.atrium.platform.form.internal;

import io.atrium.platform.app.MessageKey;
import io.atrium.platform.app.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What a form-js exchange could not carry, each said in the reader's language. */
public final class NotCarried {

    /** Values quoted in a message are cut here: a schema's texts can be long. */
    private static final int QUOTE_MAX = 80;

    private final Locale locale;
    private final List<String> texts = new ArrayList<>();

    public NotCarried(Locale locale) {
        this.locale = locale;
    }

    public void add(MessageKey key, Object... arguments) {
        texts.add(Messages.text(key, locale, arguments));
    }

    public List<String> list() {
        return List.copyOf(texts);
    }

    /** A value as the schema wrote it, short enough to read in a list. */
    static String quote(Object value) {
        String text = String.valueOf(value);
        return text.length() <= QUOTE_MAX ? text : text.substring(0, QUOTE_MAX - 1) + "…";
    }
}
