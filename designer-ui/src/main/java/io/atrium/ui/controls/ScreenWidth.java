package io.atrium.ui.controls;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import java.util.List;
import java.util.function.Consumer;

/**
 * Lets a view follow the window's width where CSS cannot, e.g. a grid that shows fewer columns on
 * a phone so that the ones it keeps stay readable instead of being cut to a few letters.
 */
public final class ScreenWidth {

    /** Below this window width (in CSS pixels) a screen is laid out as a phone's. */
    public static final int PHONE = 640;

    private ScreenWidth() {
    }

    /**
     * Tells {@code onChange} whether the window is a phone's, once the component is shown and again
     * whenever the window is resized, for as long as the component is attached.
     */
    public static void onPhone(Component component, Consumer<Boolean> onChange) {
        component.addAttachListener(attach -> {
            var page = attach.getUI().getPage();
            page.retrieveExtendedClientDetails(details -> onChange.accept(details.getWindowInnerWidth() < PHONE));
            var resizes = page.addBrowserWindowResizeListener(resize -> onChange.accept(resize.getWidth() < PHONE));
            component.addDetachListener(detach -> {
                resizes.remove();
                detach.unregisterListener();
            });
        });
    }

    /** Hides these columns of the grid while the window is a phone's (the card or panel shows their values). */
    public static void hideOnPhone(Grid<?> grid, List<? extends Grid.Column<?>> columns) {
        onPhone(grid, phone -> columns.forEach(column -> column.setVisible(!phone)));
    }
}
