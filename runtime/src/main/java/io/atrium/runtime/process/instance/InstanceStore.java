package io.atrium.runtime.process.instance;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.atrium.platform.QueryTimeLimit;
import io.atrium.platform.process.ProcessRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * Process instances in {@code process_instances}, one document each: its state, variables,
 * element instances and incidents as maps keyed by their engine keys, so every change is a
 * {@code $set} that can be applied twice with the same result.
 */
@Component
public class InstanceStore {

    private final MongoCollection<Document> instances;
    private final QueryTimeLimit timeLimit;

    public InstanceStore(MongoDatabase database, QueryTimeLimit timeLimit) {
        this.instances = database.getCollection("process_instances");
        // The monitoring list: newest first, narrowed by process, state or incidents.
        instances.createIndex(Indexes.descending("startedAt"));
        instances.createIndex(Indexes.compoundIndex(Indexes.ascending("process"), Indexes.descending("startedAt")));
        instances.createIndex(Indexes.compoundIndex(Indexes.ascending("state"), Indexes.descending("startedAt")));
        instances.createIndex(Indexes.compoundIndex(Indexes.ascending("hasIncident"), Indexes.descending("startedAt")));
        this.timeLimit = timeLimit;
    }

    /** Changes to one instance, gathered so a batch of engine events costs one write per instance. */
    public static final class Change {
        private final long key;
        private final Map<String, Object> set = new LinkedHashMap<>();
        private final Map<String, Object> setOnInsert = new LinkedHashMap<>();
        private final List<String> flows = new ArrayList<>();

        public Change(long key) {
            this.key = key;
        }

        public Change set(String path, Object value) {
            set.put(path, value);
            return this;
        }

        public Change setOnInsert(String path, Object value) {
            if (!set.containsKey(path)) {
                setOnInsert.put(path, value);
            }
            return this;
        }

        public Change flow(String id) {
            flows.add(id);
            return this;
        }

        /**
         * Nothing to write: the events of a batch for this instance were all ones the projection
         * does not keep (an element completing, a job's record). MongoDB refuses an empty update.
         */
        boolean isEmpty() {
            return set.isEmpty() && setOnInsert.isEmpty() && flows.isEmpty();
        }

        UpdateOneModel<Document> model() {
            var updates = new ArrayList<Bson>();
            set.forEach((path, value) -> updates.add(Updates.set(path, value)));
            setOnInsert.forEach((path, value) -> {
                if (!set.containsKey(path)) {
                    updates.add(Updates.setOnInsert(path, value));
                }
            });
            if (!flows.isEmpty()) {
                updates.add(Updates.addEachToSet("flows", flows));
            }
            return new UpdateOneModel<>(Filters.eq("_id", key), Updates.combine(updates),
                    new UpdateOptions().upsert(true));
        }
    }

    public void apply(List<Change> changes) {
        var writes = changes.stream().filter(change -> !change.isEmpty()).map(Change::model).toList();
        if (!writes.isEmpty()) {
            instances.bulkWrite(writes);
        }
    }

    /** Records an instance the platform started. */
    public void started(long key, ProcessRef process, int version, long definitionKey, String startedBy) {
        apply(List.of(new Change(key).set("process", process.toString()).set("version", version)
                .set("definitionKey", definitionKey).set("startedBy", startedBy)
                .setOnInsert("state", InstanceState.ACTIVE.name()).setOnInsert("startedAt", new Date())));
    }

    public void canceled(long key) {
        apply(List.of(new Change(key).set("state", InstanceState.CANCELED.name()).set("endedAt", new Date())));
    }

    public Optional<ProcessInstance> get(long key) {
        return Optional.ofNullable(instances.find(Filters.eq("_id", key)).first()).map(InstanceStore::read);
    }

    /**
     * Instances newest first.
     *
     * @param process null for every process
     * @param state   null for any state
     */
    public List<ProcessInstance> list(ProcessRef process, InstanceState state, int limit) {
        var filters = new ArrayList<Bson>();
        if (process != null) {
            filters.add(Filters.eq("process", process.toString()));
        }
        if (state != null) {
            filters.add(Filters.eq("state", state.name()));
        }
        var out = new ArrayList<ProcessInstance>();
        timeLimit.on(instances.find(filters.isEmpty() ? new Document() : Filters.and(filters))
                .sort(Sorts.descending("startedAt")).limit(limit)).forEach(d -> out.add(read(d)));
        return out;
    }

    /** Instances with open incidents, newest first. */
    public List<ProcessInstance> withIncidents(int limit) {
        var out = new ArrayList<ProcessInstance>();
        timeLimit.on(instances.find(Filters.eq("hasIncident", true)).sort(Sorts.descending("startedAt")).limit(limit))
                .forEach(d -> out.add(read(d)));
        return out;
    }

    private static ProcessInstance read(Document d) {
        String process = d.getString("process");
        var variables = new LinkedHashMap<String, String>();
        Optional.ofNullable(d.get("variables", Document.class))
                .ifPresent(v -> v.forEach((name, value) -> variables.put(Names.decode(name), String.valueOf(value))));
        var elements = new ArrayList<ProcessInstance.Element>();
        Optional.ofNullable(d.get("elements", Document.class)).ifPresent(all -> all.forEach((key, value) -> {
            var e = (Document) value;
            elements.add(new ProcessInstance.Element(Long.parseLong(key), e.getString("id"), e.getString("type"),
                    e.getString("state"), instant(e.getDate("startedAt")), instant(e.getDate("endedAt"))));
        }));
        elements.sort(Comparator.comparing(ProcessInstance.Element::startedAt,
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(ProcessInstance.Element::key));
        var incidents = new ArrayList<ProcessInstance.Incident>();
        Optional.ofNullable(d.get("incidents", Document.class)).ifPresent(all -> all.forEach((key, value) -> {
            var i = (Document) value;
            incidents.add(new ProcessInstance.Incident(Long.parseLong(key), i.getString("elementId"),
                    i.get("elementInstanceKey", 0L), i.get("jobKey", 0L), i.getString("errorType"),
                    i.getString("message"), i.getBoolean("resolved", false), instant(i.getDate("createdAt"))));
        }));
        return new ProcessInstance(d.getLong("_id"), process == null ? null : ProcessRef.parse(process),
                d.getInteger("version", 0), d.get("definitionKey", 0L),
                InstanceState.valueOf(d.getString("state") == null ? "ACTIVE" : d.getString("state")),
                instant(d.getDate("startedAt")), d.getString("startedBy"), instant(d.getDate("endedAt")),
                d.get("parentKey", -1L), variables, elements, d.getList("flows", String.class, List.of()), incidents);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    /** Variable names as document keys: dots and a leading dollar would mean paths and operators. */
    static final class Names {
        private Names() {
        }

        static String encode(String name) {
            return name.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
        }

        static String decode(String key) {
            return key.replace("%2E", ".").replace("%24", "$").replace("%25", "%");
        }
    }
}
