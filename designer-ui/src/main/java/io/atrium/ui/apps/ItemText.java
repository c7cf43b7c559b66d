package io.atrium.ui.apps;

import io.atrium.platform.app.FieldDefinition;
import io.atrium.platform.app.FieldType;
import io.atrium.platform.app.PhoneNumbers;
import io.atrium.ui.i18n.Translations;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** A stored value as text for a grid cell or a CSV column. */
final class ItemText {

    private ItemText() {
    }

    /** A byte count as people read it: 532 B, 14 KB, 2.5 MB. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    static String of(FieldDefinition field, Object value, Locale locale) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            if (field.type() == FieldType.TABLE) {
                return Translations.text(locale, "cell.rows", list.size());
            }
            if (field.type() == FieldType.FILE) {
                return Translations.text(locale, "cell.files", list.size());
            }
            return list.stream().map(v -> of(field, v, locale)).collect(Collectors.joining(", "));
        }
        return switch (field.type()) {
            case MONEY -> value instanceof Map<?, ?> m ? m.get("amount") + " " + m.get("currency") : value.toString();
            case DATE_TIME -> value instanceof Date d ? DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                    .withLocale(locale).format(d.toInstant().atZone(ZoneId.systemDefault())) : value.toString();
            case FILE -> Translations.text(locale, "cell.files", 1);
            case BOOLEAN -> Translations.text(locale, Boolean.TRUE.equals(value) ? "cell.yes" : "cell.no");
            case PHONE -> PhoneNumbers.display(value.toString());
            case CHOICE -> field.options().stream().filter(o -> o.code().equals(value)).findFirst()
                    .map(o -> o.name().isBlank() ? o.code() : o.name().in(locale)).orElse(value.toString());
            case STATUS -> field.status().states().stream().filter(o -> o.code().equals(value)).findFirst()
                    .map(o -> o.name().isBlank() ? o.code() : o.name().in(locale)).orElse(value.toString());
            default -> value.toString();
        };
    }
}
