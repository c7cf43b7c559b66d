package io.atrium.platform.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atrium.platform.form.internal.Feel;
import java.util.List;
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
    @ValueSource(strings = {"stage = \"won\"", "stage != \"lost\"", "amount = null", "amount != null",
            "kind in [\"a\", \"b\", 3]", "not((a = 1) and (b = 2))", "(a = 1) or (b = false)"})
    void shouldWriteWhatItReads(String expression) {
        assertThat(Feel.write(Feel.read(expression))).isEqualTo(expression);
    }

    @ParameterizedTest
    @ValueSource(strings = {"amount > 5", "sum(x) = 1", "a = ", "a = 1 b = 2", "\"x\" = a", "a = unknown"})
    void shouldRefuseWhatItDoesNotSupport(String expression) {
        assertThatThrownBy(() -> Feel.read(expression)).isInstanceOf(IllegalArgumentException.class);
    }
}
