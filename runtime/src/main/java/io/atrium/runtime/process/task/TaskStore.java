package io.atrium.runtime.process.task;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.atrium.platform.QueryTimeLimit;
import io.atrium.platform.process.ProcessRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/** Tasks in {@code process_tasks}, keyed by job key: a job activated twice is still one task. */
@Component
class TaskStore {

    /** A completion taken this long ago by a node that never finished it (it died) no longer holds the task. */
    private static final long STALE_TAKE_MILLIS = 120_000;
    private final MongoCollection<Document> tasks;
    private final QueryTimeLimit timeLimit;

    TaskStore(MongoDatabase database, QueryTimeLimit timeLimit) {
        this.tasks = database.getCollection("process_tasks");
        // The inbox: open tasks by priority then age, or those of one instance; approvals find their votes by job.
        tasks.createIndex(Indexes.compoundIndex(Indexes.ascending("state"), Indexes.descending("priority"),
                Indexes.ascending("createdAt")));
        tasks.createIndex(Indexes.ascending("instanceKey", "state"));
        tasks.createIndex(Indexes.ascending("approval.jobKey", "createdAt"), new IndexOptions().sparse(true));
        this.timeLimit = timeLimit;
    }

    /** Records a task the engine handed over, unless it is known already. */
    void offered(ProcessTask task) {
        var fields = new Document("instanceKey", task.instanceKey())
                .append("process", task.process() == null ? null : task.process().toString())
                .append("definitionKey", task.definitionKey())
                .append("elementId", task.elementId()).append("name", task.name()).append("assignee", task.assignee())
                .append("candidateGroups", task.candidateGroups()).append("candidateUsers", task.candidateUsers())
                .append("dueDate", date(task.dueDate())).append("followUpDate", date(task.followUpDate()))
                .append("priority", task.priority()).append("formReference", task.formReference())
                .append("itemVariable", task.itemVariable()).append("approval", approval(task.approval()))
                .append("variables", new Document(task.variables())).append("state", ProcessTask.State.OPEN.name())
                .append("createdAt", new Date());
        var updates = new ArrayList<Bson>();
        fields.forEach((name, value) -> updates.add(Updates.setOnInsert(name, value)));
        tasks.updateOne(Filters.eq("_id", task.id()), Updates.combine(updates), new UpdateOptions().upsert(true));
    }

    Optional<ProcessTask> get(String id) {
        return Optional.ofNullable(tasks.find(Filters.eq("_id", id)).first()).map(TaskStore::read);
    }

    List<ProcessTask> open(Bson visibility, Long instanceKey, int limit) {
        var filters = new ArrayList<Bson>(List.of(Filters.eq("state", ProcessTask.State.OPEN.name()), visibility));
        if (instanceKey != null) {
            filters.add(Filters.eq("instanceKey", instanceKey));
        }
        var out = new ArrayList<ProcessTask>();
        timeLimit.on(tasks.find(Filters.and(filters)).sort(Sorts.orderBy(Sorts.descending("priority"),
                Sorts.ascending("createdAt"))).limit(limit)).forEach(d -> out.add(read(d)));
        return out;
    }

    /** How many open tasks the filter finds, counting at most {@code upTo}. */
    long count(Bson visibility, int upTo) {
        return tasks.countDocuments(Filters.and(Filters.eq("state", ProcessTask.State.OPEN.name()), visibility),
                new com.mongodb.client.model.CountOptions().limit(upTo));
    }

    /** The tasks of an approval, in the order they were offered. */
    List<ProcessTask> ofApproval(long jobKey) {
        var out = new ArrayList<ProcessTask>();
        tasks.find(Filters.eq("approval.jobKey", jobKey)).sort(Sorts.ascending("createdAt", "_id"))
                .forEach(d -> out.add(read(d)));
        return out;
    }

    /** Closes the approval's tasks still open: it is decided, or its job is gone. */
    void closeApproval(long jobKey) {
        tasks.updateMany(Filters.and(Filters.eq("approval.jobKey", jobKey),
                        Filters.eq("state", ProcessTask.State.OPEN.name())),
                Updates.combine(Updates.set("state", ProcessTask.State.CANCELED.name()), Updates.unset("completing")));
    }

    /** Sets the assignee if the task is open and still has the expected one; empty if it changed meanwhile. */
    Optional<ProcessTask> assign(String id, String expected, String assignee) {
        return Optional.ofNullable(tasks.findOneAndUpdate(Filters.and(Filters.eq("_id", id),
                        Filters.eq("state", ProcessTask.State.OPEN.name()), Filters.eq("assignee", expected)),
                Updates.set("assignee", assignee), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
                .map(TaskStore::read);
    }

    /** Takes the open task for completion by the user; false if someone else took it first. */
    boolean takeForCompletion(String id, String user) {
        return tasks.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("state", ProcessTask.State.OPEN.name()),
                        Filters.or(Filters.exists("completing", false),
                                Filters.lt("completingAt", new Date(System.currentTimeMillis() - STALE_TAKE_MILLIS)))),
                Updates.combine(Updates.set("completing", user), Updates.set("completingAt", new Date())))
                .getModifiedCount() == 1;
    }

    void release(String id) {
        tasks.updateOne(Filters.eq("_id", id), Updates.unset("completing"));
    }

    void completed(String id, String user) {
        tasks.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("state", ProcessTask.State.COMPLETED.name()),
                Updates.set("completedBy", user), Updates.set("completedAt", new Date()), Updates.unset("completing")));
    }

    void canceled(String id) {
        tasks.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("state", ProcessTask.State.OPEN.name())),
                Updates.combine(Updates.set("state", ProcessTask.State.CANCELED.name()), Updates.unset("completing")));
    }

    private static ProcessTask read(Document d) {
        String process = d.getString("process");
        var variables = new LinkedHashMap<String, Object>();
        Optional.ofNullable(d.get("variables", Document.class)).ifPresent(variables::putAll);
        return new ProcessTask(d.getString("_id"), d.getLong("instanceKey"),
                process == null ? null : ProcessRef.parse(process), longOf(d.get("definitionKey")),
                d.getString("elementId"), d.getString("name"),
                d.getString("assignee"), d.getList("candidateGroups", String.class, List.of()),
                d.getList("candidateUsers", String.class, List.of()), instant(d.getDate("dueDate")),
                instant(d.getDate("followUpDate")), d.getInteger("priority", 50), d.getString("formReference"),
                d.getString("itemVariable"), variables, approval(d.get("approval", Document.class)), ProcessTask.State.valueOf(d.getString("state")), instant(d.getDate("createdAt")),
                d.getString("completedBy"), instant(d.getDate("completedAt")));
    }

    private static Document approval(ProcessTask.Approval approval) {
        return approval == null ? null : new Document("jobKey", approval.jobKey()).append("subject", approval.subject())
                .append("rule", approval.rule().name());
    }

    private static ProcessTask.Approval approval(Document d) {
        return d == null ? null : new ProcessTask.Approval(longOf(d.get("jobKey")), d.getString("subject"),
                ApprovalRule.valueOf(d.getString("rule")));
    }

    private static long longOf(Object value) {
        return value instanceof Number number ? number.longValue() : 0L;
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
