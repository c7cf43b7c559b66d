package io.atrium.platform.form;

import static io.atrium.platform.form.FormFixtures.contacts;
import static io.atrium.platform.form.FormFixtures.customerCard;
import static org.assertj.core.api.Assertions.assertThat;

import io.atrium.platform.app.LocalizedText;
import io.atrium.platform.identity.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FormStateTest {

    private static final Set<Role> OPERATOR = Set.of(Role.OPERATOR);

    @Test
    void shouldHideEverythingInsideAHiddenTab() {
        var person = FormState.evaluate(customerCard(), contacts(), Map.of("kind", "person"), OPERATOR, true);
        var company = FormState.evaluate(customerCard(), contacts(), Map.of("kind", "company"), OPERATOR, true);

        assertThat(person.isVisible("company-tab")).isFalse();
        assertThat(person.field("revenue")).hasValueSatisfying(s -> assertThat(s.visible()).isFalse());
        assertThat(company.isVisible("company-tab")).isTrue();
        assertThat(company.field("revenue")).hasValueSatisfying(s -> assertThat(s.visible()).isTrue());
        assertThat(person.field("email")).hasValueSatisfying(s -> assertThat(s.visible()).isTrue());
    }

    @Test
    void shouldMakeABlockReadOnlyWhileItsConditionHolds() {
        var vip = FormState.evaluate(customerCard(), contacts(), Map.of("kind", "company", "vip", true), OPERATOR,
                true);
        var regular = FormState.evaluate(customerCard(), contacts(), Map.of("kind", "company", "vip", false),
                OPERATOR, true);

        assertThat(vip.field("revenue")).hasValueSatisfying(s -> assertThat(s.readOnly()).isTrue());
        assertThat(regular.field("revenue")).hasValueSatisfying(s -> assertThat(s.readOnly()).isFalse());
    }

    @Test
    void shouldKeepFieldsTheFormLocksOutOfAWriteUnlessAPermittedChangeUnlocksThem() {
        var vipCompany = Map.<String, Object>of("kind", "company", "vip", true, "revenue", 100);

        var tampered = FormState.permittedChanges(customerCard(), contacts(), vipCompany,
                Map.of("revenue", 999, "email", "ann@example.com"), OPERATOR, true);
        var selfUnlock = FormState.permittedChanges(customerCard(), contacts(), vipCompany,
                Map.of("vip", false, "revenue", 999), OPERATOR, true);
        var changeThenLock = FormState.permittedChanges(customerCard(), contacts(),
                Map.of("kind", "company", "vip", false), Map.of("vip", true, "revenue", 999), OPERATOR, true);
        var lockedForPeople = new FormDefinition(customerCard().ref(), LocalizedText.of("f"), List.of(
                FormFixtures.field("kind"), new FormElement.Field("f-revenue", "revenue", null, null, false, false,
                        null, new Condition.Equals("kind", "person"))));
        var unlockThenChange = FormState.permittedChanges(lockedForPeople, contacts(),
                Map.of("kind", "person", "revenue", 1), Map.of("kind", "company", "revenue", 999), OPERATOR, true);
        var stillLocked = FormState.permittedChanges(lockedForPeople, contacts(),
                Map.of("kind", "person", "revenue", 1), Map.of("revenue", 999), OPERATOR, true);
        var regular = FormState.permittedChanges(customerCard(), contacts(),
                Map.of("kind", "company", "vip", false), Map.of("revenue", 999), OPERATOR, true);

        assertThat(tampered).containsOnlyKeys("email");
        assertThat(selfUnlock).isEmpty();
        assertThat(changeThenLock).containsOnlyKeys("vip", "revenue");
        assertThat(regular).containsEntry("revenue", 999);
        assertThat(unlockThenChange).containsOnlyKeys("kind", "revenue");
        assertThat(stillLocked).isEmpty();
    }

    @Test
    void shouldAskForFormRequiredFieldsOnlyWhileTheyAreShown() {
        var form = new FormDefinition(customerCard().ref(), LocalizedText.of("f"), List.of(
                FormFixtures.field("name"),
                new FormElement.Field("f-phone", "phone", null, null, true, false,
                        new Condition.Equals("kind", "person"), null)));

        var asPerson = FormState.evaluate(form, contacts(), Map.of("kind", "person"), OPERATOR, false);
        var asCompany = FormState.evaluate(form, contacts(), Map.of("kind", "company"), OPERATOR, false);

        assertThat(asPerson.check(Map.of("kind", "person", "phone", " ")))
                .extracting(e -> e.field()).containsExactly("name", "phone");
        assertThat(asCompany.check(Map.of("kind", "company", "name", "Acme"))).isEmpty();
    }

    @Test
    void shouldShowElementsByTheViewersRole() {
        var form = new FormDefinition(customerCard().ref(), LocalizedText.of("f"), List.of(
                new FormElement.Field("f-notes", "notes", null, null, false, false,
                        new Condition.HasRole(Set.of(Role.SUPERVISOR)), null)));

        assertThat(FormState.evaluate(form, contacts(), Map.of(), OPERATOR, true).isVisible("f-notes")).isFalse();
        assertThat(FormState.evaluate(form, contacts(), Map.of(), Set.of(Role.SUPERVISOR), true)
                .isVisible("f-notes")).isTrue();
    }

    @Test
    void shouldCompareNumbersByValueAndListsByMembership() {
        assertThat(new Condition.Equals("revenue", 100).test(Map.of("revenue", 100.0), OPERATOR)).isTrue();
        assertThat(new Condition.Equals("revenue", "100").test(Map.of("revenue", 100L), OPERATOR)).isTrue();
        assertThat(new Condition.In("tags", List.of("vip", "new")).test(Map.of("tags", List.of("old", "vip")),
                OPERATOR)).isTrue();
        assertThat(new Condition.Empty("tags").test(Map.of("tags", List.of()), OPERATOR)).isTrue();
    }
}
