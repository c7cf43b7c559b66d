package io.atrium.platform.item;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stored values as JSON shows them: dates as ISO text, money without its internal sort value. */
public final class PlainValues {

    private PlainValues() {
    }

    @SuppressWarnings("unchecked")
    public static Object of(Object value) {
        if (value instanceof Date date) {
            return Instant.ofEpochMilli(date.getTime()).toString();
        }
        if (value instanceof Map<?, ?> map) {
            var out = new LinkedHashMap<String, Object>();
            ((Map<String, Object>) map).forEach((k, v) -> out.put(k, of(v)));
            if (out.containsKey("amount") && out.containsKey("currency")) {
                out.remove("value");
            }
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PlainValues::of).toList();
        }
        return value;
    }
}
