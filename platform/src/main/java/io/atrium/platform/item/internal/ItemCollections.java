package io.atrium.platform.item.internal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.item.Item;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Where an app's items are stored and how an item maps to a document: one collection per app,
 * field values at the top level, platform fields prefixed with {@code _} (field codes never are).
 */
@Component
public class ItemCollections {

    public static final String VERSION = "_v";
    public static final String APP_VERSION = "_appVersion";
    public static final String CREATED_AT = "_createdAt";
    public static final String CREATED_BY = "_createdBy";
    public static final String UPDATED_AT = "_updatedAt";
    public static final String UPDATED_BY = "_updatedBy";
    public static final String DELETED = "_deleted";
    /** Audit entries written with the item and not yet moved to the audit trail; see {@link AuditRelay}. */
    public static final String PENDING_AUDIT = "_audit";

    private final MongoDatabase database;

    public ItemCollections(MongoDatabase database) {
        this.database = database;
    }

    public MongoCollection<Document> of(AppRef app) {
        return database.getCollection("items." + app.namespace() + "." + app.code());
    }

    public static Item toItem(AppRef app, Document doc) {
        var values = new LinkedHashMap<String, Object>();
        for (Map.Entry<String, Object> e : doc.entrySet()) {
            if (!e.getKey().startsWith("_")) {
                values.put(e.getKey(), plain(e.getValue()));
            }
        }
        return new Item(doc.getString("_id"), app, doc.get(VERSION, Number.class).longValue(),
                doc.getInteger(APP_VERSION, 0), values, doc.getDate(CREATED_AT).toInstant(),
                doc.getString(CREATED_BY), doc.getDate(UPDATED_AT).toInstant(), doc.getString(UPDATED_BY),
                doc.getBoolean(DELETED, false));
    }

    /** Nested documents become plain maps, so callers never see driver types. */
    static Object plain(Object value) {
        if (value instanceof Document d) {
            var map = new LinkedHashMap<String, Object>();
            d.forEach((k, v) -> map.put(k, plain(v)));
            return map;
        }
        if (value instanceof java.util.List<?> list) {
            return list.stream().map(ItemCollections::plain).toList();
        }
        return value;
    }
}
