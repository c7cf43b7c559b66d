package io.atrium.ui.controls;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.shared.Registration;

/** Refreshes an open page every so often while it is attached, and stops when it leaves. */
public final class PagePolling {

    private final int intervalMillis;
    private final Runnable refresh;
    private Registration listener;

    public PagePolling(int intervalMillis, Runnable refresh) {
        this.intervalMillis = intervalMillis;
        this.refresh = refresh;
    }

    public void attached(AttachEvent event) {
        event.getUI().setPollInterval(intervalMillis);
        listener = event.getUI().addPollListener(e -> refresh.run());
    }

    public void detached(DetachEvent event) {
        if (listener != null) {
            listener.remove();
            listener = null;
        }
        event.getUI().setPollInterval(-1);
    }
}
