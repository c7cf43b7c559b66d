package io.atrium.ui.apps;

import io.atrium.platform.app.FieldDefinition;
import io.atrium.platform.app.FieldType;
import io.atrium.ui.apps.ListFilterQuery.Condition;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * What the codes and ids of a list's filters are called for one person: option labels in their
 * language, the names of referenced items and of users, dates as they write them.
 *
 * @param translate  a message key and its arguments to text in the person's language
 * @param users      display names by username, from the users directory
 */
record FilterVocabulary(Locale locale, ReferenceOptions references, Map<String, String> users,
        BiFunction<String, Object[], String> translate) {

    String text(String key, Object... arguments) {
        return translate.apply(key, arguments);
    }

    /** A choice's or a status's options: label by code, in the analyst's order. */
    Map<String, String> options(FieldDefinition field) {
        var options = field.type() == FieldType.STATUS ? field.status().states() : field.options();
        var labels = new LinkedHashMap<String, String>();
        options.forEach(o -> labels.put(o.code(), o.name().isBlank() ? o.code() : o.name().in(locale)));
        return labels;
    }

    String yesNo(String value) {
        return text("true".equals(value) ? "items.filters.yes" : "items.filters.no");
    }

    /** A condition as a chip shows it: "Kind: Customer, Lead". */
    String describe(FieldDefinition field, Condition condition) {
        var values = condition.values();
        String shown = switch (field.type()) {
            case CHOICE, STATUS -> values.stream().map(v -> options(field).getOrDefault(v, v))
                    .collect(Collectors.joining(", "));
            case REFERENCE -> values.stream().map(id -> references.name(field, id)).collect(Collectors.joining(", "));
            case USER -> values.stream().map(u -> users.getOrDefault(u, u)).collect(Collectors.joining(", "));
            case BOOLEAN -> yesNo(values.getFirst());
            case DATE, DATE_TIME -> range(values.get(0), values.get(1));
            default -> String.join(", ", values);
        };
        return field.name().in(locale) + ": " + shown;
    }

    private String range(String from, String to) {
        if (to.isEmpty()) {
            return text("items.filters.since", date(from));
        }
        if (from.isEmpty()) {
            return text("items.filters.until", date(to));
        }
        return date(from) + " – " + date(to);
    }

    private String date(String iso) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(LocalDate.parse(iso));
    }
}
