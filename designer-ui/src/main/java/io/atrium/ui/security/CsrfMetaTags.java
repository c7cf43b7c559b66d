package io.atrium.ui.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletRequest;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * Puts Spring Security's CSRF token into every page as {@code <meta name="_csrf">} and
 * {@code <meta name="_csrf_parameter">}: Vaadin's login form reads them and posts the token with
 * the credentials, so the login POST can be CSRF-protected like any other form.
 */
@Component
class CsrfMetaTags implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> {
            if (!(response.getVaadinRequest() instanceof VaadinServletRequest request)) {
                return;
            }
            Object attribute = request.getHttpServletRequest().getAttribute(CsrfToken.class.getName());
            if (attribute instanceof CsrfToken token) {
                var head = response.getDocument().head();
                head.appendElement("meta").attr("name", "_csrf_parameter").attr("content", token.getParameterName());
                head.appendElement("meta").attr("name", "_csrf").attr("content", token.getToken());
            }
        });
    }
}
