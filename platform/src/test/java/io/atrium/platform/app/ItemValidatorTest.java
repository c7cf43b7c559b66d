package io.atrium.platform.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atrium.platform.app.FieldDefinition.ChoiceOption;
import io.atrium.platform.app.FieldDefinition.StatusModel;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemValidatorTest {

    private final ItemValidator validator = new ItemValidator();

    private static final FieldDefinition STATUS = new FieldDefinition("stage", FieldType.STATUS, null, false, false,
            false, false, null, false, null, null,
            new StatusModel(List.of(new ChoiceOption("new", null), new ChoiceOption("open", null),
                    new ChoiceOption("closed", null)), "new",
                    Map.of("new", List.of("open"), "open", List.of("closed"))), null, null);

    private static final AppDefinition CONTACTS = new AppDefinition(new AppRef("crm", "contacts"),
            LocalizedText.of("Contacts"), List.of(
                    FieldDefinition.of("name", FieldType.STRING).withRequired(true),
                    FieldDefinition.of("email", FieldType.EMAIL),
                    FieldDefinition.of("phone", FieldType.PHONE),
                    FieldDefinition.of("age", FieldType.NUMBER),
                    FieldDefinition.of("vip", FieldType.BOOLEAN),
                    FieldDefinition.of("birthday", FieldType.DATE),
                    FieldDefinition.of("lastCall", FieldType.DATE_TIME),
                    FieldDefinition.of("budget", FieldType.MONEY),
                    new FieldDefinition("segment", FieldType.CHOICE, null, false, false, false, false, "retail",
                            false, List.of(new ChoiceOption("retail", null), new ChoiceOption("corporate", null)),
                            null, null, null, null),
                    new FieldDefinition("company", FieldType.REFERENCE, null, false, false, false, false, null, false,
                            null, new AppRef("crm", "companies"), null, null, null),
                    new FieldDefinition("createdFrom", FieldType.STRING, null, false, false, false, true, null, false,
                            null, null, null, null, null),
                    STATUS,
                    new FieldDefinition("lines", FieldType.TABLE, null, false, false, false, false, null, false, null,
                            null, null, List.of(FieldDefinition.of("product", FieldType.STRING).withRequired(true),
                                    FieldDefinition.of("qty", FieldType.NUMBER)), null)));

    private static Map<String, Object> map(Object... pairs) {
        var map = new HashMap<String, Object>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void shouldNormalizeValidValuesAndFillDefaults() {
        var stored = validator.forCreate(CONTACTS, map("name", "Ann", "email", "Ann@Example.COM",
                "phone", "+7 (912) 345-67-89", "age", 42, "vip", true, "birthday", "1990-05-01",
                "lastCall", "2026-11-22T10:15:00+03:00",
                "budget", map("amount", "1250.50", "currency", "EUR"), "company", "65a1b2c3d4e5f60718293a4b",
                "lines", List.of(map("product", "Router", "qty", 2))));

        assertThat(stored).containsEntry("name", "Ann")
                .containsEntry("email", "Ann@example.com")
                .containsEntry("phone", "+79123456789")
                .containsEntry("age", 42L)
                .containsEntry("birthday", "1990-05-01")
                .containsEntry("segment", "retail")
                .containsEntry("stage", "new");
        assertThat(stored.get("lastCall")).isEqualTo(Date.from(java.time.Instant.parse("2026-11-22T07:15:00Z")));
        assertThat(stored.get("budget")).isEqualTo(Map.of("amount", "1250.50", "currency", "EUR", "value", 1250.5));
        assertThat(stored.get("lines")).isEqualTo(List.of(Map.of("product", "Router", "qty", 2L)));
    }

    @Test
    void shouldReportEveryWrongFieldAtOnce() {
        assertThatThrownBy(() -> validator.forCreate(CONTACTS, map("email", "not-an-address", "age", "forty",
                "segment", "vip", "budget", map("amount", 5, "currency", "euro"), "nickname", "Annie",
                "lines", List.of(map("qty", 1)))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::code)
                        .containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple("name", "required"),
                                org.assertj.core.groups.Tuple.tuple("email", "format"),
                                org.assertj.core.groups.Tuple.tuple("age", "type"),
                                org.assertj.core.groups.Tuple.tuple("segment", "choice"),
                                org.assertj.core.groups.Tuple.tuple("budget.currency", "format"),
                                org.assertj.core.groups.Tuple.tuple("nickname", "unknown"),
                                org.assertj.core.groups.Tuple.tuple("lines[0].product", "required")));
    }

    @Test
    void shouldRefuseSystemFieldsAsUnknown() {
        assertThatThrownBy(() -> validator.forCreate(CONTACTS, map("name", "Ann", "createdBy", "mallory")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(err -> assertThat(err.message()).contains("kept by the platform")));
    }

    @Test
    void shouldValidateOnlyTheGivenFieldsOnUpdate() {
        var changes = validator.forUpdate(CONTACTS, map("age", 43, "email", null), map("name", "Ann"));

        assertThat(changes).containsEntry("age", 43L).containsEntry("email", null).doesNotContainKey("name");
    }

    @Test
    void shouldRefuseClearingARequiredFieldAndWritingAReadOnlyOne() {
        assertThatThrownBy(() -> validator.forUpdate(CONTACTS, map("name", "", "createdFrom", "web"), map()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::code).containsExactlyInAnyOrder("required", "readOnly"));
    }

    @Test
    void shouldAllowOnlyTheModelledStatusTransitions() {
        assertThat(validator.forUpdate(CONTACTS, map("stage", "open"), map("stage", "new")))
                .containsEntry("stage", "open");

        assertThatThrownBy(() -> validator.forUpdate(CONTACTS, map("stage", "closed"), map("stage", "new")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(err -> assertThat(err.message()).isEqualTo("The status cannot move from \"new\" to \"closed\"")));
    }

    @Test
    void shouldKeepMoneyExact() {
        var stored = validator.forCreate(CONTACTS, map("name", "Ann",
                "budget", map("amount", "0.10", "currency", "USD")));

        assertThat(((Map<?, ?>) stored.get("budget")).get("amount")).isEqualTo("0.10");
    }

    @Test
    void shouldStartNewItemsInTheInitialStateOnly() {
        assertThat(validator.forCreate(CONTACTS, map("name", "Ann"))).containsEntry("stage", "new");
        assertThat(validator.forCreate(CONTACTS, map("name", "Ann", "stage", "new"))).containsEntry("stage", "new");

        assertThatThrownBy(() -> validator.forCreate(CONTACTS, map("name", "Ann", "stage", "closed")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(err -> assertThat(err.code()).isEqualTo("transition")));
    }

    @Test
    void shouldNeverClearAStatusSoNoTransitionCanBeSkipped() {
        assertThatThrownBy(() -> validator.forUpdate(CONTACTS, map("stage", null), map("stage", "new")))
                .isInstanceOf(ValidationException.class);
        // an item stored without a state (written before the field existed) moves from the initial one
        assertThatThrownBy(() -> validator.forUpdate(CONTACTS, map("stage", "closed"), map()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(err -> assertThat(err.message()).isEqualTo("The status cannot move from \"new\" to \"closed\"")));
        assertThat(validator.forUpdate(CONTACTS, map("stage", "open"), map())).containsEntry("stage", "open");
    }

    @Test
    void shouldRefuseNumbersTooLargeOrTooFineBeforeExpandingThem() {
        for (Object amount : List.of("1e1000000", "1e2147483647", "1" + "0".repeat(400), "0.0000001", "NaN",
                "Infinity", "1".repeat(70))) {
            assertThatThrownBy(() -> validator.forCreate(CONTACTS, map("name", "Ann",
                    "budget", map("amount", amount, "currency", "EUR"))))
                    .as(String.valueOf(amount)).isInstanceOf(ValidationException.class);
        }
        for (Object age : List.of(new java.math.BigInteger("1" + "0".repeat(400)), 1e300, Double.POSITIVE_INFINITY,
                Double.NaN, new java.math.BigDecimal("1e-2147483647"), "12")) {
            assertThatThrownBy(() -> validator.forCreate(CONTACTS, map("name", "Ann", "age", age)))
                    .as(String.valueOf(age)).isInstanceOf(ValidationException.class);
        }
        assertThat(validator.forCreate(CONTACTS, map("name", "Ann", "age", 999_999_999_999_999_999L)))
                .containsEntry("age", 999_999_999_999_999_999L);
        assertThat(validator.forCreate(CONTACTS, map("name", "Ann", "age", 0.1 + 0.2))).containsKey("age");
        var budget = validator.forCreate(CONTACTS, map("name", "Ann",
                "budget", map("amount", "123456789012345678.123456", "currency", "EUR")));
        assertThat(((Map<?, ?>) budget.get("budget")).get("amount")).isEqualTo("123456789012345678.123456");
    }

    @Test
    void shouldRefuseAFilterValueThatWouldExpandToABillionDigits() {
        var budget = CONTACTS.field("budget").orElseThrow();

        assertThatThrownBy(() -> validator.filterValue(budget, map("amount", "1e1000000000", "currency", "EUR")))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void shouldRefuseDatesThatAreNotText() {
        var birthday = CONTACTS.field("birthday").orElseThrow();
        var lastCall = CONTACTS.field("lastCall").orElseThrow();

        assertThatThrownBy(() -> validator.filterValue(birthday, null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> validator.filterValue(lastCall, 5)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> validator.filterValue(lastCall, "+999999999-01-01T00:00:00Z"))
                .isInstanceOf(ValidationException.class);
    }
}
