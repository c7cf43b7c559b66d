package io.atrium.runtime.api.internal;

import io.atrium.runtime.script.schedule.ScriptSchedule;
import io.atrium.runtime.script.schedule.ScriptSchedules;
import io.atrium.runtime.security.Actors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Script functions on a timetable. Developers and administrators set them up; analysts read
 * them. A schedule runs as whoever saved it last.
 */
@RestController
@RequestMapping("/api/v1/script-schedules")
@Tag(name = "Script schedules", description = "Run script functions on a cron timetable, once per occurrence "
        + "across all nodes")
class ScriptSchedulesController {

    private static final int RUNS_SHOWN = 20;
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
            .build();

    private final ScriptSchedules schedules;
    private final Actors actors;

    ScriptSchedulesController(ScriptSchedules schedules, Actors actors) {
        this.schedules = schedules;
        this.actors = actors;
    }

    @GetMapping
    @Operation(operationId = "listScriptSchedules", summary = "Every schedule, with its next and latest run")
    Map<String, Object> list(Authentication auth) {
        return Map.of("schedules", schedules.list(actors.of(auth)).stream().map(ScriptSchedulesController::json)
                .toList());
    }

    @PostMapping
    @Operation(operationId = "createScriptSchedule", summary = "Schedule a published function",
            description = "Body: {\"name\", \"script\": \"workspace/module#function\", \"cron\": \"0 0 9 * * MON-FRI\" "
                    + "(six fields, second first, or the usual five), \"zone\": \"Europe/Moscow\", \"enabled\", "
                    + "\"timeLimitSeconds\", \"input\": {…}}. The function gets {input, scheduledAt, schedule}.")
    ResponseEntity<Map<String, Object>> create(@RequestBody JsonNode body, Authentication auth) {
        var created = schedules.create(actors.of(auth), settings(body));
        return ResponseEntity.status(HttpStatus.CREATED).body(json(created));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getScriptSchedule", summary = "A schedule and its latest runs, newest first")
    Map<String, Object> get(@PathVariable String id, Authentication auth) {
        var actor = actors.of(auth);
        var out = json(schedules.get(actor, id));
        out.put("runs", schedules.runs(actor, id, RUNS_SHOWN).stream().map(ScriptSchedulesController::json).toList());
        return out;
    }

    @PutMapping("/{id}")
    @Operation(operationId = "updateScriptSchedule", summary = "Replace a schedule's settings",
            description = "The body is as for creating, with the \"version\" it changes; 409 if it changed meanwhile. "
                    + "The schedule then runs as the caller.")
    Map<String, Object> update(@PathVariable String id, @RequestBody JsonNode body, Authentication auth) {
        long version = JsonInput.integer(body, "version", "version", 1, Integer.MAX_VALUE, 0);
        if (version == 0) {
            throw new IllegalArgumentException("version is required: the version of the schedule being changed");
        }
        try {
            return json(schedules.update(actors.of(auth), id, version, settings(body)));
        } catch (ScriptSchedules.StaleScheduleException e) {
            throw new ConflictException(e.getMessage());
        }
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteScriptSchedule", summary = "Remove a schedule and its runs (?version=)")
    ResponseEntity<Void> delete(@PathVariable String id, @RequestParam long version, Authentication auth) {
        try {
            schedules.delete(actors.of(auth), id, version);
        } catch (ScriptSchedules.StaleScheduleException e) {
            throw new ConflictException(e.getMessage());
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/run")
    @Operation(operationId = "runScriptScheduleNow", summary = "Run the schedule's function now, as it would run",
            description = "Answers the run: {outcome, message, durationMs, logs}; the timetable stays as it is.")
    Map<String, Object> runNow(@PathVariable String id, Authentication auth) {
        return json(schedules.runNow(actors.of(auth), id));
    }

    private static ScriptSchedules.Settings settings(JsonNode body) {
        JsonInput.object(body, "");
        JsonNode input = body.get("input");
        if (input != null && !input.isNull() && !input.isObject()) {
            throw JsonInput.invalid("input", "type", io.atrium.platform.app.MessageKey.JSON_INVALID,
                    "input is a JSON object");
        }
        Integer limit = body.hasNonNull("timeLimitSeconds")
                ? JsonInput.integer(body, "timeLimitSeconds", "timeLimitSeconds", 1, 300, 0) : null;
        Boolean enabled = body.hasNonNull("enabled") ? JsonInput.flag(body, "enabled", "enabled", true) : null;
        @SuppressWarnings("unchecked")
        Map<String, Object> values = input == null || input.isNull() ? Map.of()
                : JSON.convertValue(input, Map.class);
        return new ScriptSchedules.Settings(JsonInput.text(body, "name", "name", 200, null),
                JsonInput.text(body, "script", "script", 300, null), JsonInput.text(body, "cron", "cron", 120, null),
                JsonInput.text(body, "zone", "zone", 60, null), enabled, limit, values);
    }

    private static Map<String, Object> json(ScriptSchedule s) {
        var out = new LinkedHashMap<String, Object>();
        out.put("id", s.id());
        out.put("name", s.name());
        out.put("script", s.script());
        out.put("cron", s.cron());
        out.put("zone", s.zone());
        out.put("enabled", s.enabled());
        out.put("timeLimitSeconds", s.timeLimitSeconds());
        out.put("input", s.input());
        out.put("runAs", s.runAs());
        out.put("nextRunAt", s.nextRunAt() == null ? null : s.nextRunAt().toString());
        out.put("lastRun", s.lastRun() == null ? null : json(s.lastRun()));
        out.put("updatedAt", s.updatedAt() == null ? null : s.updatedAt().toString());
        out.put("version", s.version());
        return out;
    }

    private static Map<String, Object> json(ScriptSchedule.Run run) {
        var out = new LinkedHashMap<String, Object>();
        out.put("scheduledAt", run.scheduledAt() == null ? null : run.scheduledAt().toString());
        out.put("startedAt", run.startedAt().toString());
        out.put("outcome", run.outcome());
        out.put("message", run.message());
        out.put("durationMs", Math.round(run.durationMs() * 100) / 100.0);
        out.put("logs", run.logs());
        out.put("node", run.node());
        return out;
    }
}
