package io.atrium.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import io.atrium.ui.i18n.Translations;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TranslationsTest {

    @Test
    void shouldTranslateEveryUiTextIntoBothLanguages() throws IOException {
        // given
        Properties english = load("en");
        Properties russian = load("ru");

        // when
        var englishKeys = new TreeSet<>(english.stringPropertyNames());
        var russianKeys = new TreeSet<>(russian.stringPropertyNames());

        // then
        assertThat(russianKeys).as("keys of the Russian bundle").isEqualTo(englishKeys);
        englishKeys.forEach(key -> {
            assertThat(english.getProperty(key)).as("English " + key).isNotBlank();
            assertThat(russian.getProperty(key)).as("Russian " + key).isNotBlank();
        });
    }

    @Test
    void shouldPickThePluralFormOfEachLanguage() {
        assertThat(Translations.text(Locale.ENGLISH, "items.total", 1)).isEqualTo("1 item");
        assertThat(Translations.text(Locale.ENGLISH, "items.total", 1200)).isEqualTo("1,200 items");
        var russian = Locale.of("ru");
        assertThat(Translations.text(russian, "items.total", 21)).isEqualTo("21 запись");
        assertThat(Translations.text(russian, "items.total", 3)).isEqualTo("3 записи");
        assertThat(Translations.text(russian, "items.total", 11)).isEqualTo("11 записей");
        assertThat(Translations.text(russian, "cell.files", 5)).isEqualTo("5 файлов");
    }

    @Test
    void shouldShowAMissingKeyInsteadOfFailing() {
        assertThat(Translations.text(Locale.GERMAN, "no.such.key")).isEqualTo("!no.such.key");
        assertThat(Translations.text(Locale.GERMAN, "item.save")).isEqualTo("Save");
    }

    @Test
    void shouldKeepApostrophesOfTextsWithoutArguments() {
        Properties english = loadQuietly("en");
        english.stringPropertyNames().stream().filter(k -> !english.getProperty(k).contains("{"))
                .forEach(k -> assertThat(Translations.text(Locale.ENGLISH, k)).isEqualTo(english.getProperty(k)));
    }

    private static Properties loadQuietly(String language) {
        try {
            return load(language);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Properties load(String language) throws IOException {
        String resource = "/vaadin-i18n/translations_" + language + ".properties";
        try (var in = TranslationsTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            var properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }
}
