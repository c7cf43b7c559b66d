package io.atrium.platform.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The platform's validation and problem texts in English and Russian.
 *
 * <p>Texts are {@link MessageFormat} patterns in {@code io/atrium/platform/messages_<lang>.properties}.
 * Where a number changes the words, a pattern says {@code {0,plural,one{…}few{…}many{…}other{…}}}
 * ({@code #} stands for the number), chosen by {@link PluralRule}; {@code ChoiceFormat} cannot tell
 * Russian's few from many. Any language other than Russian reads English.
 */
public final class Messages {

    /** The languages the platform's texts are written in. */
    public static final java.util.List<Locale> LOCALES = java.util.List.of(Locale.ENGLISH, Locale.of("ru"));

    private static final Map<String, Properties> BUNDLES = Map.of(
            "en", load("en"),
            "ru", load("ru"));

    private Messages() {
    }

    /** The error's text in the locale's language; an error without a key keeps its own text. */
    public static String text(FieldError error, Locale locale) {
        return error.key() == null ? error.message() : text(error.key(), locale, error.arguments().toArray());
    }

    /** Several errors in one line, each after the place it concerns, as a notification or a problem's detail. */
    public static String text(java.util.List<FieldError> errors, Locale locale) {
        return errors.stream().map(e -> (e.field().isEmpty() ? "" : e.field() + ": ") + text(e, locale))
                .collect(java.util.stream.Collectors.joining("; "));
    }

    /** What the platform tells a person, in the locale's language. */
    public static String text(Notice notice, Locale locale) {
        return text(notice.key(), locale, notice.arguments().toArray());
    }

    /** A message in the locale's language; arguments that are errors or keys are told in it too. */
    public static String text(MessageKey key, Locale locale, Object... arguments) {
        Locale language = language(locale);
        String pattern = BUNDLES.get(language.getLanguage()).getProperty(key.key());
        if (pattern == null) {
            throw new IllegalStateException("No text for " + key.key() + " in " + language);
        }
        Object[] values = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            values[i] = switch (arguments[i]) {
                case FieldError nested -> lowerFirst(text(nested, language));
                case MessageKey nested -> lowerFirst(text(nested, language));
                case null -> "";
                default -> arguments[i];
            };
        }
        return format(pattern, language, values);
    }

    /**
     * Fills a pattern of {@link MessageFormat} with plural branches ({@code {0,plural,one{…}other{…}}})
     * for the locale's language: the UI's own texts are written the same way as these messages.
     */
    public static String format(String pattern, Locale locale, Object... arguments) {
        Locale language = language(locale);
        String chosen = PluralRule.of(language).select(pattern, arguments);
        return new MessageFormat(chosen, language).format(arguments);
    }

    /**
     * What went wrong, in the locale's language when the platform said it as a {@link Refusal} or an
     * {@link Absence}; other exceptions keep their own message.
     */
    public static String text(Throwable problem, Locale locale) {
        return switch (problem) {
            case Told told -> text(told.key(), locale, told.arguments());
            case ValidationException invalid -> text(invalid.errors(), locale);
            default -> problem.getMessage();
        };
    }

    /** The language a locale reads: Russian or English. */
    public static Locale language(Locale locale) {
        return locale != null && "ru".equals(locale.getLanguage()) ? LOCALES.get(1) : Locale.ENGLISH;
    }

    /** A nested message continues a sentence; keep capitals of acronyms such as JSON. */
    private static String lowerFirst(String text) {
        if (text.length() > 1 && Character.isUpperCase(text.charAt(0)) && !Character.isUpperCase(text.charAt(1))) {
            return Character.toLowerCase(text.charAt(0)) + text.substring(1);
        }
        return text;
    }

    static Properties bundle(Locale locale) {
        return BUNDLES.get(language(locale).getLanguage());
    }

    private static Properties load(String language) {
        String resource = "/io/atrium/platform/messages_" + language + ".properties";
        try (InputStream in = Messages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            var properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
