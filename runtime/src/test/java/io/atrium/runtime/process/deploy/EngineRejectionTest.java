package io.atrium.runtime.process.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EngineRejectionTest {

    @Test
    void shouldPutEachOfTheEnginesObjectionsOnItsElement() {
        var problems = EngineRejection.problems("""
                Command 'CREATE' rejected with code 'INVALID_ARGUMENT': Expected to deploy new resources, but encountered the following errors:
                'offer.bpmn': - Element: Review > extensionElements > assignmentDefinition
                    - ERROR: Expected expression but found 'if then'
                - Element: Gateway_1
                    - ERROR: Must have at least one outgoing sequence flow
                """);
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0).field()).isEqualTo("Review");
        assertThat(problems.get(0).message()).contains("assignmentDefinition", "if then");
        assertThat(problems.get(1).field()).isEqualTo("Gateway_1");
    }

    @Test
    void shouldKeepAnAnswerItCannotTakeApartWhole() {
        var problems = EngineRejection.problems("Something else went wrong");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEmpty();
            assertThat(p.message()).contains("Something else went wrong");
        });
    }
}
