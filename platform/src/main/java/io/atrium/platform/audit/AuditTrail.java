package io.atrium.platform.audit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import io.atrium.platform.IndexUpgrades;
import io.atrium.platform.QueryTimeLimit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.stereotype.Service;

/**
 * The {@code audit} collection: entries are appended and never changed. Each entry has an id of
 * its own ({@code subject@version}), so appending it again, after a retry or a crash, changes
 * nothing.
 */
@Service
public class AuditTrail {

    private final MongoCollection<Document> entries;
    private final QueryTimeLimit timeLimit;

    public AuditTrail(MongoDatabase database, QueryTimeLimit timeLimit) {
        this.entries = database.getCollection("audit");
        this.timeLimit = timeLimit;
        // A subject's history in the order it is read; this also serves lookups by subject alone.
        entries.createIndex(Indexes.ascending("subject", "at", "version"));
        IndexUpgrades.dropIfPresent(entries, "subject_1");
    }

    /**
     * A new entry, to be appended here or carried inside the document it concerns until it is.
     *
     * @param version the subject's version the action produced; with the subject it identifies the entry
     * @param changes for updates: field to {@code [old, new]}; for creation: the initial values
     */
    public static Document entry(String actor, String action, String subject, long version, Map<String, ?> changes) {
        return new Document("_id", subject + "@" + version).append("at", Date.from(Instant.now()))
                .append("actor", actor).append("action", action).append("subject", subject)
                .append("version", version).append("changes", new Document(changes));
    }

    /** Appends entries made by {@link #entry}; those already present are left as they are. */
    public void append(List<Document> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            entries.insertMany(batch, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            boolean onlyDuplicates = e.getWriteErrors().stream()
                    .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
            if (!onlyDuplicates || e.getWriteConcernError() != null) {
                throw e;
            }
        }
    }

    /** Entries about a subject appended so far, oldest first. */
    public List<AuditEntry> about(String subject) {
        var result = new ArrayList<AuditEntry>();
        for (Document d : timeLimit.on(entries.find(Filters.eq("subject", subject))
                .sort(Sorts.ascending("at", "version")))) {
            result.add(toEntry(d));
        }
        return result;
    }

    public static AuditEntry toEntry(Document d) {
        Number version = d.get("version", Number.class);
        return new AuditEntry(d.getString("_id"), d.getDate("at").toInstant(), d.getString("actor"),
                d.getString("action"), d.getString("subject"), version == null ? 0 : version.longValue(),
                d.get("changes", Document.class));
    }
}
