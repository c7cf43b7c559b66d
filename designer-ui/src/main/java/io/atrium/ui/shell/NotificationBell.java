package io.atrium.ui.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import io.atrium.platform.notification.Notification;
import io.atrium.platform.notification.Notifications;
import io.atrium.ui.security.CurrentActor;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * The header's bell: how many notifications are unread, and on a click the latest ones (text,
 * time, where they lead); opening one marks it read and follows its link.
 */
@StyleSheet("context://styles/inbox.css")
final class NotificationBell extends Div {

    /** Notifications the list shows. */
    static final int SHOWN = 10;
    private static final int COUNTED = 99;

    private final Notifications notifications;
    private final CurrentActor currentActor;
    private final Span count = new Span();
    private final VerticalLayout list = new VerticalLayout();
    private final Popover popover = new Popover();

    NotificationBell(Notifications notifications, CurrentActor currentActor) {
        this.notifications = notifications;
        this.currentActor = currentActor;
        var bell = new Button(VaadinIcon.BELL_O.create());
        bell.setId("notifications-bell");
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        count.setId("notifications-count");
        count.getElement().getThemeList().add("badge error small pill");
        bell.setSuffixComponent(count);
        add(bell);
        popover.setTarget(bell);
        popover.setPosition(PopoverPosition.BOTTOM_END);
        popover.setWidth("min(24rem, 92vw)");
        popover.addThemeName("arrow");
        popover.setAriaLabelledBy("notifications-heading");
        list.setId("notifications-list");
        list.setPadding(false);
        list.setSpacing(false);
        popover.add(list);
        popover.addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                fill();
            }
        });
        add(popover);
        refresh();
    }

    /** Reads the unread count again. */
    void refresh() {
        long unread = notifications.unread(currentActor.get(), COUNTED + 1);
        count.setText(unread > COUNTED ? COUNTED + "+" : String.valueOf(unread));
        count.setVisible(unread > 0);
        getChildren().filter(Button.class::isInstance).map(Button.class::cast).findFirst().ifPresent(b ->
                b.setAriaLabel(getTranslation("notifications.bell", unread)));
    }

    private void fill() {
        list.removeAll();
        var heading = new H4(getTranslation("notifications.title"));
        heading.setId("notifications-heading");
        var readAll = new Button(getTranslation("notifications.markAllRead"), e -> {
            notifications.markAllRead(currentActor.get());
            fill();
            refresh();
        });
        readAll.setId("notifications-read-all");
        readAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        var head = new HorizontalLayout(heading, readAll);
        head.setWidthFull();
        head.expand(heading);
        head.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        list.add(head);
        var latest = notifications.latest(currentActor.get(), SHOWN);
        if (latest.isEmpty()) {
            var empty = new Paragraph(getTranslation("notifications.empty"));
            empty.setId("notifications-empty");
            list.add(empty);
            readAll.setVisible(false);
            return;
        }
        readAll.setVisible(latest.stream().anyMatch(n -> !n.read()));
        latest.forEach(n -> list.add(entry(n)));
    }

    private Div entry(Notification notification) {
        var text = new Span(notification.text());
        text.addClassName("notification-text");
        var time = new Span(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(ZoneId.systemDefault()).format(notification.createdAt()));
        time.addClassName("notification-time");
        var entry = new Div(text, time);
        entry.addClassName("notification-entry");
        if (!notification.read()) {
            entry.addClassName("unread");
        }
        if (notification.link() != null) {
            var open = new Span(getTranslation("notifications.open"));
            open.addClassName("notification-link");
            entry.add(open);
        }
        entry.getElement().setAttribute("role", "button");
        entry.getElement().setAttribute("tabindex", "0");
        entry.addClickListener(e -> open(notification));
        return entry;
    }

    private void open(Notification notification) {
        notifications.markRead(currentActor.get(), notification.id());
        refresh();
        if (notification.link() != null && notification.link().startsWith("/") && !notification.link().startsWith("//")) {
            popover.close();
            UI.getCurrent().navigate(notification.link().substring(1));
        } else {
            fill();
        }
    }
}
