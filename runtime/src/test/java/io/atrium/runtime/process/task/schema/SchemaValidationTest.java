package io.atrium.runtime.process.task.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.ValidationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaValidationTest {

    private static final String SCHEMA = """
            {"id": "f", "components": [
              {"type": "textfield", "key": "name", "label": "Name",
               "validate": {"required": true, "minLength": 2, "maxLength": 5, "pattern": "^[A-Z]"}},
              {"type": "textfield", "key": "mail", "validate": {"validationType": "email"}},
              {"type": "number", "key": "qty", "defaultValue": 1, "validate": {"min": 1, "max": 9}},
              {"type": "radio", "key": "size", "values": [{"label": "Small", "value": "s"}, {"label": "Large", "value": "l"}]},
              {"type": "taglist", "key": "tags", "valuesKey": "allTags"},
              {"type": "checkbox", "key": "agree", "validate": {"required": true}},
              {"type": "datetime", "key": "at", "subtype": "time", "timeLabel": "At"},
              {"type": "textfield", "key": "locked", "disabled": true, "defaultValue": "x"},
              {"type": "group", "label": "More", "components": [{"type": "textarea", "key": "note"}]},
              {"type": "iframe", "label": "Map"}
            ]}""";

    private final FormSchema schema = FormSchema.parse(SCHEMA, Map.of("allTags", List.of("red", "blue")));

    @Test
    void shouldReadComponentsFlatteningGroupsAndKeepingWhatItCannotDraw() {
        assertThat(schema.id()).isEqualTo("f");
        assertThat(schema.components()).extracting(FormComponent::kind).containsExactly(
                FormComponent.Kind.TEXTFIELD, FormComponent.Kind.TEXTFIELD, FormComponent.Kind.NUMBER,
                FormComponent.Kind.RADIO, FormComponent.Kind.TAGLIST, FormComponent.Kind.CHECKBOX,
                FormComponent.Kind.DATETIME, FormComponent.Kind.TEXTFIELD, FormComponent.Kind.TEXT,
                FormComponent.Kind.TEXTAREA, FormComponent.Kind.UNSUPPORTED);
        assertThat(schema.components().get(4).options()).extracting(FormComponent.Option::label)
                .containsExactly("red", "blue");
        assertThat(schema.components().get(6).label()).isEqualTo("At");
        assertThat(schema.components().get(10).type()).isEqualTo("iframe");
    }

    @Test
    void shouldNameEveryFieldThatBreaksItsRule() {
        assertThatThrownBy(() -> SchemaValidation.check(schema, Map.of("name", "abcdefg", "mail", "nope", "qty", 10,
                "size", "m", "tags", List.of("green"), "agree", false, "at", "25:00", "locked", "y", "other", 1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(error -> error.field() + ":" + error.code()).containsExactlyInAnyOrder(
                                "other:unknown", "name:maxLength", "name:pattern", "mail:format", "qty:max",
                                "size:choice", "tags:choice", "agree:required", "at:format", "locked:readOnly"));
    }

    @Test
    void shouldCountTooShortTextAndTooSmallNumbers() {
        assertThatThrownBy(() -> SchemaValidation.check(schema, Map.of("name", "A", "qty", 0, "agree", true)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::code).containsExactlyInAnyOrder("minLength", "min"));
    }

    @Test
    void shouldCompleteWithTheGivenValuesAndTheDefaults() {
        var variables = SchemaValidation.check(schema, Map.of("name", "Ann", "qty", "3", "size", "l",
                "tags", List.of("red"), "agree", true, "at", "10:15", "note", "hi"));
        assertThat(variables).containsEntry("name", "Ann").containsEntry("qty", 3L).containsEntry("size", "l")
                .containsEntry("tags", List.of("red")).containsEntry("agree", true).containsEntry("at", "10:15")
                .containsEntry("note", "hi").doesNotContainKey("locked").doesNotContainKey("mail");
        assertThat(SchemaValidation.check(schema, Map.of("name", "Bo", "agree", true))).containsEntry("qty", 1L);
    }

    @Test
    void shouldRefuseWhatIsNotAFormJsSchema() {
        assertThatThrownBy(() -> FormSchema.parse("[1]", Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FormSchema.parse("{", Map.of())).hasMessageContaining("not JSON");
    }
}
