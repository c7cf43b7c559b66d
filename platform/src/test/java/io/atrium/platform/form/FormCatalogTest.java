package io.atrium.platform.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atrium.platform.PlatformTestConfiguration;
import io.atrium.platform.access.AccessDeniedException;
import io.atrium.platform.access.Actor;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.LocalizedText;
import io.atrium.platform.app.ValidationException;
import io.atrium.platform.identity.Role;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

@SpringBootTest(classes = PlatformTestConfiguration.class, properties = "ATRIUM_ADMIN_PASSWORD=platform-test-secret")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class FormCatalogTest {

    private static final Actor ANALYST = new Actor("ana", Set.of(Role.ANALYST), null);
    private static final Actor OPERATOR = new Actor("otto", Set.of(Role.OPERATOR), null);

    @Autowired
    AppCatalog apps;
    @Autowired
    FormCatalog forms;

    private AppDefinition contacts;

    @BeforeEach
    void publishApps() {
        for (AppDefinition app : List.of(new AppDefinition(FormFixtures.COMPANIES, LocalizedText.of("Companies"),
                List.of(FormFixtures.nameField())), FormFixtures.contacts(), FormFixtures.deals())) {
            apps.saveDraft(app, "ana");
        }
        apps.publish(FormFixtures.COMPANIES, "ana");
        apps.publish(FormFixtures.CONTACTS, "ana");
        apps.publish(FormFixtures.DEALS, "ana");
        contacts = FormFixtures.contacts();
    }

    @Test
    void shouldPublishTheCustomerCardAndReadItBackWhole() {
        var card = FormFixtures.customerCard();
        forms.saveDraft(ANALYST, card);

        var published = forms.publish(ANALYST, card.ref());

        assertThat(published.version()).isEqualTo(1);
        assertThat(forms.current(card.ref())).hasValueSatisfying(p -> assertThat(p.form()).isEqualTo(card));
        assertThat(forms.effective(contacts, FormPurpose.VIEW)).as("view falls back to the edit form")
                .isEqualTo(card);
        assertThat(forms.effective(contacts, FormPurpose.COMPACT).fields()).extracting(FormElement.Field::field)
                .containsExactly("name", "email", "phone", "kind", "vip", "revenue", "notes", "birthday", "company");
    }

    @Test
    void shouldRefuseAnInvalidDraftAndKeepTheCurrentVersion() {
        var card = FormFixtures.customerCard();
        forms.saveDraft(ANALYST, card);
        forms.publish(ANALYST, card.ref());
        forms.saveDraft(ANALYST, new FormDefinition(card.ref(), card.name(), List.of(FormFixtures.field("ghost"))));

        assertThatThrownBy(() -> forms.publish(ANALYST, card.ref()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(err -> err.code()).containsExactlyInAnyOrder("field", "required"));
        assertThat(forms.current(card.ref())).hasValueSatisfying(p -> assertThat(p.version()).isEqualTo(1));

        forms.restoreAsDraft(ANALYST, card.ref(), 1);
        assertThat(forms.draft(card.ref())).hasValueSatisfying(d -> assertThat(d.form()).isEqualTo(card));
    }

    @Test
    void shouldKeepFormsOfOwnersApartFromTheAppsOwn() {
        var task = new FormRef(FormFixtures.CONTACTS, FormPurpose.TASK, "process:qualify-lead/call");
        var other = new FormRef(FormFixtures.CONTACTS, FormPurpose.TASK, "process:qualify-lead/offer");
        forms.saveDraft(ANALYST, new FormDefinition(task, LocalizedText.of("Call"), List.of(
                FormFixtures.field("name"), FormFixtures.field("phone"))));

        forms.publish(ANALYST, task);

        assertThat(forms.effective(contacts, task).fields()).extracting(FormElement.Field::field)
                .containsExactly("name", "phone");
        assertThat(forms.effective(contacts, other).ref()).isEqualTo(other);
        assertThat(forms.effective(contacts, other).fields()).hasSize(contacts.fields().size());
        assertThat(forms.effective(contacts, FormPurpose.EDIT).fields()).hasSize(contacts.fields().size());
        assertThatThrownBy(() -> new FormRef(FormFixtures.CONTACTS, FormPurpose.TASK, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FormRef(FormFixtures.CONTACTS, FormPurpose.EDIT, "process:x/y"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldLetOnlyThoseWhoAdministerTheAppDesignItsForms() {
        assertThatThrownBy(() -> forms.saveDraft(OPERATOR, FormFixtures.customerCard()))
                .isInstanceOf(AccessDeniedException.class);
    }
}
