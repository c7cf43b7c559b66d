package io.atrium.runtime.process.block;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * What each job did, keyed by the job key: a job the engine delivers again (its completion was
 * lost, or its worker died after the effect) completes with the recorded variables instead of
 * doing the work twice.
 */
@Component
public class JobEffects {

    private final MongoCollection<Document> effects;

    public JobEffects(MongoDatabase database) {
        this.effects = database.getCollection("process_job_effects");
    }

    public Optional<Map<String, Object>> recorded(long jobKey) {
        var found = effects.find(Filters.eq("_id", jobKey)).first();
        return Optional.ofNullable(found).map(d -> new LinkedHashMap<>(d.get("variables", Document.class)));
    }

    /** Records the effect; a second record of the same job keeps the first. */
    public void record(long jobKey, String type, Map<String, Object> variables) {
        try {
            effects.insertOne(new Document("_id", jobKey).append("type", type).append("variables", new Document(variables))
                    .append("at", new Date()));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }
}
