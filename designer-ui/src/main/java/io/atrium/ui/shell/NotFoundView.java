package io.atrium.ui.shell;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A link within the UI to an address no page answers, inside the shell. Only signed-in people get
 * here: a page load of an unknown address is answered by the web security before any page is
 * looked up. Open to every signed-in person: the access control checks error views too.
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class NotFoundView extends ErrorNotice implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        show("not-found", VaadinIcon.SEARCH, "error.notFound.title", "error.notFound.text",
                event.getLocation().getPath());
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
