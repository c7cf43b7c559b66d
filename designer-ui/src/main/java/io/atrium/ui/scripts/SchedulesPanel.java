package io.atrium.ui.scripts;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.atrium.platform.access.AccessDeniedException;
import io.atrium.platform.access.Actor;
import io.atrium.platform.script.ScriptRef;
import io.atrium.runtime.script.schedule.ScriptSchedule;
import io.atrium.runtime.script.schedule.ScriptSchedules;
import io.atrium.ui.controls.DesignerLayout;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The schedules of one module in its editor: when each runs next, how its last run went, run one
 * now, switch it off or on, remove it, and add one for an exported function.
 */
final class SchedulesPanel extends Details {

    private final ScriptSchedules schedules;
    private final ScriptRef module;
    private final Supplier<Actor> actor;
    private final boolean mayWrite;
    private final Grid<ScriptSchedule> grid = new Grid<>();
    private final Paragraph empty = new Paragraph();
    private final ComboBox<String> function = new ComboBox<>();

    SchedulesPanel(ScriptSchedules schedules, ScriptRef module, Supplier<Actor> actor, boolean mayWrite,
            Locale locale) {
        this.schedules = schedules;
        this.module = module;
        this.actor = actor;
        this.mayWrite = mayWrite;
        setId("schedules-panel");
        setSummaryText(getTranslation("schedule.title"));
        setOpened(true);
        setWidthFull();
        var when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale)
                .withZone(ZoneId.systemDefault());
        grid.setId("schedules");
        grid.addColumn(ScriptSchedule::name).setHeader(getTranslation("schedule.name")).setFlexGrow(2);
        grid.addColumn(s -> s.script().substring(s.script().indexOf('#') + 1))
                .setHeader(getTranslation("schedule.function"));
        grid.addColumn(s -> s.cron() + " · " + s.zone()).setHeader(getTranslation("schedule.cron")).setFlexGrow(2);
        grid.addColumn(s -> s.nextRunAt() == null ? getTranslation("schedule.off") : when.format(s.nextRunAt()))
                .setHeader(getTranslation("schedule.next")).setFlexGrow(2);
        grid.addColumn(s -> s.lastRun() == null ? "—" : getTranslation("schedule.outcome." + s.lastRun().outcome(),
                when.format(s.lastRun().startedAt()))).setHeader(getTranslation("schedule.last")).setFlexGrow(2);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("schedule.actions")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        empty.setId("schedules-empty");
        var body = new VerticalLayout(empty, grid);
        body.setPadding(false);
        if (mayWrite) {
            body.add(form());
        }
        add(body);
        refresh();
    }

    /** The functions of the published version, offered when adding a schedule. */
    void exports(List<String> names) {
        function.setItems(names);
        if (!names.isEmpty()) {
            function.setValue(names.contains("run") ? "run" : names.getFirst());
        }
    }

    private HorizontalLayout actions(ScriptSchedule schedule) {
        var run = new Button(VaadinIcon.PLAY.create(), e -> {
            var ran = schedules.runNow(actor.get(), schedule.id());
            Notification.show(getTranslation("schedule.ran", getTranslation("schedule.outcome." + ran.outcome(), ""),
                    ran.message() == null ? "" : ran.message())).addThemeVariants(ran.ok()
                    ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_ERROR);
            refresh();
        });
        run.setAriaLabel(getTranslation("schedule.runNow"));
        run.setTooltipText(getTranslation("schedule.runNow"));
        var toggle = new Button(schedule.enabled() ? VaadinIcon.PAUSE.create() : VaadinIcon.CLOCK.create(), e -> {
            change(() -> schedules.update(actor.get(), schedule.id(), schedule.version(), new ScriptSchedules.Settings(
                    schedule.name(), schedule.script(), schedule.cron(), schedule.zone(), !schedule.enabled(),
                    schedule.timeLimitSeconds(), schedule.input())));
        });
        String toggleText = getTranslation(schedule.enabled() ? "schedule.disable" : "schedule.enable");
        toggle.setAriaLabel(toggleText);
        toggle.setTooltipText(toggleText);
        var remove = new Button(VaadinIcon.TRASH.create(), e -> change(() -> {
            schedules.delete(actor.get(), schedule.id(), schedule.version());
            return null;
        }));
        remove.setAriaLabel(getTranslation("schedule.remove"));
        remove.setTooltipText(getTranslation("schedule.remove"));
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        for (var button : List.of(run, toggle, remove)) {
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            button.setEnabled(mayWrite);
        }
        return new HorizontalLayout(run, toggle, remove);
    }

    private VerticalLayout form() {
        var name = new TextField(getTranslation("schedule.name"));
        name.setId("schedule-name");
        name.setMaxLength(200);
        function.setId("schedule-function");
        function.setLabel(getTranslation("schedule.function"));
        var cron = new TextField(getTranslation("schedule.cron"));
        cron.setId("schedule-cron");
        cron.setPlaceholder("0 0 9 * * MON-FRI");
        cron.setHelperText(getTranslation("schedule.cronHint"));
        var zone = new ComboBox<String>(getTranslation("schedule.zone"));
        zone.setId("schedule-zone");
        zone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().toList());
        zone.setValue("UTC");
        var limit = new IntegerField(getTranslation("schedule.timeLimit"));
        limit.setId("schedule-time-limit");
        limit.setMin(1);
        limit.setMax(300);
        limit.setHelperText(getTranslation("schedule.timeLimitHint"));
        var add = new Button(getTranslation("schedule.add"), VaadinIcon.PLUS.create(), e -> {
            cron.setInvalid(false);
            try {
                schedules.create(actor.get(), new ScriptSchedules.Settings(name.getValue(),
                        module + "#" + (function.getValue() == null ? "" : function.getValue()), cron.getValue(),
                        zone.getValue(), true, limit.getValue(), Map.of()));
                name.clear();
                cron.clear();
                refresh();
            } catch (IllegalArgumentException ex) {
                cron.setErrorMessage(ex.getMessage());
                cron.setInvalid(true);
            } catch (AccessDeniedException ex) {
                Notification.show(getTranslation("designer.denied")).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        add.setId("schedule-add");
        var hint = new Paragraph(getTranslation("schedule.addHint"));
        hint.addClassName("hint");
        var form = new VerticalLayout(hint, DesignerLayout.fields(name, function, cron, zone, limit), add);
        form.setPadding(false);
        return form;
    }

    private void change(Supplier<Object> work) {
        try {
            work.get();
        } catch (ScriptSchedules.StaleScheduleException | IllegalArgumentException e) {
            Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.LUMO_WARNING);
        }
        refresh();
    }

    private void refresh() {
        var mine = schedules.listOf(actor.get(), module);
        grid.setItems(mine);
        grid.setVisible(!mine.isEmpty());
        empty.setVisible(mine.isEmpty());
        empty.setText(getTranslation(mayWrite ? "schedule.empty" : "schedule.emptyReader"));
    }
}
