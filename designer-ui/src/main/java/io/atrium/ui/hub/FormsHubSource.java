package io.atrium.ui.hub;

import com.vaadin.flow.i18n.I18NProvider;
import io.atrium.platform.access.AccessPolicy;
import io.atrium.platform.access.Actor;
import io.atrium.platform.access.Permission;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.form.FormCatalog;
import io.atrium.platform.form.FormPurpose;
import io.atrium.platform.form.FormRef;
import io.atrium.platform.form.FormSummary;
import io.atrium.ui.controls.TaskFormOwner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Forms in the hub, each part of its app. The app's own forms open in the form designer at
 * {@code designer/forms/<workspace>/<app>/<purpose>}; a process task's form opens there too, with
 * its owner; forms of a chat line or a portal page are designed where they belong, so they lead
 * only to their app until then.
 */
@Component
@Order(1)
class FormsHubSource implements HubSource {

    private final FormCatalog forms;
    private final AppCatalog apps;
    private final AccessPolicy access;

    FormsHubSource(FormCatalog forms, AppCatalog apps, AccessPolicy access) {
        this.forms = forms;
        this.apps = apps;
        this.access = access;
    }

    @Override
    public List<HubEntry> entries(Actor actor, Locale locale) {
        var summaries = forms.summaries();
        var designable = access.permitted(actor, summaries.stream().map(form -> form.ref().app()).toList(),
                Permission.ADMINISTER);
        var appNames = new HashMap<AppRef, String>();
        apps.published().forEach(app -> appNames.put(app.ref(), app.definition().name().in(locale)));
        var entries = new ArrayList<HubEntry>();
        for (var form : summaries) {
            var ref = form.ref();
            if (!designable.contains(ref.app())) {
                continue;
            }
            String purpose = ref.purpose().name().toLowerCase(Locale.ROOT);
            var taskOwner = ref.purpose() == FormPurpose.TASK
                    ? TaskFormOwner.parse(ref.owner()) : Optional.<TaskFormOwner>empty();
            var links = taskOwner.isPresent()
                    ? List.of(new HubEntry.Link("design", "hub.design", taskOwner.get().designerPath(ref.app())))
                    : ref.purpose().owned() ? List.<HubEntry.Link>of()
                    : List.of(new HubEntry.Link("design", "hub.design", "designer/forms/" + ref.app() + "/" + purpose));
            entries.add(new HubEntry("form:" + ref, "hub.kind.form", ref.app().namespace(),
                    ref.toString().substring(ref.app().namespace().length() + 1), name(form, appNames.get(ref.app()), locale),
                    form.status(),
                    links, List.of(AppsHubSource.key(ref.app()))));
        }
        return entries;
    }

    /**
     * Its purpose's name ("Edit form"), then its own unless it is its app's (as a generated form's
     * is), then the owner of a task, pre-chat or portal form.
     */
    private static String name(FormSummary form, String appName, Locale locale) {
        FormRef ref = form.ref();
        String own = form.definition().name().in(locale);
        boolean named = !own.isBlank() && !own.equals(appName);
        return I18NProvider.translate(locale, "hub.form." + ref.purpose().name()) + (named ? " · " + own : "")
                + (ref.owner() == null ? "" : " · " + ref.owner());
    }
}
