package io.atrium.ui.tasks;

import com.vaadin.flow.component.Component;
import io.atrium.runtime.process.task.ProcessTask;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Locale;

/** How the inbox writes a task's dates, priority and people. */
final class TaskText {

    /** Priority from which a task counts as high, and up to which as low. */
    static final int HIGH = 70;
    static final int LOW = 30;

    private TaskText() {
    }

    static String time(Instant at, Locale locale) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(ZoneId.systemDefault()).format(at);
    }

    static String priority(Component c, int priority) {
        String level = priority >= HIGH ? "high" : priority <= LOW ? "low" : "normal";
        return c.getTranslation("tasks.priority." + level, priority);
    }

    static String priorityTheme(int priority) {
        return priority >= HIGH ? "badge error" : priority <= LOW ? "badge contrast" : "badge";
    }

    /** Who works on it, or who may take it. */
    static String people(Component c, ProcessTask task) {
        if (task.assignee() != null) {
            return c.getTranslation("tasks.assignee", task.assignee());
        }
        var names = new ArrayList<String>(task.candidateUsers());
        task.candidateGroups().forEach(g -> names.add(c.getTranslation("tasks.group", g)));
        return names.isEmpty() ? c.getTranslation("tasks.anyone")
                : c.getTranslation("tasks.candidates", String.join(", ", names));
    }

    static boolean overdue(ProcessTask task) {
        return task.dueDate() != null && task.dueDate().isBefore(Instant.now());
    }
}
