package io.atrium.platform.item.internal;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.security.SecureRandom;
import java.util.Date;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.stereotype.Component;

/**
 * The secret that signs paging cursors. Every node of a cluster must accept the cursors the
 * others hand out, so the secret lives in MongoDB: the first node that needs it inserts one if
 * none exists, every node reads back the one that won and keeps it in memory.
 */
@Component
public class CursorKey {

    static final String COLLECTION = "server_keys";
    static final String ID = "item-cursor";
    private static final int BYTES = 32;

    private final MongoCollection<Document> keys;
    private volatile byte[] secret;

    public CursorKey(MongoDatabase database) {
        this.keys = database.getCollection(COLLECTION);
    }

    byte[] secret() {
        byte[] known = secret;
        if (known == null) {
            synchronized (this) {
                if (secret == null) {
                    secret = loadOrCreate();
                }
                known = secret;
            }
        }
        return known;
    }

    private byte[] loadOrCreate() {
        Document stored = keys.find(Filters.eq("_id", ID)).first();
        if (stored == null) {
            byte[] fresh = new byte[BYTES];
            new SecureRandom().nextBytes(fresh);
            try {
                keys.insertOne(new Document("_id", ID).append("secret", new Binary(fresh))
                        .append("createdAt", new Date()));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                // another node inserted its key first: that one is read back below
            }
            stored = keys.find(Filters.eq("_id", ID)).first();
        }
        if (stored == null || !(stored.get("secret") instanceof Binary binary) || binary.length() < BYTES) {
            throw new IllegalStateException("The cursor signing key in " + COLLECTION + " is missing or damaged");
        }
        return binary.getData();
    }
}
