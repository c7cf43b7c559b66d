package io.atrium.runtime.api.internal;

import io.atrium.platform.app.Messages;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The language a problem is told in: the request's {@code Accept-Language} among the platform's
 * languages, English when none fits. Read from the header, not the servlet's locale, because
 * that falls back to the server's default locale when the header is absent.
 */
final class ProblemLanguage {

    private ProblemLanguage() {
    }

    /** The language of the request being answered on this thread; English outside a request. */
    static Locale ofCurrentRequest() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return of(attributes.getRequest().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        }
        return Locale.ENGLISH;
    }

    static Locale of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            Locale found = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), Messages.LOCALES);
            return found == null ? Locale.ENGLISH : found;
        } catch (IllegalArgumentException malformed) {
            return Locale.ENGLISH;
        }
    }
}
