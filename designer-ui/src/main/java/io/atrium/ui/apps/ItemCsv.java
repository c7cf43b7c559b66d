package io.atrium.ui.apps;

import io.atrium.platform.access.Actor;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.FieldDefinition;
import io.atrium.platform.item.Item;
import io.atrium.platform.item.ItemFilter;
import io.atrium.platform.item.ItemQuery;
import io.atrium.platform.item.Items;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Writes every item matching a filter as CSV (UTF-8 with a byte order mark, so spreadsheets
 * read it); references by the names of the items they point to.
 */
final class ItemCsv {

    private ItemCsv() {
    }

    static void write(Items items, AppCatalog catalog, Actor actor, AppDefinition app, List<FieldDefinition> columns,
            ItemFilter filter, Locale locale, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        writer.write("id");
        for (FieldDefinition column : columns) {
            writer.write(',');
            writer.write(escape(column.name().in(locale)));
        }
        writer.write("\r\n");
        String cursor = null;
        do {
            var page = items.search(actor, app.ref(), new ItemQuery(filter, null, false, ItemQuery.MAX_LIMIT, cursor));
            var labels = ReferenceLabels.load(items, catalog, actor, app, page.items());
            for (Item item : page.items()) {
                writer.write(item.id());
                for (FieldDefinition column : columns) {
                    writer.write(',');
                    writer.write(escape(labels.text(column, item.values().get(column.code()), locale)));
                }
                writer.write("\r\n");
            }
            cursor = page.next();
        } while (cursor != null);
        writer.flush();
    }

    /**
     * Quotes a value when it holds a comma, quote or line break. A value a spreadsheet could read as
     * a formula is neutralised with a leading apostrophe: one that starts with = + - @ once leading
     * blanks and control characters are skipped (a TAB or CR before = still starts a formula), or
     * that starts with a control character at all.
     */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?\\d+([.,]\\d+)?");

    static String escape(String value) {
        String text = value == null ? "" : value;
        if (mayRunAsFormula(text)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static boolean mayRunAsFormula(String text) {
        if (text.isEmpty() || PLAIN_NUMBER.matcher(text).matches()) { // a negative amount stays a number
            return false;
        }
        if (Character.isISOControl(text.charAt(0))) {
            return true;
        }
        int first = 0;
        while (first < text.length() && (Character.isWhitespace(text.charAt(first))
                || Character.isISOControl(text.charAt(first)))) {
            first++;
        }
        return first < text.length() && "=+-@".indexOf(text.charAt(first)) >= 0;
    }
}
