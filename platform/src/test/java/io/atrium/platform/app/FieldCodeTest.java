package io.atrium.platform.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FieldCodeTest {

    @Test
    void shouldJoinTheWordsOfTheNameInLowerCamelCase() {
        assertThat(FieldCode.suggest("Phone number", Set.of())).isEqualTo("phoneNumber");
        assertThat(FieldCode.suggest("  VIP customer, since 2020 ", Set.of())).isEqualTo("vipCustomerSince2020");
        assertThat(FieldCode.suggest("New field 2", Set.of())).isEqualTo("newField2");
    }

    @Test
    void shouldSpellRussianAndAccentedNamesInLatinLetters() {
        assertThat(FieldCode.suggest("Дата рождения", Set.of())).isEqualTo("dataRozhdeniya");
        assertThat(FieldCode.suggest("Новое поле 3", Set.of())).isEqualTo("novoePole3");
        assertThat(FieldCode.suggest("Щёлковский объём", Set.of())).isEqualTo("shchelkovskiyObem");
        assertThat(FieldCode.suggest("Café", Set.of())).isEqualTo("cafe");
    }

    @Test
    void shouldMakeAValidCodeOfAnyName() {
        var codes = List.of(FieldCode.suggest("", Set.of()), FieldCode.suggest("123", Set.of()),
                FieldCode.suggest("日本", Set.of()), FieldCode.suggest("1st choice", Set.of()),
                FieldCode.suggest("word ".repeat(20), Set.of()));

        assertThat(codes).allSatisfy(code -> assertThat(code).matches("[a-z][a-zA-Z0-9]{0,39}"));
        assertThat(codes.subList(0, 3)).containsOnly("field");
    }

    @Test
    void shouldNumberACodeThatIsTakenOrReserved() {
        assertThat(FieldCode.suggest("Phone", Set.of("phone", "phone2"))).isEqualTo("phone3");
        assertThat(FieldCode.suggest("Created at", Set.of())).isEqualTo("createdAt2");
        assertThat(FieldCode.suggest("x".repeat(45), Set.of("x".repeat(40)))).isEqualTo("x".repeat(39) + "2");
    }
}
