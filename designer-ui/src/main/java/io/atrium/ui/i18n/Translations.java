package io.atrium.ui.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import io.atrium.platform.app.Messages;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.springframework.stereotype.Component;

/**
 * The UI's texts in English and Russian, from {@code vaadin-i18n/translations_*.properties}.
 * Patterns are {@link java.text.MessageFormat} with plural branches, as the platform's messages:
 * {@code {0,plural,one{# item}other{# items}}}; Russian tells one, few and many apart. Code
 * outside a component (a CSV export, a cell's text) reads them through {@link #text}.
 */
@Component
public class Translations implements I18NProvider {

    private static final String BUNDLE = "vaadin-i18n.translations";
    private static final ResourceBundle.Control EXACT =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return Messages.LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return text(locale, key, params);
    }

    /**
     * The text for the key in the locale's language (English unless it is Russian), or
     * {@code !key} when there is none, so that a missing text shows instead of failing a page.
     * A text is formatted only when it takes arguments, so apostrophes in plain texts stay.
     */
    public static String text(Locale locale, String key, Object... arguments) {
        Locale language = Messages.language(locale);
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, language, Translations.class.getClassLoader(), EXACT)
                    .getString(key);
        } catch (MissingResourceException e) {
            return "!" + key;
        }
        return arguments == null || arguments.length == 0 ? pattern : Messages.format(pattern, language, arguments);
    }
}
