package io.atrium.runtime.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.slf4j.helpers.MessageFormatter;

/**
 * Logback's message conversion with the arguments escaped. The message templates are the code's
 * own and may span lines on purpose (a framed notice); the arguments may come from a request,
 * so their control characters are written as {@code \n}, {@code \r}, {@code \t} or {@code \\uXXXX}.
 * Configured for {@code %m}, {@code %msg} and {@code %message} in {@code logback-spring.xml}.
 */
public class EscapingMessageConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        Object[] arguments = event.getArgumentArray();
        if (arguments == null || arguments.length == 0) {
            return event.getFormattedMessage();
        }
        Object[] escaped = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            Object argument = arguments[i];
            escaped[i] = argument == null || argument instanceof Number || argument instanceof Boolean ? argument
                    : escape(String.valueOf(argument));
        }
        return MessageFormatter.basicArrayFormat(event.getMessage(), escaped);
    }

    /** The text with every control character written as an escape sequence. */
    public static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            if (control && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                switch (c) {
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (control) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
        }
        return out == null ? text : out.toString();
    }
}
