package io.atrium.platform.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atrium.platform.form.internal.Feel;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeelTest {

    @Test
    void shouldReadComparisonsAndCombinations() {
        assertThat(Feel.read("=stage = \"won\" and (amount != null or vip = true)")).isEqualTo(new Condition.All(
                List.of(new Condition.Equals("stage", "won"), new Condition.Any(List.of(
                        new Condition.Not(new Condition.Empty("amount")), new Condition.Equals("vip", true))))));
        assertThat(Feel.read("not(kind in [\"a\", \"b\"])")).isEqualTo(new Condition.Not(
                new Condition.In("kind", List.of("a", "b"))));
        assertThat(Feel.read("= score = 2.5")).isEqualTo(new Condition.Equals("score", 2.5));
        assertThat(Feel.read("notes = \"say \\\"hi\\\"\"")).isEqualTo(new Condition.Equals("notes", "say \"hi\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"stage = \"won\"", "stage != \"lost\"", "amount > 1000", "amount <= 2.5",
            "amount = null", "amount != null",
            "kind in [\"a\", \"b\", 3]", "not((a = 1) and (b = 2))", "(a = 1) or (b = false)"})
    void shouldWriteWhatItReads(String expression) {
        assertThat(Feel.write(Feel.read(expression))).isEqualTo(expression);
    }

    @Test
    void shouldReadABareVariableAsTrueAndItsNegationAsFalse() {
        assertThat(Feel.read("=flag")).isEqualTo(new Condition.Equals("flag", true));
        assertThat(Feel.read("=not(flag)")).as("not(null) is null in FEEL, so only false makes it true")
                .isEqualTo(new Condition.Equals("flag", false));
        assertThat(Feel.read("=vip and not(blocked) or kind = \"company\"")).isEqualTo(new Condition.Any(List.of(
                new Condition.All(List.of(new Condition.Equals("vip", true), new Condition.Equals("blocked", false))),
                new Condition.Equals("kind", "company"))));
    }

    @Test
    void shouldReadNumberComparisons() {
        assertThat(Feel.read("=amount > 1000")).isEqualTo(compare("amount", Condition.Comparison.GREATER, "1000"));
        assertThat(Feel.read("=amount >= 2.5")).isEqualTo(
                compare("amount", Condition.Comparison.GREATER_OR_EQUAL, "2.5"));
        assertThat(Feel.read("=age < 18 and age <= -1")).isEqualTo(new Condition.All(List.of(
                compare("age", Condition.Comparison.LESS, "18"),
                compare("age", Condition.Comparison.LESS_OR_EQUAL, "-1"))));
        assertThat(Feel.read("=not(amount > 1000)")).as("a missing amount makes neither true")
                .isEqualTo(compare("amount", Condition.Comparison.LESS_OR_EQUAL, "1000"));
        assertThat(Feel.read("=score != 3")).isEqualTo(new Condition.Not(new Condition.Equals("score", 3L)));
    }

    @Test
    void shouldHideOnlyWhenTheExpressionIsTrueAsFormJsDoes() {
        var hiddenWhenLarge = Feel.not(Feel.read("=amount > 1000"));
        var hiddenWhenSmall = Feel.not(Feel.read("=not(amount > 1000)"));

        assertThat(hiddenWhenLarge.test(Map.of(), Set.of())).as("amount > 1000 is null: shown").isTrue();
        assertThat(hiddenWhenSmall.test(Map.of(), Set.of())).as("not(null) is null: shown").isTrue();
        assertThat(hiddenWhenLarge.test(Map.of("amount", 5000), Set.of())).isFalse();
        assertThat(hiddenWhenSmall.test(Map.of("amount", 50), Set.of())).isFalse();
        assertThat(hiddenWhenSmall.test(Map.of("amount", 5000), Set.of())).isTrue();
    }

    @Test
    void shouldWriteAHideConditionThatReadsBackAsTheSameShowCondition() {
        var large = compare("amount", Condition.Comparison.GREATER, "1000");
        var both = new Condition.All(List.of(new Condition.Equals("kind", "company"), large));

        for (Condition shown : List.of(large, both, new Condition.Equals("kind", "person"))) {
            assertThat(Feel.not(Feel.read(Feel.writeNegated(shown)))).isEqualTo(shown);
        }
        assertThat(Feel.writeNegated(large)).isEqualTo("(amount = null) or (amount <= 1000)");
    }

    private static Condition compare(String field, Condition.Comparison comparison, String value) {
        return new Condition.Compare(field, comparison, new BigDecimal(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"amount > \"x\"", "sum(x) = 1", "a = ", "a = 1 b = 2", "\"x\" = a", "a = unknown",
        "orders.amount > 5", "true", "a > null"})
    void shouldRefuseWhatItDoesNotSupport(String expression) {
        assertThatThrownBy(() -> Feel.read(expression)).isInstanceOf(IllegalArgumentException.class);
    }
}
