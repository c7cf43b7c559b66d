package io.atrium.runtime.script.schedule;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.atrium.platform.QueryTimeLimit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Schedules and their runs in MongoDB. An occurrence is claimed with one atomic update that sets
 * a lease, so of several nodes polling at once exactly one gets it; a node that dies mid-run
 * leaves a lease that expires, and the occurrence is taken again after it.
 */
class ScheduleStore {

    /** Runs are kept this long (MongoDB removes older ones). */
    private static final long KEEP_RUNS_DAYS = 30;

    private final MongoCollection<Document> schedules;
    private final MongoCollection<Document> runs;
    private final QueryTimeLimit timeLimit;

    ScheduleStore(MongoDatabase database, QueryTimeLimit timeLimit) {
        this.schedules = database.getCollection("script_schedules");
        this.runs = database.getCollection("script_schedule_runs");
        this.timeLimit = timeLimit;
        schedules.createIndex(Indexes.ascending("enabled", "nextRunAt"));
        runs.createIndex(Indexes.compoundIndex(Indexes.ascending("schedule"), Indexes.descending("startedAt")));
        runs.createIndex(Indexes.ascending("startedAt"), new IndexOptions().expireAfter(KEEP_RUNS_DAYS, TimeUnit.DAYS));
    }

    void insert(ScriptSchedule schedule) {
        schedules.insertOne(write(schedule));
    }

    /** Replaces the schedule's settings if it is still at {@code expected}; false if someone changed it first. */
    boolean replace(ScriptSchedule schedule, long expected) {
        var document = write(schedule);
        document.remove("_id");
        var sets = new ArrayList<Bson>();
        document.forEach((name, value) -> sets.add(Updates.set(name, value)));
        return schedules.updateOne(Filters.and(Filters.eq("_id", schedule.id()), Filters.eq("version", expected)),
                Updates.combine(sets)).getModifiedCount() == 1;
    }

    boolean delete(String id, long expected) {
        boolean gone = schedules.deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq("version", expected)))
                .getDeletedCount() == 1;
        if (gone) {
            runs.deleteMany(Filters.eq("schedule", id));
        }
        return gone;
    }

    Optional<ScriptSchedule> get(String id) {
        return Optional.ofNullable(schedules.find(Filters.eq("_id", id)).first()).map(ScheduleStore::read);
    }

    List<ScriptSchedule> list(int limit) {
        return list(new Document(), limit);
    }

    /** The schedules that run a function of the module. */
    List<ScriptSchedule> listOf(String module, int limit) {
        return list(Filters.regex("script", "^" + java.util.regex.Pattern.quote(module + "#")), limit);
    }

    private List<ScriptSchedule> list(Bson filter, int limit) {
        var out = new ArrayList<ScriptSchedule>();
        timeLimit.on(schedules.find(filter).sort(Sorts.ascending("name", "_id")).limit(limit))
                .forEach(d -> out.add(read(d)));
        return out;
    }

    long count() {
        return schedules.countDocuments(new Document(), timeLimit.count());
    }

    /**
     * Takes one due occurrence for this node: enabled, due by {@code now}, and not leased by a
     * node still within its lease.
     */
    Optional<ScriptSchedule> claimDue(Instant now, String lease, Instant leaseUntil) {
        var due = Filters.and(Filters.eq("enabled", true), Filters.lte("nextRunAt", Date.from(now)),
                Filters.or(Filters.eq("leaseUntil", null), Filters.lt("leaseUntil", Date.from(now))));
        var claimed = schedules.findOneAndUpdate(due, Updates.combine(Updates.set("lease", lease),
                Updates.set("leaseUntil", Date.from(leaseUntil))),
                new FindOneAndUpdateOptions().sort(Sorts.ascending("nextRunAt")).returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(claimed).map(ScheduleStore::read);
    }

    /**
     * Records a run and moves the schedule to its next occurrence, if this node still holds the
     * lease it claimed with; false if the lease was lost (the run is recorded all the same).
     */
    boolean finish(String id, String lease, ScriptSchedule.Run run, Instant nextRunAt) {
        runs.insertOne(write(run).append("schedule", id));
        return schedules.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("lease", lease)),
                Updates.combine(Updates.set("lastRun", write(run)), Updates.set("nextRunAt", date(nextRunAt)),
                        Updates.set("lease", null), Updates.set("leaseUntil", null))).getModifiedCount() == 1;
    }

    /** The schedule's latest runs, newest first. */
    List<ScriptSchedule.Run> runs(String id, int limit) {
        var out = new ArrayList<ScriptSchedule.Run>();
        timeLimit.on(runs.find(Filters.eq("schedule", id)).sort(Sorts.descending("startedAt")).limit(limit))
                .forEach(d -> out.add(readRun(d)));
        return out;
    }

    /** Records a run started by hand, which leaves the timetable alone. */
    void recordManual(String id, ScriptSchedule.Run run) {
        runs.insertOne(write(run).append("schedule", id));
        schedules.updateOne(Filters.eq("_id", id), Updates.set("lastRun", write(run)));
    }

    private static Document write(ScriptSchedule s) {
        return new Document("_id", s.id()).append("name", s.name()).append("script", s.script())
                .append("cron", s.cron()).append("zone", s.zone()).append("enabled", s.enabled())
                .append("timeLimitSeconds", s.timeLimitSeconds()).append("input", new Document(s.input()))
                .append("runAs", s.runAs()).append("nextRunAt", date(s.nextRunAt()))
                .append("lastRun", s.lastRun() == null ? null : write(s.lastRun()))
                .append("updatedAt", date(s.updatedAt())).append("version", s.version());
    }

    private static Document write(ScriptSchedule.Run run) {
        return new Document("scheduledAt", date(run.scheduledAt())).append("startedAt", date(run.startedAt()))
                .append("outcome", run.outcome()).append("message", run.message())
                .append("durationMs", run.durationMs()).append("logs", run.logs()).append("node", run.node());
    }

    private static ScriptSchedule read(Document d) {
        var input = d.get("input", Document.class);
        var last = d.get("lastRun", Document.class);
        return new ScriptSchedule(d.getString("_id"), d.getString("name"), d.getString("script"),
                d.getString("cron"), d.getString("zone"), Boolean.TRUE.equals(d.getBoolean("enabled")),
                d.getInteger("timeLimitSeconds"), input == null ? Map.of() : plain(input),
                d.getString("runAs"), instant(d.getDate("nextRunAt")), last == null ? null : readRun(last),
                instant(d.getDate("updatedAt")), d.get("version", Number.class).longValue());
    }

    private static ScriptSchedule.Run readRun(Document d) {
        return new ScriptSchedule.Run(instant(d.getDate("scheduledAt")), instant(d.getDate("startedAt")),
                d.getString("outcome"), d.getString("message"), d.get("durationMs", Number.class).doubleValue(),
                d.getList("logs", String.class), d.getString("node"));
    }

    /** A stored document as plain maps and lists, as scripts get JSON. */
    private static Map<String, Object> plain(Document document) {
        var out = new java.util.LinkedHashMap<String, Object>();
        document.forEach((k, v) -> out.put(k, v instanceof Document inner ? plain(inner) : v));
        return out;
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
