package io.atrium.platform.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrium.platform.app.FieldDefinition.ChoiceOption;
import io.atrium.platform.app.FieldDefinition.StatusModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefinitionValidatorTest {

    private final DefinitionValidator validator = new DefinitionValidator();
    private static final AppRef COMPANIES = new AppRef("crm", "companies");

    private static AppDefinition app(FieldDefinition... fields) {
        return new AppDefinition(new AppRef("crm", "contacts"), LocalizedText.of("Contacts"), List.of(fields));
    }

    private List<String> codes(AppDefinition app) {
        return validator.validate(app, COMPANIES::equals).stream().map(e -> e.field() + ":" + e.code()).toList();
    }

    @Test
    void shouldAcceptACompleteDefinition() {
        var app = app(FieldDefinition.of("name", FieldType.STRING).withRequired(true),
                new FieldDefinition("company", FieldType.REFERENCE, null, false, false, true, false, null, false, null,
                        COMPANIES, null, null, null));

        assertThat(codes(app)).isEmpty();
    }

    @Test
    void shouldRefuseBadCodesDuplicatesAndReservedNames() {
        var app = app(FieldDefinition.of("Name", FieldType.STRING), FieldDefinition.of("email", FieldType.EMAIL),
                FieldDefinition.of("email", FieldType.STRING), FieldDefinition.of("createdBy", FieldType.USER));

        assertThat(codes(app)).containsExactlyInAnyOrder("Name:code", "email:duplicate", "createdBy:reserved");
    }

    @Test
    void shouldRefuseAReferenceToAnAppThatDoesNotExist() {
        var app = app(new FieldDefinition("deal", FieldType.REFERENCE, null, false, false, false, false, null, false,
                null, new AppRef("sales", "deals"), null, null, null));

        assertThat(validator.validate(app, COMPANIES::equals)).singleElement()
                .satisfies(e -> assertThat(e.message()).isEqualTo("The app sales/deals does not exist"));
    }

    @Test
    void shouldRefuseInconsistentStatusesChoicesAndTables() {
        var status = new FieldDefinition("stage", FieldType.STATUS, null, false, false, false, false, null, false,
                null, null, new StatusModel(List.of(new ChoiceOption("new", null)), "done",
                        Map.of("new", List.of("lost"))), null, null);
        var choice = new FieldDefinition("segment", FieldType.CHOICE, null, false, false, false, false, "vip", false,
                List.of(new ChoiceOption("retail", null)), null, null, null, null);
        var nested = new FieldDefinition("lines", FieldType.TABLE, null, false, false, false, false, null, false,
                null, null, null, List.of(new FieldDefinition("inner", FieldType.TABLE, null, false, false, false,
                        false, null, false, null, null, null, List.of(FieldDefinition.of("x", FieldType.STRING)),
                        null)), null);

        assertThat(codes(app(status, choice, nested))).containsExactlyInAnyOrder(
                "stage:initial", "stage:transitions", "segment:default", "lines.inner:type");
    }

    @Test
    void shouldRefuseFlagsTheTypeCannotHave() {
        var uniqueMoney = new FieldDefinition("budget", FieldType.MONEY, null, false, true, false, false, null, false,
                null, null, null, null, null);
        var multipleText = new FieldDefinition("notes", FieldType.TEXT, null, false, false, false, false, null, true,
                null, null, null, null, 0);

        assertThat(codes(app(uniqueMoney, multipleText)))
                .containsExactlyInAnyOrder("budget:unique", "notes:multiple", "notes:maxLength");
    }

    @Test
    void shouldRequireANameAndAField() {
        var empty = new AppDefinition(new AppRef("crm", "empty"), new LocalizedText("", ""), List.of());

        assertThat(codes(empty)).containsExactlyInAnyOrder(":name", ":fields");
    }
}
