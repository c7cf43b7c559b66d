package io.atrium.ui.shell;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What a signed-in person sees on a page their roles do not open (an operator on a designer):
 * inside the shell, so the navigation stays. People who are not signed in never get here: the
 * navigation access control sends them to the login page first.
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class AccessDeniedView extends ErrorNotice implements HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        show("access-denied", VaadinIcon.LOCK, "error.denied.title", "error.denied.text",
                event.getLocation().getPath());
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
