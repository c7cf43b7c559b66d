package io.atrium.platform.form;

import static io.atrium.platform.form.FormFixtures.contacts;
import static io.atrium.platform.form.FormFixtures.customerCard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atrium.platform.app.ValidationException;
import io.atrium.platform.identity.Role;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class FormJsTest {

    private static final FormRef CARD = new FormRef(FormFixtures.CONTACTS, FormPurpose.EDIT);

    private static String fixture(String name) throws IOException {
        try (InputStream in = FormJsTest.class.getResourceAsStream("FormJsTest." + name + ".form")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void shouldReadAFormJsSchemaIntoRowsBlocksAndConditions() throws IOException {
        var imported = FormJs.read(fixture("customerCard"), CARD, contacts(), Locale.ENGLISH);
        var form = imported.form();

        assertThat(form.elements()).extracting(FormElement::id).containsExactly("Text_intro", "Row_top",
                "Group_contact", "Group_company", "Field_birthday", "Field_notes");
        var top = (FormElement.Row) form.elements().get(1);
        assertThat(top.columns()).extracting(FormElement.Column::span).containsExactly(8, 5); // 10 and 6 of 16
        var name = (FormElement.Field) form.element("Field_name").orElseThrow();
        assertThat(name.label().en()).isEqualTo("Full name");
        assertThat(name.required()).as("the app requires it already").isFalse();
        var phone = (FormElement.Field) form.element("Field_phone").orElseThrow();
        assertThat(phone.required()).isTrue();
        assertThat(phone.visibleWhen()).isEqualTo(new Condition.Equals("kind", "person"));
        assertThat(((FormElement.Field) form.element("Field_email").orElseThrow()).hint().en())
                .isEqualTo("Work address if they have one");
        assertThat(form.element("Group_company").orElseThrow().visibleWhen())
                .isEqualTo(new Condition.Equals("kind", "company"));
        assertThat(form.element("Field_revenue").orElseThrow().readOnlyWhen())
                .isEqualTo(new Condition.Equals("vip", true));
        assertThat(((FormElement.Field) form.element("Field_notes").orElseThrow()).readOnly()).isTrue();

        assertThat(((FormElement.Field) form.element("Field_notes").orElseThrow()).visibleWhen()).isNull();
        assertThat(imported.notCarried()).containsExactly(
                "Component textarea \"Field_notes\": the condition that hides it is not understood, so it is "
                        + "always shown: =sum(orders.amount) > 1000",
                "Component textfield \"Field_segment\": the app has no field \"segment\"",
                "Component separator \"Separator_1\": Atrium forms have no such component",
                "Component number \"Field_score\": the field \"revenue\" is already on the form",
                "Component button \"Button_submit\": Atrium forms have no such component");
    }

    @Test
    void shouldBehaveAsTheSchemaSaysOnceRead() throws IOException {
        var form = FormJs.read(fixture("customerCard"), CARD, contacts(), Locale.ENGLISH).form();

        var partner = FormState.evaluate(form, contacts(), Map.of("kind", "partner"), Set.of(Role.OPERATOR), false);
        var person = FormState.evaluate(form, contacts(), Map.of("kind", "person"), Set.of(Role.OPERATOR), false);

        assertThat(partner.isVisible("Field_birthday")).isFalse();
        assertThat(partner.isVisible("Field_phone")).isFalse();
        assertThat(person.isVisible("Field_birthday")).isTrue();
        assertThat(person.check(Map.of("name", "Ann", "kind", "person"))).extracting(e -> e.field())
                .containsExactly("phone");
    }

    @Test
    void shouldWriteWhatFormJsKnowsAndListTheRest() {
        var export = FormJs.write(customerCard(), contacts(), Locale.ENGLISH);
        var schema = JsonMapper.builder().build().readTree(export.schema());

        assertThat(schema.get("type").asString()).isEqualTo("default");
        assertThat(schema.get("schemaVersion").asInt()).isEqualTo(18);
        var tabs = schema.get("components");
        assertThat(tabs.valueStream().map(c -> c.get("type").asString()).toList())
                .containsExactly("group", "group", "group", "text");
        var contactData = tabs.get(0).get("components");
        assertThat(contactData.get(1).get("layout").get("columns").asInt()).isEqualTo(8); // 6 of 12
        assertThat(contactData.get(1).get("layout").get("row").asString()).isEqualTo("contact-row");
        assertThat(contactData.get(3).get("values").get(1).get("value").asString()).isEqualTo("company");
        assertThat(tabs.get(1).get("conditional").get("hide").asString()).isEqualTo("=not(kind = \"company\")");
        assertThat(export.notCarried()).containsExactly(
                "Tabs \"tabs\": form-js has no tabs, so each tab became a group",
                "Block \"money\": form-js groups do not collapse",
                "Field \"company\": form-js has no input for a field of type reference",
                "Related list \"deals\": form-js has no lists of other items");
    }

    @Test
    void shouldKeepFieldsLayoutAndConditionsThroughARoundTrip() throws IOException {
        var first = FormJs.read(fixture("customerCard"), CARD, contacts(), Locale.ENGLISH).form();

        var again = FormJs.read(FormJs.write(first, contacts(), Locale.ENGLISH).schema(), CARD, contacts(),
                Locale.ENGLISH);

        assertThat(again.notCarried()).isEmpty();
        assertThat(again.form().elements()).isEqualTo(first.elements());
    }

    @Test
    void shouldReadNestedGroupsRowsWithoutWidthsAndListWhatItSkips() throws IOException {
        var imported = FormJs.read(fixture("requestForm"), CARD, contacts(), Locale.ENGLISH);
        var form = imported.form();

        assertThat(form.elements()).extracting(FormElement::id).containsExactly("Row_1", "Row_2", "Group_details");
        var second = (FormElement.Row) form.elements().get(1);
        assertThat(second.columns()).extracting(FormElement.Column::span).containsExactly(6, 6);
        assertThat(((FormElement.Field) form.element("Radio_kind").orElseThrow()).label().en())
                .isEqualTo("Kind of contact");
        assertThat(form.element("Textfield_email").orElseThrow().visibleWhen()).isEqualTo(new Condition.Not(
                new Condition.All(List.of(new Condition.Empty("email"), new Condition.Empty("phone")))));
        assertThat(FormEdits.parentOf(form, "Textfield_phone")).contains("Group_inner");
        assertThat(form.element("Textfield_phone").orElseThrow().readOnlyWhen())
                .isEqualTo(new Condition.Equals("kind", "company"));
        assertThat(imported.notCarried()).containsExactly(
                "Component radio \"Radio_kind\": the option \"person\" is labelled \"A person\" here; the form "
                        + "shows the "
                        + "field label \"Person\"",
                "Component radio \"Radio_kind\": the option \"company\" is labelled \"A company\" here; the "
                        + "form shows the "
                        + "field label \"Company\"",
                "Component datetime (subtype datetime) \"Datetime_birthday\" does not fit the field "
                        + "\"birthday\" of type "
                        + "date; the form shows the usual input of that field",
                "Component datetime \"Datetime_birthday\": the property timeLabel = \"Time\" is not carried",
                "Component spacer \"Spacer_1\": Atrium forms have no such component",
                "Component group \"Group_details\": the property showOutline = false is not carried",
                "Component taglist \"Taglist_tags\": the app has no field \"tags\"",
                "Component dynamiclist \"Dynamiclist_items\": Atrium forms have no such component");
        assertThat(((FormElement.Field) form.element("Radio_kind").orElseThrow()).widget())
                .isEqualTo(FormElement.Widget.RADIO);

        var again = FormJs.read(FormJs.write(form, contacts(), Locale.ENGLISH).schema(), CARD, contacts(),
                Locale.ENGLISH);
        assertThat(again.form().elements()).isEqualTo(form.elements());
    }

    @Test
    void shouldRefuseWhatIsNotAFormJsSchema() {
        assertThatThrownBy(() -> FormJs.read("{\"type\":\"default\"}", CARD, contacts(), Locale.ENGLISH))
                .isInstanceOf(ValidationException.class).hasMessageContaining("list of components");
        assertThatThrownBy(() -> FormJs.read("{nope", CARD, contacts(), Locale.ENGLISH))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Not valid JSON");
    }

    @Test
    void shouldListARoleConditionAsNotCarried() {
        var form = new FormDefinition(CARD, null, List.of(new FormElement.Field("f", "notes", null, null, false,
                false, new Condition.HasRole(Set.of(Role.SUPERVISOR)), null)));

        var export = FormJs.write(form, contacts(), Locale.ENGLISH);

        assertThat(export.notCarried()).containsExactly("Element \"f\": whether it is shown depends on roles, "
                + "which form-js does not know, so it is always shown there");
        assertThat(export.schema()).doesNotContain("conditional");
    }
}
