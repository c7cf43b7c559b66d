package io.atrium.runtime.script.schedule;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.scheduling.support.CronExpression;

/** A cron expression read in a time zone: when it next fires and how often it may. */
record Timetable(CronExpression cron, ZoneId zone) {

    /**
     * Reads a cron of six fields (second first) or of the usual five (which then fires at second 0).
     *
     * @throws IllegalArgumentException saying which part is wrong
     */
    static Timetable parse(String cron, String zone) {
        if (cron == null || cron.isBlank() || cron.length() > 120) {
            throw new IllegalArgumentException("A schedule needs a cron expression such as '0 */15 * * * *' "
                    + "(second minute hour day month weekday) or '*/15 * * * *'");
        }
        String text = cron.strip().replaceAll("\\s+", " ");
        if (text.split(" ").length == 5) {
            text = "0 " + text;
        }
        CronExpression parsed;
        try {
            parsed = CronExpression.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The cron expression '" + cron + "' does not parse: " + e.getMessage());
        }
        ZoneId id;
        try {
            id = ZoneId.of(zone == null || zone.isBlank() ? "UTC" : zone.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Unknown time zone '" + zone + "'; use a name such as Europe/Moscow");
        }
        return new Timetable(parsed, id);
    }

    /** The first occurrence after the instant, or null if it never fires again. */
    Instant next(Instant after) {
        ZonedDateTime next = cron.next(after.atZone(zone));
        return next == null ? null : next.toInstant();
    }

    /**
     * The shortest gap between two occurrences over the next few, to refuse timetables that fire
     * more often than the platform allows.
     */
    Duration shortestGap(Instant from) {
        Duration shortest = null;
        Instant previous = next(from);
        for (int i = 0; i < 8 && previous != null; i++) {
            Instant following = next(previous);
            if (following == null) {
                break;
            }
            Duration gap = Duration.between(previous, following);
            shortest = shortest == null || gap.compareTo(shortest) < 0 ? gap : shortest;
            previous = following;
        }
        return shortest == null ? Duration.ofDays(3650) : shortest;
    }
}
