package io.atrium.runtime.script.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A script function run on a timetable: a cron expression in a time zone. It runs as the person
 * who last saved it, with their current roles; whichever node claims an occurrence first runs it
 * and the others leave it.
 *
 * @param id               the schedule's id
 * @param name             what it is for, as people read it
 * @param script           {@code workspace/module#function}
 * @param cron             six fields (second minute hour day month weekday) or the usual five
 * @param zone             the time zone the cron is read in, e.g. {@code Europe/Moscow}
 * @param enabled          a disabled schedule keeps its settings and history and does not run
 * @param timeLimitSeconds how long one run may take; null for the platform default
 * @param input            the JSON object the function gets as {@code input}
 * @param runAs            whom it runs as: the person who last saved it
 * @param nextRunAt        the next occurrence, null when disabled
 * @param lastRun          the latest run, or null before the first
 * @param version          counts changes; an update names the version it changes
 */
public record ScriptSchedule(String id, String name, String script, String cron, String zone, boolean enabled,
        Integer timeLimitSeconds, Map<String, Object> input, String runAs, Instant nextRunAt, Run lastRun,
        Instant updatedAt, long version) {

    public ScriptSchedule {
        input = input == null ? Map.of() : input;
    }

    /**
     * One run of a schedule.
     *
     * @param scheduledAt the occurrence it ran for
     * @param startedAt   when it started
     * @param outcome     {@code ok}, or the failure's kind in small letters: {@code error}, {@code refused},
     *                    {@code timeout}, {@code limit}, {@code invalid}
     * @param message     the failure's message, or the start of the result
     * @param durationMs  how long it ran
     * @param logs        what it logged (the first lines)
     * @param node        the node that ran it
     */
    public record Run(Instant scheduledAt, Instant startedAt, String outcome, String message, double durationMs,
            List<String> logs, String node) {

        public Run {
            logs = logs == null ? List.of() : List.copyOf(logs);
        }

        public boolean ok() {
            return "ok".equals(outcome);
        }
    }
}
