package io.atrium.platform.item.internal;

import com.mongodb.client.model.Filters;
import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Paging cursors: the sort value and id of the last item of a page, as an opaque token. The
 * next page continues after that pair, so inserts and deletes between pages neither repeat
 * nor skip items.
 */
public final class Cursors {

    private Cursors() {
    }

    public static String encode(Object sortValue, String id) {
        String json = new Document("v", sortValue).append("id", id).toJson();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The stored value at a dotted path of a document, or null. */
    public static Object valueAt(Document doc, String path) {
        Object current = doc;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Document d)) {
                return null;
            }
            current = d.get(part);
        }
        return current;
    }

    /** The query clause that selects what comes after the cursor in the given order. */
    public static Bson after(String cursor, String sortPath, boolean descending) {
        Document decoded;
        try {
            decoded = Document.parse(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new ValidationException(List.of(new FieldError("after", "cursor", "the cursor is not valid")));
        }
        Object value = decoded.get("v");
        String id = decoded.getString("id");
        if (id == null) {
            throw new ValidationException(List.of(new FieldError("after", "cursor", "the cursor is not valid")));
        }
        Bson sameValueLaterId = Filters.and(Filters.eq(sortPath, value),
                descending ? Filters.lt("_id", id) : Filters.gt("_id", id));
        if (value == null) { // nulls sort first: after a null come later nulls, then every value
            return descending ? sameValueLaterId : Filters.or(sameValueLaterId, Filters.ne(sortPath, null));
        }
        Bson beyond = descending ? Filters.lt(sortPath, value) : Filters.gt(sortPath, value);
        if (descending) {
            return Filters.or(beyond, sameValueLaterId, Filters.eq(sortPath, null));
        }
        return Filters.or(beyond, sameValueLaterId);
    }
}
