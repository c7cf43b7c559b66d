package io.atrium.runtime.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The examples of RFC 4013 section 3, and what the generated passwords look like. */
class SaslPrepTest {

    @Test
    void shouldLeavePrintableAsciiAsItIs() {
        assertThat(SaslPrep.prepare("Az9 !~user_Pass-word")).isEqualTo("Az9 !~user_Pass-word");
    }

    @Test
    void shouldMapAndNormalizeAsTheRfcExamplesDo() {
        assertThat(SaslPrep.prepare("I\u00ADX")).isEqualTo("IX"); // soft hyphen mapped to nothing
        assertThat(SaslPrep.prepare("user")).isEqualTo("user");
        assertThat(SaslPrep.prepare("USER")).isEqualTo("USER"); // case preserved
        assertThat(SaslPrep.prepare("\u00AA")).isEqualTo("a"); // NFKC
        assertThat(SaslPrep.prepare("\u2168")).isEqualTo("IX"); // NFKC
        assertThat(SaslPrep.prepare("a\u00A0b")).isEqualTo("a b"); // non-ASCII space
    }

    @Test
    void shouldRefuseProhibitedCharactersAndMixedDirections() {
        assertThatThrownBy(() -> SaslPrep.prepare("\u0007")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SaslPrep.prepare("\u0627\u0031")).isInstanceOf(IllegalArgumentException.class);
    }
}
