package io.atrium.ui.tasks;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.atrium.platform.access.AccessDeniedException;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.Messages;
import io.atrium.platform.app.ValidationException;
import io.atrium.platform.form.FormCatalog;
import io.atrium.platform.identity.Role;
import io.atrium.platform.identity.UserAccount;
import io.atrium.platform.identity.UserDirectory;
import io.atrium.platform.item.ItemFiles;
import io.atrium.platform.item.Items;
import io.atrium.platform.item.StaleItemException;
import io.atrium.platform.process.ProcessCatalog;
import io.atrium.runtime.process.task.ProcessTask;
import io.atrium.runtime.process.task.TaskInbox;
import io.atrium.ui.security.CurrentActor;
import jakarta.annotation.security.PermitAll;
import java.util.HashMap;
import java.util.List;
import java.util.NoSuchElementException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One task: what it is about, its variables and its form; claim it, give it back, hand it to
 * someone, complete it (or, for an approval, approve or reject it with a comment).
 */
@Route("tasks/:id")
@StyleSheet("context://styles/inbox.css")
@PermitAll
public class TaskView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final TaskInbox inbox;
    private final ProcessCatalog processes;
    private final UserDirectory users;
    private final FormCatalog forms;
    private final AppCatalog apps;
    private final Items items;
    private final ItemFiles files;
    private final CurrentActor currentActor;
    private ProcessTask task;
    private TaskFormPanel formPanel;
    private ApprovalPanel approvalPanel;
    private String title = "Atrium";

    public TaskView(TaskInbox inbox, ProcessCatalog processes, UserDirectory users, FormCatalog forms,
            AppCatalog apps, Items items, ItemFiles files, CurrentActor currentActor) {
        this.inbox = inbox;
        this.processes = processes;
        this.users = users;
        this.forms = forms;
        this.apps = apps;
        this.items = items;
        this.files = files;
        this.currentActor = currentActor;
        setId("task");
        setMaxWidth("60rem");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        task = inbox.get(currentActor.get(), id).filter(t -> t.state() == ProcessTask.State.OPEN).orElse(null);
        build();
    }

    private void build() {
        removeAll();
        if (task == null) {
            title = getTranslation("tasks.gone.title");
            add(new H2(title), new Paragraph(getTranslation("tasks.gone.text")), backButton(true));
            return;
        }
        title = task.name();
        var actor = currentActor.get();
        var heading = new H2(task.name());
        heading.setId("task-name");
        add(heading, facts());
        add(actions());
        if (task.isApproval()) {
            boolean mayDecide = task.assignee() == null || task.assignee().equals(actor.username());
            approvalPanel = new ApprovalPanel(task, inbox.votes(actor, task.id()), mayDecide, getLocale(), this::decide);
            add(approvalPanel);
        } else {
            add(new H3(getTranslation("tasks.form")));
            formPanel = new TaskFormPanel(inbox.form(actor, task.id()).orElseThrow(), actor, forms, apps, items,
                    files, getLocale());
            add(formPanel);
            var complete = new Button(getTranslation("tasks.complete"), VaadinIcon.CHECK.create(), e -> complete());
            complete.setId("task-complete");
            complete.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            complete.setEnabled(formPanel.usable() && mayComplete());
            var buttons = new HorizontalLayout(complete, backButton(false));
            buttons.setWrap(true);
            add(buttons);
        }
        add(variables());
    }

    private Div facts() {
        var facts = new Div();
        facts.setId("task-facts");
        facts.addClassName("task-facts");
        String process = task.process() == null ? getTranslation("tasks.process.engine")
                : processes.current(task.process()).map(p -> p.definition().name()).filter(n -> n != null && !n.isBlank())
                        .orElse(task.process().toString());
        var priority = new Span(TaskText.priority(this, task.priority()));
        priority.getElement().getThemeList().add(TaskText.priorityTheme(task.priority()));
        facts.add(new Paragraph(new Span(getTranslation("tasks.process", process)), new Span(" · "), priority));
        facts.add(new Paragraph(TaskText.people(this, task)));
        if (task.dueDate() != null) {
            var due = new Span(getTranslation("tasks.due", TaskText.time(task.dueDate(), getLocale())));
            if (TaskText.overdue(task)) {
                due.getElement().getThemeList().add("badge error");
            }
            facts.add(new Paragraph(due));
        }
        if (task.followUpDate() != null) {
            facts.add(new Paragraph(getTranslation("tasks.followUp", TaskText.time(task.followUpDate(), getLocale()))));
        }
        return facts;
    }

    private HorizontalLayout actions() {
        var actor = currentActor.get();
        var bar = new HorizontalLayout();
        bar.setWrap(true);
        bar.setId("task-actions");
        if (task.assignee() == null) {
            var claim = new Button(getTranslation("tasks.claim"), VaadinIcon.HAND.create(),
                    e -> run(() -> task = inbox.claim(actor, task.id()), "tasks.claimed"));
            claim.setId("task-claim");
            bar.add(claim);
        } else if (task.assignee().equals(actor.username()) || actor.has(Role.ADMIN)) {
            var unclaim = new Button(getTranslation("tasks.unclaim"), VaadinIcon.ARROW_BACKWARD.create(),
                    e -> run(() -> task = inbox.unclaim(actor, task.id()), "tasks.unclaimed"));
            unclaim.setId("task-unclaim");
            bar.add(unclaim);
        }
        if (task.assignee() == null || task.assignee().equals(actor.username()) || actor.has(Role.ADMIN)) {
            var delegate = new Button(getTranslation("tasks.delegate"), VaadinIcon.USER_CHECK.create(),
                    e -> openDelegate());
            delegate.setId("task-delegate");
            bar.add(delegate);
        }
        bar.getChildren().forEach(c -> ((Button) c).addThemeVariants(ButtonVariant.LUMO_TERTIARY));
        return bar;
    }

    private void openDelegate() {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("tasks.delegate.title"));
        var people = new ComboBox<UserAccount>(getTranslation("tasks.delegate.user"));
        people.setId("task-delegate-user");
        people.setItems(users.all().stream().filter(UserAccount::enabled)
                .filter(u -> !u.username().equals(task.assignee())).toList());
        people.setItemLabelGenerator(u -> u.displayName() + " (" + u.username() + ")");
        people.setWidthFull();
        dialog.add(people);
        var hand = new Button(getTranslation("tasks.delegate.confirm"), e -> {
            if (people.getValue() == null) {
                people.setErrorMessage(getTranslation("tasks.delegate.pick"));
                people.setInvalid(true);
                return;
            }
            dialog.close();
            String to = people.getValue().username();
            run(() -> task = inbox.delegate(currentActor.get(), task.id(), to), "tasks.delegated");
        });
        hand.setId("task-delegate-confirm");
        hand.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("tasks.cancel"), e -> dialog.close()), hand);
        dialog.open();
    }

    private void complete() {
        var values = formPanel.values();
        var errors = formPanel.check();
        if (!errors.isEmpty()) {
            refused(formPanel.show(errors));
            return;
        }
        finish(() -> inbox.complete(currentActor.get(), task.id(), values, formPanel.itemVersion()),
                formPanel::show);
    }

    private void decide(boolean approved, String comment) {
        var decision = new HashMap<String, Object>();
        decision.put("approved", approved);
        if (comment != null && !comment.isBlank()) {
            decision.put("comment", comment);
        }
        finish(() -> inbox.complete(currentActor.get(), task.id(), decision),
                errors -> {
                    errors.stream().filter(e -> e.field().equals("comment")).findFirst()
                            .ifPresent(e -> approvalPanel.commentError(Messages.text(e, getLocale())));
                    return errors.stream().filter(e -> !e.field().equals("comment")).toList();
                });
    }

    /** Completes, and back to the inbox; refusals show where they belong. */
    private void finish(Runnable completion, java.util.function.Function<List<FieldError>, List<FieldError>> show) {
        try {
            completion.run();
            Notification.show(getTranslation("tasks.completed", task.name()))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate(TasksView.class));
        } catch (ValidationException e) {
            refused(show.apply(e.errors()));
        } catch (StaleItemException e) {
            Notification.show(getTranslation("tasks.stale")).addThemeVariants(NotificationVariant.LUMO_WARNING);
        } catch (IllegalStateException | AccessDeniedException | NoSuchElementException e) {
            Notification.show(Messages.text(e, getLocale())).addThemeVariants(NotificationVariant.LUMO_ERROR);
            task = inbox.get(currentActor.get(), task.id()).filter(t -> t.state() == ProcessTask.State.OPEN)
                    .orElse(null);
            build();
        }
    }

    private void refused(List<FieldError> unshown) {
        String text = unshown.isEmpty() ? getTranslation("tasks.invalid")
                : getTranslation("tasks.invalid") + " " + Messages.text(unshown, getLocale());
        var notice = Notification.show(text);
        notice.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private void run(Runnable change, String done) {
        try {
            change.run();
            Notification.show(getTranslation(done)).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (IllegalStateException | IllegalArgumentException | AccessDeniedException | NoSuchElementException e) {
            Notification.show(Messages.text(e, getLocale())).addThemeVariants(NotificationVariant.LUMO_ERROR);
            task = inbox.get(currentActor.get(), task.id()).orElse(null);
        }
        build();
    }

    private boolean mayComplete() {
        var actor = currentActor.get();
        return task.assignee() == null || task.assignee().equals(actor.username()) || actor.has(Role.ADMIN);
    }

    private Details variables() {
        var content = new VerticalLayout();
        content.setPadding(false);
        content.setSpacing(false);
        if (task.variables().isEmpty()) {
            content.add(new Paragraph(getTranslation("tasks.variables.none")));
        }
        task.variables().forEach((name, value) -> {
            var line = new Paragraph(new Span(name + ": "), new Span(value instanceof String s ? s
                    : JSON.writeValueAsString(value)));
            line.getStyle().set("overflow-wrap", "anywhere").set("margin", "0");
            content.add(line);
        });
        var details = new Details(getTranslation("tasks.variables", task.variables().size()), content);
        details.setId("task-variables");
        return details;
    }

    private Button backButton(boolean primary) {
        var back = new Button(getTranslation("tasks.back"), VaadinIcon.ARROW_LEFT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(TasksView.class)));
        back.setId("task-back");
        back.addThemeVariants(primary ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_TERTIARY);
        return back;
    }

    @Override
    public String getPageTitle() {
        return title + " · Atrium";
    }
}
