package io.atrium.platform.form;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.FieldDefinition;
import io.atrium.platform.app.FieldDefinition.ChoiceOption;
import io.atrium.platform.app.FieldType;
import io.atrium.platform.app.LocalizedText;
import java.io.IOException;
import java.math.BigDecimal;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a form-js exchange carries beyond the layout, and how it lists the rest. */
class FormJsFidelityTest {

    private static final AppRef REQUESTS = new AppRef("desk", "requests");
    private static final FormRef INTAKE = new FormRef(REQUESTS, FormPurpose.CREATE);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static AppDefinition requests() {
        var choice = List.of(new ChoiceOption("low", LocalizedText.of("Low")),
                new ChoiceOption("high", LocalizedText.of("High")));
        return new AppDefinition(REQUESTS, LocalizedText.of("Requests"), List.of(
                new FieldDefinition("title", FieldType.STRING, LocalizedText.of("Title"), true, false, false, false,
                        null, false, null, null, null, null, 80),
                FieldDefinition.of("email", FieldType.EMAIL),
                new FieldDefinition("amount", FieldType.NUMBER, LocalizedText.of("Amount"), false, false, false,
                        false, 10, false, null, null, null, null, null),
                new FieldDefinition("priority", FieldType.CHOICE, LocalizedText.of("Priority"), false, false, false,
                        false, "low", false, choice, null, null, null, null),
                new FieldDefinition("tags", FieldType.CHOICE, LocalizedText.of("Tags"), false, false, false, false,
                        null, true, choice, null, null, null, null),
                FieldDefinition.of("due", FieldType.DATE_TIME),
                FieldDefinition.of("summary", FieldType.STRING),
                FieldDefinition.of("notes", FieldType.TEXT),
                FieldDefinition.of("opened", FieldType.DATE)));
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = FormJsFidelityTest.class.getResourceAsStream("FormJsFidelityTest." + name + ".form")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static FormJs.Import read(String schema) {
        return FormJs.read(schema, INTAKE, requests(), Locale.ENGLISH);
    }

    private static FormElement.Field field(FormDefinition form, String id) {
        return (FormElement.Field) form.element(id).orElseThrow();
    }

    @Test
    void shouldListRulesTheFieldDoesNotCheckAndTakeThoseItDoes() throws IOException {
        var imported = read(fixture("modelerSchema"));

        assertThat(imported.notCarried())
                .contains("Component textfield \"Field_title\": the rule minLength = 3 is not carried; the "
                        + "field \"title\" "
                        + "keeps its own checks")
                .contains("Component textfield \"Field_title\": the rule pattern = \"^[A-Z]\" is not carried; "
                        + "the field "
                        + "\"title\" keeps its own checks")
                .contains("Component textfield \"Field_email\": the rule maxLength = 200 is not carried; the "
                        + "field \"email\" "
                        + "keeps its own checks")
                .contains("Component number \"Field_amount\": the rule min = 0 is not carried; the field "
                        + "\"amount\" keeps "
                        + "its own checks")
                .contains("Component number \"Field_amount\": the rule max = 1000 is not carried; the field "
                        + "\"amount\" keeps "
                        + "its own checks")
                .noneMatch(s -> s.contains("maxLength = 80"))
                .noneMatch(s -> s.contains("validationType"));
        assertThat(field(imported.form(), "Field_title").required()).as("the app requires it already").isFalse();
    }

    @Test
    void shouldWriteTheFieldsRulesSoTheyComeBackUnlisted() {
        var form = new FormDefinition(INTAKE, null, List.of(FormFixtures.field("title"), FormFixtures.field("email")));

        var export = FormJs.write(form, requests(), Locale.ENGLISH);
        JsonNode components = JSON.readTree(export.schema()).get("components");

        assertThat(components.get(0).get("validate").toString())
                .isEqualTo("{\"required\":true,\"maxLength\":80}");
        assertThat(components.get(1).get("validate").get("validationType").asString()).isEqualTo("email");
        var again = read(export.schema());
        assertThat(again.notCarried()).isEmpty();
        assertThat(again.form().elements()).isEqualTo(form.elements());
    }

    @Test
    void shouldNameEveryDisplayOptionItCannotCarry() throws IOException {
        var notCarried = read(fixture("modelerSchema")).notCarried();

        assertThat(notCarried).contains(
                "Component textfield \"Field_title\": the property appearance.prefixAdorner = \"#\" is not carried",
                "Component number \"Field_amount\": the property appearance.suffixAdorner = \"EUR\" is not carried",
                "Component number \"Field_amount\": the property decimalDigits = 2 is not carried",
                "Component number \"Field_amount\": the property increment = \"0.01\" is not carried",
                "Component number \"Field_amount\": the property serializeToString = true is not carried",
                "Component datetime \"Field_due\": the property timeLabel = \"at\" is not carried",
                "Component datetime \"Field_due\": the property use24h = true is not carried",
                "Component datetime \"Field_due\": the property disallowPassedDates = true is not carried",
                "Component datetime \"Field_due\": the property timeInterval = 30 is not carried");
    }

    @Test
    void shouldTakeDefaultsAndOptionsTheFieldHasAndListTheOthers() throws IOException {
        var notCarried = read(fixture("modelerSchema")).notCarried();

        assertThat(notCarried).contains(
                "Component radio \"Field_priority\": the default value \"high\" is not carried; the field "
                        + "\"priority\" keeps "
                        + "its own default",
                "Component radio \"Field_priority\": the option \"high\" is labelled \"High!\" here; the form "
                        + "shows the field "
                        + "label \"High\"",
                "Component radio \"Field_priority\": the option \"urgent\" is not one of the field \"priority\" "
                        + "and is left out",
                "Component taglist \"Field_tags\": options taken from valuesKey = \"tagOptions\" are not "
                        + "carried; the form "
                        + "offers the options of the field \"tags\"")
                .noneMatch(s -> s.contains("Field_amount") && s.contains("default"))
                .noneMatch(s -> s.contains("\"low\""));
    }

    @Test
    void shouldKeepWhichWidgetShowsAFieldThroughARoundTrip() throws IOException {
        var form = read(fixture("modelerSchema")).form();

        assertThat(field(form, "Field_priority").widget()).isEqualTo(FormElement.Widget.RADIO);
        assertThat(field(form, "Field_tags").widget()).isEqualTo(FormElement.Widget.TAGLIST);
        assertThat(field(form, "Field_summary").widget()).isEqualTo(FormElement.Widget.TEXTAREA);
        assertThat(field(form, "Field_title").widget()).as("the usual input of a text field").isNull();
        JsonNode written = JSON.readTree(FormJs.write(form, requests(), Locale.ENGLISH).schema()).get("components");
        assertThat(written.valueStream().map(c -> c.get("type").asString()).toList()).containsExactly("textfield",
                "textfield", "number", "radio", "taglist", "datetime", "textarea", "textarea", "datetime");
        assertThat(read(FormJs.write(form, requests(), Locale.ENGLISH).schema()).form().elements())
                .isEqualTo(form.elements());
    }

    @Test
    void shouldReportInputsBoundToFieldsOfAnotherType() throws IOException {
        var imported = read(fixture("modelerSchema"));

        assertThat(imported.notCarried()).contains(
                "Component number \"Field_notes\" does not fit the field \"notes\" of type text; the form shows "
                        + "the usual "
                        + "input of that field",
                "Component checkbox \"Field_opened\" does not fit the field \"opened\" of type date; the form "
                        + "shows the usual "
                        + "input of that field");
        assertThat(field(imported.form(), "Field_notes").widget()).isNull();
    }

    @Test
    void shouldReportADateInputOfTheWrongSubtype() {
        var imported = read("""
                {"components": [{"type": "datetime", "id": "D", "key": "due", "subtype": "date"},
                                {"type": "datetime", "id": "T", "key": "opened", "subtype": "time"}]}""");

        assertThat(imported.notCarried()).containsExactly(
                "Component datetime (subtype date) \"D\" does not fit the field \"due\" of type date_time; the "
                        + "form shows the "
                        + "usual input of that field",
                "Component datetime (subtype time) \"T\" does not fit the field \"opened\" of type date; the "
                        + "form shows the "
                        + "usual input of that field");
    }

    @Test
    void shouldWriteBackTheSchemaIdItWasImportedWith() throws IOException {
        var form = read(fixture("modelerSchema")).form();

        assertThat(form.formJsId()).isEqualTo("Form_request_intake");
        var again = JSON.readTree(FormJs.write(FormEdits.remove(form, "Field_notes"), requests(), Locale.ENGLISH)
                .schema());
        assertThat(again.get("id").asString()).as("kept through edits").isEqualTo("Form_request_intake");
        var designed = new FormDefinition(INTAKE, null, List.of(FormFixtures.field("title")));
        assertThat(JSON.readTree(FormJs.write(designed, requests(), Locale.ENGLISH).schema()).get("id").asString())
                .isEqualTo("requests_create");
    }

    @Test
    void shouldReadFormsStoredBeforeTheSchemaIdAndWidgetsExisted() {
        String stored = """
                {"ref": {"app": {"namespace": "desk", "code": "requests"}, "purpose": "CREATE"},
                 "name": {"en": "Intake"},
                 "elements": [{"type": "field", "id": "f", "field": "priority", "label": {"en": ""},
                               "hint": {"en": ""}, "required": false, "readOnly": false}]}""";

        var form = JSON.readValue(stored, FormDefinition.class);

        assertThat(form.formJsId()).isNull();
        var compared = new FormDefinition(INTAKE, null, List.of(FormFixtures.field("amount")), "Form_x")
                .withElements(List.of(new FormElement.Field("f", "amount", null, null, false, false,
                        new Condition.Compare("amount", Condition.Comparison.GREATER, new BigDecimal("1000")), null)));
        assertThat(JSON.readValue(JSON.writeValueAsString(compared), FormDefinition.class)).isEqualTo(compared);
        assertThat(field(form, "f").widget()).isNull();
        assertThat(JSON.readValue(JSON.writeValueAsString(form.withElements(List.of(field(form, "f")
                .withWidget(FormElement.Widget.RADIO)))), FormDefinition.class).fields().getFirst().widget())
                .isEqualTo(FormElement.Widget.RADIO);
    }

    @Test
    void shouldListInRussianForARussianReader() throws IOException {
        var notCarried = FormJs.read(fixture("modelerSchema"), INTAKE, requests(), Locale.of("ru")).notCarried();

        assertThat(notCarried).contains("Компонент number «Field_amount»: свойство decimalDigits = 2 не перенесено",
                "Компонент textfield «Field_title»: правило minLength = 3 не перенесено; поле «title» "
                        + "проверяется по своим "
                        + "правилам");
    }
}
