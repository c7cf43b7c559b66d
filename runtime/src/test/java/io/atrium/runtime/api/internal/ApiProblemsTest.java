package io.atrium.runtime.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoExecutionTimeoutException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class ApiProblemsTest {

    @Test
    void shouldAnswerAQueryThatRanOutOfTimeWithAGatewayTimeoutProblem() {
        // given what the driver raises when MongoDB answers MaxTimeMSExpired
        var timeout = new MongoExecutionTimeoutException(50, "operation exceeded time limit");

        // when
        var problem = new ApiProblems().queryTimedOut(timeout);

        // then
        assertThat(problem.getStatus()).isEqualTo(504);
        assertThat(problem.getType()).isEqualTo(URI.create("https://atrium.io/problems/query-timeout"));
        assertThat(problem.getDetail()).contains("narrow the filter").doesNotContain("operation exceeded");
    }
}
