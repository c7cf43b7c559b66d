package io.atrium.runtime.script.schedule;

import com.mongodb.client.MongoDatabase;
import io.atrium.platform.QueryTimeLimit;
import io.atrium.platform.access.AccessDeniedException;
import io.atrium.platform.access.Actor;
import io.atrium.platform.identity.UserDirectory;
import io.atrium.platform.script.PublishedScript;
import io.atrium.platform.script.ScriptCatalog;
import io.atrium.platform.script.ScriptTarget;
import io.atrium.runtime.script.ScriptCall;
import io.atrium.runtime.script.ScriptFailure;
import io.atrium.runtime.script.Scripts;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Script functions on a timetable: who may set them up, what a valid schedule is, and one run of
 * one occurrence. Developers and administrators set schedules up; analysts may read them. A
 * schedule runs as the person who last saved it, with the roles they have when it runs, so a
 * schedule can do no more than its author could by hand, and stops when their account does.
 */
@Service
public class ScriptSchedules {

    /** The input a schedule hands its function: at most this many bytes of JSON. */
    static final int MAX_INPUT = 64 * 1024;
    static final int MAX_NAME = 200;
    static final int MAX_SCHEDULES = 1000;
    /** The longest a scheduled run may take, in seconds (the sandbox's own ceiling). */
    static final int MAX_TIME_LIMIT = 300;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ScheduleStore store;
    private final ScriptCatalog catalog;
    private final Scripts scripts;
    private final UserDirectory users;
    private final Duration minInterval;
    private final Clock clock;
    private final String node;

    public ScriptSchedules(MongoDatabase database, QueryTimeLimit timeLimit, ScriptCatalog catalog, Scripts scripts,
            UserDirectory users, @Value("${atrium.scripts.schedules.min-interval:1m}") Duration minInterval) {
        this.store = new ScheduleStore(database, timeLimit);
        this.catalog = catalog;
        this.scripts = scripts;
        this.users = users;
        this.minInterval = minInterval;
        this.clock = Clock.systemUTC();
        this.node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** What a person asks for; the rest (id, next run, whom it runs as) the platform fills in. */
    public record Settings(String name, String script, String cron, String zone, Boolean enabled,
            Integer timeLimitSeconds, Map<String, Object> input) {
    }

    public List<ScriptSchedule> list(Actor actor) {
        requireReader(actor);
        return store.list(MAX_SCHEDULES);
    }

    /** The schedules that run functions of one module. */
    public List<ScriptSchedule> listOf(Actor actor, io.atrium.platform.script.ScriptRef module) {
        requireReader(actor);
        return store.listOf(module.toString(), MAX_SCHEDULES);
    }

    public ScriptSchedule get(Actor actor, String id) {
        requireReader(actor);
        return find(id);
    }

    public List<ScriptSchedule.Run> runs(Actor actor, String id, int limit) {
        requireReader(actor);
        find(id);
        return store.runs(id, limit);
    }

    public ScriptSchedule create(Actor actor, Settings settings) {
        requireDeveloper(actor);
        if (store.count() >= MAX_SCHEDULES) {
            throw new IllegalArgumentException("There are " + MAX_SCHEDULES + " schedules already; remove some first");
        }
        var schedule = checked(UUID.randomUUID().toString(), settings, actor, 1, null);
        store.insert(schedule);
        return schedule;
    }

    /** Replaces the settings of the schedule at {@code version}; it then runs as {@code actor}. */
    public ScriptSchedule update(Actor actor, String id, long version, Settings settings) {
        requireDeveloper(actor);
        var schedule = checked(id, settings, actor, version + 1, find(id).lastRun());
        if (!store.replace(schedule, version)) {
            throw new StaleScheduleException(id, version);
        }
        return schedule;
    }

    public void delete(Actor actor, String id, long version) {
        requireDeveloper(actor);
        find(id);
        if (!store.delete(id, version)) {
            throw new StaleScheduleException(id, version);
        }
    }

    /** Runs the schedule's function now, as the schedule would, leaving its timetable as it is. */
    public ScriptSchedule.Run runNow(Actor actor, String id) {
        requireDeveloper(actor);
        var schedule = find(id);
        var run = execute(schedule, clock.instant());
        store.recordManual(id, run);
        return run;
    }

    /**
     * Claims one due occurrence and runs it; false when nothing was due. The lease outlasts the
     * run's own time limit, so no other node takes the occurrence while it runs.
     */
    boolean runOneDue() {
        Instant now = clock.instant();
        String lease = node + "/" + UUID.randomUUID();
        Optional<ScriptSchedule> claimed = store.claimDue(now, lease, now.plusSeconds(MAX_TIME_LIMIT + 60));
        if (claimed.isEmpty()) {
            return false;
        }
        var schedule = claimed.get();
        var run = execute(schedule, schedule.nextRunAt());
        Instant next = null;
        try {
            next = Timetable.parse(schedule.cron(), schedule.zone()).next(clock.instant());
        } catch (IllegalArgumentException e) {
            // a timetable that no longer reads stops until someone saves it again
        }
        store.finish(schedule.id(), lease, run, next);
        return true;
    }

    private ScriptSchedule.Run execute(ScriptSchedule schedule, Instant scheduledAt) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        var account = users.findByUsername(schedule.runAs()).filter(a -> a.enabled());
        if (account.isEmpty()) {
            return new ScriptSchedule.Run(scheduledAt, started, "denied", "The schedule runs as " + schedule.runAs()
                    + ", whose account is gone or disabled; save it again to run it as yourself", 0, List.of(), node);
        }
        var actor = new Actor(account.get().username(), account.get().roles(), account.get().groups());
        try {
            var target = ScriptTarget.parse(schedule.script());
            var limits = scripts.defaults().withTime(limitOf(schedule.timeLimitSeconds()));
            var call = ScriptCall.of("schedule", actor, limits, target.toString());
            var input = JSON.createObjectNode();
            input.set("input", JSON.valueToTree(schedule.input()));
            input.put("scheduledAt", scheduledAt == null ? null : scheduledAt.toString());
            input.put("schedule", schedule.id());
            var result = scripts.run(target, input, call);
            String said = "null".equals(result.json()) ? null : result.json();
            return new ScriptSchedule.Run(scheduledAt, started, "ok", clip(said), result.durationMs(),
                    firstLines(result.log()), node);
        } catch (ScriptFailure e) {
            return new ScriptSchedule.Run(scheduledAt, started, e.kind().name().toLowerCase(Locale.ROOT),
                    clip(e.getMessage()), (System.nanoTime() - t0) / 1e6, firstLines(e.logs()), node);
        } catch (RuntimeException e) {
            return new ScriptSchedule.Run(scheduledAt, started, "error", clip(e.getMessage()),
                    (System.nanoTime() - t0) / 1e6, List.of(), node);
        }
    }

    private Duration limitOf(Integer seconds) {
        return seconds == null ? scripts.defaults().time() : Duration.ofSeconds(seconds);
    }

    private ScriptSchedule checked(String id, Settings settings, Actor actor, long version,
            ScriptSchedule.Run lastRun) {
        if (settings == null) {
            throw new IllegalArgumentException("A schedule needs name, script and cron");
        }
        String name = settings.name() == null ? "" : settings.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new IllegalArgumentException("name is required: what the schedule is for, at most " + MAX_NAME
                    + " characters");
        }
        var target = ScriptTarget.parse(settings.script());
        PublishedScript published = catalog.current(target.module()).orElseThrow(() -> new IllegalArgumentException(
                "The module " + target.module() + " is not published; publish it before scheduling it"));
        if (!published.module().compiled().exports().contains(target.function())) {
            throw new IllegalArgumentException("The module " + target.module() + " exports no function '"
                    + target.function() + "'; it exports " + published.module().compiled().exports());
        }
        var timetable = Timetable.parse(settings.cron(), settings.zone());
        Instant now = clock.instant();
        if (timetable.shortestGap(now).compareTo(minInterval) < 0) {
            throw new IllegalArgumentException("The schedule would run more often than every " + minInterval
                    .toSeconds() + " s, the shortest interval allowed (atrium.scripts.schedules.min-interval)");
        }
        Integer limit = settings.timeLimitSeconds();
        if (limit != null && (limit < 1 || limit > MAX_TIME_LIMIT)) {
            throw new IllegalArgumentException("timeLimitSeconds is 1 to " + MAX_TIME_LIMIT + " (got " + limit + ")");
        }
        var input = settings.input() == null ? Map.<String, Object>of() : settings.input();
        if (JSON.writeValueAsBytes(input).length > MAX_INPUT) {
            throw new IllegalArgumentException("input is at most " + MAX_INPUT / 1024 + " KB of JSON");
        }
        boolean enabled = settings.enabled() == null || settings.enabled();
        Instant next = enabled ? timetable.next(now) : null;
        return new ScriptSchedule(id, name, target.toString(), settings.cron().strip(), timetable.zone().getId(),
                enabled, limit, input, actor.username(), next, lastRun, now, version);
    }

    private ScriptSchedule find(String id) {
        return store.get(id).orElseThrow(() -> new NoSuchElementException("There is no schedule " + id));
    }

    private void requireReader(Actor actor) {
        if (!catalog.mayRead(actor)) {
            throw new AccessDeniedException(actor.username() + " may not read script schedules");
        }
    }

    private void requireDeveloper(Actor actor) {
        if (!catalog.mayDevelop(actor)) {
            throw new AccessDeniedException(actor.username() + " may not set up script schedules");
        }
    }

    private static String clip(String text) {
        return text == null ? null : text.length() > 2000 ? text.substring(0, 2000) + "…" : text;
    }

    private static List<String> firstLines(List<String> logs) {
        return logs == null ? List.of() : logs.stream().limit(50).map(ScriptSchedules::clip).toList();
    }

    /** An update or removal named a version the schedule is no longer at. */
    public static class StaleScheduleException extends RuntimeException {
        public StaleScheduleException(String id, long version) {
            super("The schedule " + id + " changed since version " + version + "; read it again");
        }
    }
}
