package io.atrium.platform.definition;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import io.atrium.platform.PlatformTestConfiguration;
import io.atrium.platform.SentCommands;
import io.atrium.platform.access.Actor;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.AppSummary;
import io.atrium.platform.app.FieldDefinition;
import io.atrium.platform.app.FieldType;
import io.atrium.platform.app.LocalizedText;
import io.atrium.platform.app.PublishedApp;
import io.atrium.platform.definition.DefinitionStatus.State;
import io.atrium.platform.form.FormCatalog;
import io.atrium.platform.form.FormDefinition;
import io.atrium.platform.form.FormElement;
import io.atrium.platform.form.FormPurpose;
import io.atrium.platform.form.FormRef;
import io.atrium.platform.form.FormSummary;
import io.atrium.platform.identity.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The designers list every definition with a fixed number of reads, however many there are, and
 * every node learns of a publication from its kind's stamp.
 */
@SpringBootTest(classes = PlatformTestConfiguration.class, properties = "ATRIUM_ADMIN_PASSWORD=platform-test-secret")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class DefinitionListingsTest {

    private static final Actor ANALYST = new Actor("ana", Set.of(Role.ANALYST), null);
    private static final AppRef LEADS = new AppRef("list", "leads");
    private static final AppRef DEALS = new AppRef("list", "deals");
    private static final AppRef IDEAS = new AppRef("list", "ideas");

    @Autowired
    AppCatalog apps;
    @Autowired
    FormCatalog forms;
    @Autowired
    SentCommands sent;
    @Autowired
    MongoDatabase database;

    @Test
    void shouldListAppsAndFormsWithOneReadOfEachCollection() {
        // given: published, changed since published, and never published apps and forms
        publish(LEADS, "Leads");
        publish(DEALS, "Deals");
        apps.saveDraft(app(DEALS, "Deals and offers"), "bea");
        apps.saveDraft(app(IDEAS, "Ideas"), "bea");
        var card = form(new FormRef(LEADS, FormPurpose.EDIT), "Lead card");
        forms.saveDraft(ANALYST, card);
        forms.publish(ANALYST, card.ref());
        forms.saveDraft(ANALYST, form(new FormRef(DEALS, FormPurpose.TASK, "process:offer/approve"), "Approval"));
        sent.clear();

        // when
        var appList = apps.summaries().stream().collect(Collectors.toMap(AppSummary::ref, Function.identity()));
        var formList = forms.summaries().stream().collect(Collectors.toMap(FormSummary::ref, Function.identity()));

        // then
        for (String collection : List.of("app_drafts", "apps", "form_drafts", "forms")) {
            assertThat(sent.findsOn(collection)).as("reads of " + collection).hasSize(1);
        }
        assertThat(sent.findsOn("app_versions").size() + sent.findsOn("form_versions").size())
                .as("reads of versions not yet kept").isLessThanOrEqualTo(2);
        assertThat(appList.get(LEADS).status().state()).isEqualTo(State.PUBLISHED);
        assertThat(appList.get(DEALS).status()).extracting(DefinitionStatus::state, DefinitionStatus::publishedVersion,
                DefinitionStatus::changedBy).containsExactly(State.CHANGED, 1, "bea");
        assertThat(appList.get(DEALS).definition().name().in(java.util.Locale.ENGLISH)).isEqualTo("Deals and offers");
        assertThat(appList.get(IDEAS).status().state()).isEqualTo(State.DRAFT);
        assertThat(formList.get(card.ref()).status()).extracting(DefinitionStatus::state,
                DefinitionStatus::publishedVersion).containsExactly(State.PUBLISHED, 1);
        assertThat(formList.get(new FormRef(DEALS, FormPurpose.TASK, "process:offer/approve")).status().state())
                .isEqualTo(State.DRAFT);
    }

    @Test
    void shouldReadTheCurrentVersionsAfreshInOneRead() {
        // given
        publish(LEADS, "Leads");
        publish(DEALS, "Deals");
        apps.published();
        apps.saveDraft(app(LEADS, "Hot leads"), "ana");
        apps.publish(LEADS, "ana");
        sent.clear();

        // when
        var published = apps.published();

        // then
        assertThat(published).extracting(PublishedApp::ref).containsExactly(DEALS, LEADS);
        assertThat(published.get(1).definition().name().in(java.util.Locale.ENGLISH)).isEqualTo("Hot leads");
        assertThat(sent.findsOn("apps")).hasSize(1);
        assertThat(sent.findsOn("app_versions")).as("only the version not kept yet").hasSize(1);
    }

    @Test
    void shouldAnnounceAStampRaisedOnAnotherNodeOnce() {
        // given
        var announced = new ArrayList<Object>();
        var watch = new DefinitionWatch(database, announced::add, Duration.ofHours(1));
        watch.look();

        // when another node publishes (here: raises the stamp as its store does)
        new DefinitionStamps(database).bump("app");
        watch.look();
        watch.look();

        // then
        assertThat(announced).containsExactly(new DefinitionsChanged(Set.of("app")));
    }

    @Test
    void shouldRaiseTheKindsStampOnEveryPublication() {
        // given
        var stamps = new DefinitionStamps(database);
        long before = stamps.read().getOrDefault("app", 0L);

        // when
        publish(LEADS, "Leads");
        publish(DEALS, "Deals");

        // then
        assertThat(stamps.read().get("app")).isEqualTo(before + 2);
        assertThat(stamps.read()).doesNotContainKey("form");
    }

    private void publish(AppRef ref, String name) {
        apps.saveDraft(app(ref, name), "ana");
        apps.publish(ref, "ana");
    }

    private static AppDefinition app(AppRef ref, String name) {
        return new AppDefinition(ref, LocalizedText.of(name), List.of(FieldDefinition.of("title", FieldType.STRING)));
    }

    private static FormDefinition form(FormRef ref, String name) {
        return new FormDefinition(ref, LocalizedText.of(name),
                List.of(new FormElement.Field("f-title", "title", null, null, false, false, null, null)));
    }
}
