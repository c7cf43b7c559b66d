package io.atrium.platform.item.internal;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.FieldDefinition;
import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.MessageKey;
import io.atrium.platform.app.FieldType;
import io.atrium.platform.app.StoredItems;
import io.atrium.platform.app.ValidationException;
import io.atrium.platform.IndexUpgrades;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Service;

/** What publishing asks of stored items, answered from the app's collection. */
@Service
class MongoStoredItems implements StoredItems {

    private final ItemCollections collections;

    MongoStoredItems(ItemCollections collections) {
        this.collections = collections;
    }

    @Override
    public boolean anyHasValue(AppRef app, String field) {
        return collections.of(app).find(Filters.ne(field, null)).limit(1).first() != null;
    }

    @Override
    public boolean anyLacksValue(AppRef app, String field) {
        return collections.of(app).find(Filters.eq(field, null)).limit(1).first() != null;
    }

    @Override
    public boolean anyHasValueOutside(AppRef app, String field, Collection<String> allowed) {
        var outside = Filters.and(Filters.ne(field, null), Filters.nin(field, allowed));
        return collections.of(app).find(outside).limit(1).first() != null;
    }

    @Override
    public boolean anyLongerThan(AppRef app, String field, int length) {
        var longer = Filters.regex(field, "^[\\s\\S]{" + (length + 1) + "}");
        return collections.of(app).find(longer).limit(1).first() != null;
    }

    @Override
    public long fillMissing(AppRef app, String field, Object storedValue) {
        return collections.of(app).updateMany(Filters.eq(field, null), Updates.set(field, storedValue))
                .getModifiedCount();
    }

    @Override
    public void ensureIndexes(AppDefinition definition) {
        var items = collections.of(definition.ref());
        // Lists read a page in the order they show it, creation then id, from the index; so does
        // equality on an indexed field below, whose index continues with the same two keys.
        items.createIndex(Indexes.ascending(ItemCollections.CREATED_AT, "_id"));
        var legacy = new ArrayList<String>(List.of(ItemCollections.CREATED_AT + "_1"));
        // only items with audit entries not yet moved are in it, so the relay's sweep reads few
        items.createIndex(Indexes.ascending(ItemCollections.PENDING_AUDIT + "._id"),
                new IndexOptions().sparse(true).name("pending_audit"));
        for (FieldDefinition field : definition.fields()) {
            String path = field.type() == FieldType.MONEY ? field.code() + ".value" : field.code();
            if (field.unique()) {
                try {
                    // sparse: items without a value do not collide with each other
                    items.createIndex(Indexes.ascending(path), new IndexOptions().unique(true).sparse(true)
                            .name("unique_" + field.code()));
                } catch (MongoCommandException | com.mongodb.MongoWriteException e) {
                    throw new ValidationException(List.of(FieldError.of(field.code(), "unique",
                            MessageKey.UNIQUE_INDEX_DUPLICATES)));
                } catch (MongoException e) {
                    throw new ValidationException(List.of(FieldError.of(field.code(), "unique",
                            MessageKey.UNIQUE_INDEX_FAILED, e.getMessage())));
                }
            } else if (field.indexed() || field.type() == FieldType.REFERENCE) {
                items.createIndex(Indexes.ascending(path, ItemCollections.CREATED_AT, "_id"));
                legacy.add(path + "_1");
            }
        }
        IndexUpgrades.dropIfPresent(items, legacy.toArray(String[]::new));
    }
}
