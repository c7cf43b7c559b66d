package io.atrium.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
