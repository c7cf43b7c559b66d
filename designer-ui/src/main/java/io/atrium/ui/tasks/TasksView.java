package io.atrium.ui.tasks;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.atrium.platform.access.Actor;
import io.atrium.platform.process.ProcessCatalog;
import io.atrium.runtime.process.task.ProcessTask;
import io.atrium.runtime.process.task.TaskInbox;
import io.atrium.ui.security.CurrentActor;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The task inbox: the open tasks a person may see, narrowed to theirs, their groups' or all,
 * by due date, priority and process, sorted as they choose. A task opens on its own page.
 */
@Route("tasks")
@StyleSheet("context://styles/inbox.css")
@PermitAll
public class TasksView extends VerticalLayout implements HasDynamicTitle {

    private final TaskInbox inbox;
    private final ProcessCatalog processes;
    private final CurrentActor currentActor;
    private final Select<String> scope = select("scope", "all", "mine", "groups");
    private final Select<String> due = select("due", "any", "overdue", "today", "week", "none");
    private final Select<String> priority = select("priority", "any", "high", "normal", "low");
    private final Select<String> sort = select("sort", "priority", "due", "created");
    private final ComboBox<String> process = new ComboBox<>();
    private final Div list = new Div();
    private final Paragraph summary = new Paragraph();
    private HorizontalLayout filters;
    private List<ProcessTask> tasks = List.of();
    private final Map<String, String> processNames = new TreeMap<>();

    public TasksView(TaskInbox inbox, ProcessCatalog processes, CurrentActor currentActor) {
        this.inbox = inbox;
        this.processes = processes;
        this.currentActor = currentActor;
        setId("tasks");
        add(new H2(getTranslation("tasks.title")));
        process.setLabel(getTranslation("tasks.filter.process"));
        process.setId("tasks-filter-process");
        process.setClearButtonVisible(true);
        process.setPlaceholder(getTranslation("tasks.filter.process.any"));
        process.setItemLabelGenerator(ref -> processNames.getOrDefault(ref, ref));
        filters = new HorizontalLayout(scope, due, priority, process, sort);
        filters.setId("tasks-filters");
        filters.setWrap(true);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        List.of(scope, due, priority, sort).forEach(s -> s.addValueChangeListener(e -> show()));
        process.addValueChangeListener(e -> show());
        summary.setId("tasks-summary");
        list.setId("tasks-list");
        list.addClassName("task-list");
        add(filters, summary, list);
        load();
    }

    private void load() {
        tasks = inbox.open(currentActor.get(), null, TaskInbox.MAX_LIST);
        processNames.clear();
        tasks.stream().map(ProcessTask::process).filter(Objects::nonNull).distinct().forEach(ref ->
                processNames.put(ref.toString(), processes.current(ref).map(p -> p.definition().name())
                        .filter(n -> n != null && !n.isBlank()).orElse(ref.toString())));
        process.setItems(List.copyOf(processNames.keySet()));
        show();
    }

    private void show() {
        list.removeAll();
        var shown = tasks.stream().filter(filter()).sorted(order()).toList();
        filters.setVisible(!tasks.isEmpty()); // nothing to narrow down
        if (tasks.isEmpty()) {
            summary.setText("");
            list.add(empty(getTranslation("tasks.empty"), getTranslation("tasks.empty.hint"), null));
            return;
        }
        if (shown.isEmpty()) {
            summary.setText(getTranslation("tasks.count", tasks.size()));
            var clear = new Button(getTranslation("tasks.filter.clear"), e -> clearFilters());
            clear.setId("tasks-clear-filters");
            list.add(empty(getTranslation("tasks.filtered"), getTranslation("tasks.filtered.hint"), clear));
            return;
        }
        summary.setText(shown.size() == tasks.size() ? getTranslation("tasks.count", tasks.size())
                : getTranslation("tasks.countOf", shown.size(), tasks.size())
                + (tasks.size() >= TaskInbox.MAX_LIST ? " " + getTranslation("tasks.limit", TaskInbox.MAX_LIST) : ""));
        shown.forEach(task -> list.add(card(task)));
    }

    private Div card(ProcessTask task) {
        var card = new Div();
        card.addClassName("task-card");
        card.setId("task-" + task.id());
        var name = new com.vaadin.flow.router.RouterLink(task.name(), TaskView.class,
                new RouteParameters("id", task.id()));
        name.addClassName("task-card-name");
        var head = new Div(name);
        head.addClassName("task-card-head");
        if (task.isApproval()) {
            var approval = new Span(getTranslation("approval.badge"));
            approval.getElement().getThemeList().add("badge success");
            head.add(approval);
        }
        var level = new Span(TaskText.priority(this, task.priority()));
        level.getElement().getThemeList().add(TaskText.priorityTheme(task.priority()));
        head.add(level);
        card.add(head);
        String processName = task.process() == null ? getTranslation("tasks.process.engine")
                : processNames.getOrDefault(task.process().toString(), task.process().toString());
        var facts = new Div(new Span(processName), new Span(TaskText.people(this, task)));
        facts.addClassName("task-card-facts");
        if (task.isApproval()) {
            facts.addComponentAsFirst(new Span(task.approval().subject()));
        }
        if (task.dueDate() != null) {
            var dueText = new Span(getTranslation("tasks.due", TaskText.time(task.dueDate(), getLocale())));
            if (TaskText.overdue(task)) {
                dueText.getElement().getThemeList().add("badge error");
            }
            facts.add(dueText);
        }
        card.add(facts);
        card.addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(TaskView.class,
                new RouteParameters("id", task.id()))));
        return card;
    }

    private Predicate<ProcessTask> filter() {
        Actor actor = currentActor.get();
        Predicate<ProcessTask> out = task -> true;
        out = out.and(switch (scope.getValue()) {
            case "mine" -> task -> actor.username().equals(task.assignee());
            case "groups" -> task -> task.assignee() == null && (task.candidateUsers().contains(actor.username())
                    || task.candidateGroups().stream().anyMatch(actor.groups()::contains));
            default -> task -> true;
        });
        LocalDate today = LocalDate.now(ZoneId.systemDefault());
        Instant endOfToday = today.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant();
        Instant endOfWeek = today.plusDays(7).atStartOfDay(ZoneId.systemDefault()).toInstant();
        out = out.and(switch (due.getValue()) {
            case "overdue" -> TaskText::overdue;
            case "today" -> task -> task.dueDate() != null && task.dueDate().isBefore(endOfToday);
            case "week" -> task -> task.dueDate() != null && task.dueDate().isBefore(endOfWeek);
            case "none" -> task -> task.dueDate() == null;
            default -> task -> true;
        });
        out = out.and(switch (priority.getValue()) {
            case "high" -> task -> task.priority() >= TaskText.HIGH;
            case "low" -> task -> task.priority() <= TaskText.LOW;
            case "normal" -> task -> task.priority() > TaskText.LOW && task.priority() < TaskText.HIGH;
            default -> task -> true;
        });
        String chosen = process.getValue();
        if (chosen != null) {
            out = out.and(task -> task.process() != null && task.process().toString().equals(chosen));
        }
        return out;
    }

    private Comparator<ProcessTask> order() {
        Comparator<ProcessTask> created = Comparator.comparing(ProcessTask::createdAt,
                Comparator.nullsLast(Comparator.naturalOrder()));
        return switch (sort.getValue()) {
            case "due" -> Comparator.comparing(ProcessTask::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(created);
            case "created" -> created.reversed();
            default -> Comparator.comparingInt(ProcessTask::priority).reversed().thenComparing(created);
        };
    }

    private void clearFilters() {
        scope.setValue("all");
        due.setValue("any");
        priority.setValue("any");
        process.clear();
    }

    private Div empty(String title, String hint, Button action) {
        var box = new Div(new Paragraph(new Span(title)), new Paragraph(hint));
        box.setId("tasks-empty");
        box.addClassName("task-empty");
        if (action != null) {
            box.add(action);
        }
        return box;
    }

    private Select<String> select(String name, String... values) {
        var select = new Select<String>();
        select.setId("tasks-filter-" + name);
        select.setLabel(getTranslation("tasks.filter." + name));
        select.setItems(values);
        select.setItemLabelGenerator(v -> getTranslation("tasks.filter." + name + "." + v));
        select.setValue(values[0]);
        return select;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tasks.title") + " · Atrium";
    }
}
