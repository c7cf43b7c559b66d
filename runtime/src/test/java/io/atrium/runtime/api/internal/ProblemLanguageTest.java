package io.atrium.runtime.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ProblemLanguageTest {

    private static final Locale RU = Locale.of("ru");

    @Test
    void shouldAnswerInRussianWhenTheCallerPrefersIt() {
        assertThat(ProblemLanguage.of("ru")).isEqualTo(RU);
        assertThat(ProblemLanguage.of("ru-RU,ru;q=0.9,en-US;q=0.8")).isEqualTo(RU);
        assertThat(ProblemLanguage.of("de-DE,ru;q=0.5")).isEqualTo(RU);
    }

    @Test
    void shouldAnswerInEnglishByDefault() {
        assertThat(ProblemLanguage.of(null)).isEqualTo(Locale.ENGLISH);
        assertThat(ProblemLanguage.of("")).isEqualTo(Locale.ENGLISH);
        assertThat(ProblemLanguage.of("en-GB,ru;q=0.5")).isEqualTo(Locale.ENGLISH);
        assertThat(ProblemLanguage.of("de-DE")).isEqualTo(Locale.ENGLISH);
        assertThat(ProblemLanguage.of("*")).isEqualTo(Locale.ENGLISH);
        assertThat(ProblemLanguage.of("not a ;;; header")).isEqualTo(Locale.ENGLISH);
    }
}
