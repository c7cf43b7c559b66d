package io.atrium.platform.item;

import io.atrium.platform.audit.AuditEntry;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shape of an item in the API and in scripts: platform fields, then field values under "values". */
public final class ItemJson {

    private ItemJson() {
    }

    public static Map<String, Object> write(Item item) {
        var out = new LinkedHashMap<String, Object>();
        out.put("id", item.id());
        out.put("version", item.version());
        out.put("appVersion", item.appVersion());
        out.put("createdAt", item.createdAt().toString());
        out.put("createdBy", item.createdBy());
        out.put("updatedAt", item.updatedAt().toString());
        out.put("updatedBy", item.updatedBy());
        out.put("values", plain(item.values()));
        return out;
    }

    public static Map<String, Object> write(AuditEntry entry) {
        var out = new LinkedHashMap<String, Object>();
        out.put("version", entry.version());
        out.put("at", entry.at().toString());
        out.put("actor", entry.actor());
        out.put("action", entry.action());
        out.put("changes", plain(entry.changes()));
        return out;
    }

    private static Object plain(Object value) {
        return PlainValues.of(value);
    }
}
