package io.atrium.runtime.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

class EscapingMessageConverterTest {

    private final EscapingMessageConverter converter = new EscapingMessageConverter();

    private static LoggingEvent event(String template, Object... arguments) {
        var context = new LoggerContext();
        return new LoggingEvent("test", context.getLogger("test"), Level.WARN, template, null, arguments);
    }

    @Test
    void shouldEscapeLineBreaksAndControlCharactersInArguments() {
        String forged = "mallory\r\n2026-12-01T10:00:00Z  INFO --- Administrator signed in\u0007";

        String line = converter.convert(event("Failed sign-in for '{}' from {}", forged, "10.0.0.1"));

        assertThat(line).doesNotContain("\n").doesNotContain("\r").doesNotContain("\u0007")
                .isEqualTo("Failed sign-in for 'mallory\\r\\n2026-12-01T10:00:00Z  INFO --- Administrator signed in"
                        + "\\u0007' from 10.0.0.1");
    }

    @Test
    void shouldKeepTheCodesOwnMultiLineTemplates() {
        String notice = converter.convert(event("\n====\n password: {}\n====", "abc"));

        assertThat(notice).isEqualTo("\n====\n password: abc\n====");
        assertThat(converter.convert(event("no arguments\nhere"))).isEqualTo("no arguments\nhere");
        assertThat(converter.convert(event("count {} and {}", 3, null))).isEqualTo("count 3 and null");
    }
}
