package io.atrium.platform.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static final Locale RU = Locale.of("ru");

    @Test
    void shouldHoldBothBundlesToExactlyTheKeysOfMessageKey() {
        // given
        Set<String> keys = Arrays.stream(MessageKey.values()).map(MessageKey::key)
                .collect(Collectors.toCollection(TreeSet::new));

        // when
        Set<String> english = new TreeSet<>(Messages.bundle(Locale.ENGLISH).stringPropertyNames());
        Set<String> russian = new TreeSet<>(Messages.bundle(RU).stringPropertyNames());

        // then
        assertThat(english).as("English keys").isEqualTo(keys);
        assertThat(russian).as("Russian keys").isEqualTo(keys);
    }

    @Test
    void shouldStartEveryTextWithACapitalAndRenderIt() {
        for (Locale locale : Messages.LOCALES) {
            Properties bundle = Messages.bundle(locale);
            for (MessageKey key : MessageKey.values()) {
                // given
                String pattern = bundle.getProperty(key.key());
                assertThat(pattern).as(key + " in " + locale).isNotBlank();

                // when
                String text = Messages.text(key, locale, 5, "b", "c");

                // then
                assertThat(Character.isUpperCase(text.codePointAt(0)))
                        .as("%s in %s starts with a capital: %s", key, locale, text).isTrue();
                assertThat(text).as("%s in %s has no unfilled placeholder", key, locale)
                        .doesNotContain("{0").doesNotContain("{1").doesNotContain("plural");
            }
        }
    }

    @Test
    void shouldWriteRussianTextsInCyrillic() {
        for (MessageKey key : MessageKey.values()) {
            // when
            String text = Messages.text(key, RU, 5, "b", "c");

            // then
            assertThat(text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC))
                    .as("%s is Russian: %s", key, text).isTrue();
        }
    }

    @Test
    void shouldChooseRussianPluralFormsForOneFewAndMany() {
        // when / then
        assertThat(Messages.text(MessageKey.TEXT_MAX_LENGTH, RU, 1)).isEqualTo("Допускается не более 1 символа");
        assertThat(Messages.text(MessageKey.TEXT_MAX_LENGTH, RU, 3)).isEqualTo("Допускается не более 3 символов");
        assertThat(Messages.text(MessageKey.FILTER_DEPTH, RU, 1))
                .isEqualTo("Фильтры вкладываются не более чем на 1 уровень");
        assertThat(Messages.text(MessageKey.FILTER_DEPTH, RU, 3))
                .isEqualTo("Фильтры вкладываются не более чем на 3 уровня");
        assertThat(Messages.text(MessageKey.FILTER_DEPTH, RU, 11))
                .isEqualTo("Фильтры вкладываются не более чем на 11 уровней");
        assertThat(Messages.text(MessageKey.FILTER_DEPTH, RU, 21))
                .isEqualTo("Фильтры вкладываются не более чем на 21 уровень");
        assertThat(Messages.text(MessageKey.FILTER_DEPTH, RU, 24))
                .isEqualTo("Фильтры вкладываются не более чем на 24 уровня");
    }

    @Test
    void shouldChooseEnglishPluralFormsForOneAndOther() {
        assertThat(Messages.text(MessageKey.TEXT_MAX_LENGTH, Locale.ENGLISH, 1))
                .isEqualTo("At most 1 character is allowed");
        assertThat(Messages.text(MessageKey.TEXT_MAX_LENGTH, Locale.ENGLISH, 1000))
                .isEqualTo("At most 1,000 characters are allowed");
    }

    @Test
    void shouldKeepTheEnglishTextAsMessageAndRenderTheErrorInTheReadersLanguage() {
        // given
        var error = FieldError.of("name", "required", MessageKey.VALUE_REQUIRED);

        // when / then
        assertThat(error.message()).isEqualTo("A value is required");
        assertThat(Messages.text(error, RU)).isEqualTo("Значение обязательно");
        assertThat(Messages.text(error, Locale.GERMAN)).isEqualTo("A value is required");
    }

    @Test
    void shouldTellANestedErrorInTheSameLanguage() {
        // given
        var nested = FieldError.of("age", "type", MessageKey.NUMBER_EXPECTED);
        var error = FieldError.of("age", "default", MessageKey.FIELD_DEFAULT_INVALID, nested);

        // when / then
        assertThat(error.message()).isEqualTo("The default value is not valid: a number is expected");
        assertThat(Messages.text(error, RU)).isEqualTo("Значение по умолчанию недопустимо: ожидается число");
    }

    @Test
    void shouldGiveAPhoneExampleThatFitsTheLocale() {
        assertThat(Messages.text(MessageKey.PHONE_FORMAT, Locale.ENGLISH)).contains("+1 212 555 0142");
        assertThat(Messages.text(MessageKey.PHONE_FORMAT, RU)).contains("+7 912 345-67-89");
    }

    @Test
    void shouldShowATextWithoutKeyAsIs() {
        assertThat(Messages.text(new FieldError("x", "y", "Written elsewhere"), RU)).isEqualTo("Written elsewhere");
    }
}
