package io.atrium.platform.app;

import java.util.Locale;

/** A label an analyst gives in English and Russian; either may be empty, not both. */
public record LocalizedText(String en, String ru) {

    public LocalizedText {
        en = en == null ? "" : en.strip();
        ru = ru == null ? "" : ru.strip();
    }

    public static LocalizedText of(String en) {
        return new LocalizedText(en, "");
    }

    public boolean isBlank() {
        return en.isEmpty() && ru.isEmpty();
    }

    /** The text for a locale, falling back to the other language when one is missing. */
    public String in(Locale locale) {
        boolean russian = locale != null && "ru".equals(locale.getLanguage());
        String preferred = russian ? ru : en;
        return preferred.isEmpty() ? (russian ? en : ru) : preferred;
    }
}
