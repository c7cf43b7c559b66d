package io.atrium.platform.definition;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;

/**
 * One counter per kind of definition in {@code definition_stamps}, raised by every publication,
 * so that every node of a cluster can tell with one small read that definitions changed.
 */
final class DefinitionStamps {

    static final String COLLECTION = "definition_stamps";

    private final MongoCollection<Document> stamps;

    DefinitionStamps(MongoDatabase database) {
        this.stamps = database.getCollection(COLLECTION);
    }

    /** Raises the kind's counter (creating it at 1). */
    void bump(String kind) {
        stamps.updateOne(Filters.eq("_id", kind), Updates.combine(Updates.inc("stamp", 1L),
                Updates.set("changedAt", new Date())), new UpdateOptions().upsert(true));
    }

    /** Every kind's counter, by kind. */
    Map<String, Long> read() {
        var out = new HashMap<String, Long>();
        stamps.find().forEach(d -> out.put(d.getString("_id"), ((Number) d.get("stamp")).longValue()));
        return out;
    }
}
