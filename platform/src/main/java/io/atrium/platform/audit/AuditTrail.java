package io.atrium.platform.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.stereotype.Service;

/** Appends audit entries to the {@code audit} collection; entries are never changed. */
@Service
public class AuditTrail {

    private final MongoCollection<Document> entries;

    public AuditTrail(MongoDatabase database) {
        this.entries = database.getCollection("audit");
        entries.createIndex(Indexes.ascending("subject"));
    }

    public void record(String actor, String action, String subject, Map<String, Object> changes) {
        entries.insertOne(new Document("at", Date.from(Instant.now())).append("actor", actor).append("action", action)
                .append("subject", subject).append("changes", new Document(changes)));
    }

    /** Entries about a subject, oldest first. */
    public List<AuditEntry> about(String subject) {
        var result = new ArrayList<AuditEntry>();
        for (Document d : entries.find(Filters.eq("subject", subject)).sort(Sorts.ascending("at", "_id"))) {
            result.add(new AuditEntry(d.getDate("at").toInstant(), d.getString("actor"), d.getString("action"),
                    d.getString("subject"), d.get("changes", Document.class)));
        }
        return result;
    }
}
