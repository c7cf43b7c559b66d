package io.atrium.platform.form;

import static io.atrium.platform.form.FormFixtures.contacts;
import static io.atrium.platform.form.FormFixtures.customerCard;
import static io.atrium.platform.form.FormFixtures.field;
import static org.assertj.core.api.Assertions.assertThat;

import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.LocalizedText;
import java.util.List;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class FormValidatorTest {

    private final FormValidator validator = new FormValidator(ref -> ref.equals(FormFixtures.DEALS)
            ? Optional.of(FormFixtures.deals()) : Optional.<AppDefinition>empty());

    @Test
    void shouldAcceptTheCustomerCard() {
        assertThat(validator.check(customerCard(), contacts())).isEmpty();
    }

    @Test
    void shouldListEveryProblemWithTheElementItConcerns() {
        var form = new FormDefinition(new FormRef(FormFixtures.CONTACTS, FormPurpose.EDIT), LocalizedText.of("f"),
                List.of(
                        new FormElement.Field("name", "name", null, null, false, false,
                                new Condition.Equals("kind", "person"), null),
                        field("email"),
                        new FormElement.Field("again", "email", null, null, false, false, null, null),
                        field("nope"),
                        new FormElement.Column("loose", 6, List.of(), null, null),
                        new FormElement.Row("wide", List.of(
                                new FormElement.Column("a", 8, List.of(), null, null),
                                new FormElement.Column("b", 8, List.of(), null, null)), null, null),
                        new FormElement.Text("name", LocalizedText.of("x"), new Condition.Empty("ghost"), null),
                        new FormElement.RelatedList("deals", LocalizedText.of("Deals"), FormFixtures.DEALS, "title",
                                List.of("size"), null, null),
                        new FormElement.Button("go", LocalizedText.of("Go"), "rm -rf", null, null)));

        assertThat(validator.check(form, contacts())).extracting(FieldError::field, FieldError::code)
                .containsExactlyInAnyOrder(
                        Tuple.tuple("name", "visibleWhen"),
                        Tuple.tuple("again", "field"),
                        Tuple.tuple("f-nope", "field"),
                        Tuple.tuple("loose", "place"),
                        Tuple.tuple("wide", "span"),
                        Tuple.tuple("name", "duplicate"),
                        Tuple.tuple("name", "condition"),
                        Tuple.tuple("deals", "via"),
                        Tuple.tuple("deals", "columns"),
                        Tuple.tuple("go", "action"));
    }

    @Test
    void shouldCheckTheFormsScriptBindings() {
        var scripts = new FormScripts(" sales/deal-form#onLoad ", java.util.Map.of("email", "sales/deal-form",
                "ghost", "sales/deal-form#onGhost", "name", "no module"), "Sales/Bad#x", 31);
        var form = customerCard().withScripts(scripts);

        assertThat(scripts.onLoad()).isEqualTo("sales/deal-form#onLoad");
        assertThat(validator.check(form, contacts())).extracting(FieldError::field, FieldError::code)
                .containsExactlyInAnyOrder(
                        Tuple.tuple("scripts.onChange.ghost", "field"),
                        Tuple.tuple("scripts.onChange.name", "script"),
                        Tuple.tuple("scripts.beforeSave", "script"),
                        Tuple.tuple("scripts.timeLimitSeconds", "range"));
        assertThat(io.atrium.platform.script.ScriptTarget.parse("sales/deal-form").function()).isEqualTo("run");
        assertThat(new FormScripts(" ", null, null, null).runsNone()).isTrue();
    }

    @Test
    void shouldAskForEveryFieldTheAppRequiresOnAnEditForm() {
        var form = new FormDefinition(new FormRef(FormFixtures.CONTACTS, FormPurpose.CREATE), LocalizedText.of("f"),
                List.of(field("email")));
        var view = new FormDefinition(new FormRef(FormFixtures.CONTACTS, FormPurpose.VIEW), LocalizedText.of("f"),
                List.of(field("email")));

        assertThat(validator.check(form, contacts())).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("\"name\""));
        assertThat(validator.check(view, contacts())).isEmpty();
    }

    @Test
    void shouldRefuseARelatedListOfAnAppThatDoesNotExist() {
        var form = new FormDefinition(new FormRef(FormFixtures.CONTACTS, FormPurpose.VIEW), LocalizedText.of("f"),
                List.of(new FormElement.RelatedList("x", LocalizedText.of("X"), new AppRef("crm", "ghosts"),
                        "contact", List.of(), null, null)));

        assertThat(validator.check(form, contacts())).extracting(FieldError::code).containsExactly("source");
    }

    @Test
    void shouldRefuseAWidgetThatCannotShowTheField() {
        var form = new FormDefinition(new FormRef(FormFixtures.CONTACTS, FormPurpose.VIEW), LocalizedText.of("f"),
                List.of(field("kind").withWidget(FormElement.Widget.RADIO),
                        field("notes").withWidget(FormElement.Widget.TEXTFIELD),
                        field("vip").withWidget(FormElement.Widget.RADIO),
                        field("email").withWidget(FormElement.Widget.TAGLIST)));

        assertThat(validator.check(form, contacts())).extracting(FieldError::field, FieldError::message)
                .containsExactly(Tuple.tuple("f-vip", "The field \"vip\" cannot be shown as radio"),
                        Tuple.tuple("f-email", "The field \"email\" cannot be shown as taglist"));
    }
}
