package io.atrium.runtime.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atrium.runtime.script.ScriptFailure.Kind;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ScriptSandboxTest {

    private static final ScriptSandbox sandbox = new ScriptSandbox();
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final Duration LIMIT = Duration.ofSeconds(5);

    @AfterAll
    static void close() {
        sandbox.close();
    }

    private static JsonNode parse(String text) {
        return json.readTree(text);
    }

    private static ScriptFailure failureOf(String source) {
        try {
            sandbox.call("probe", source, "main", parse("{}"), LIMIT);
        } catch (ScriptFailure failure) {
            return failure;
        }
        throw new AssertionError("the script was expected to fail");
    }

    @Test
    void shouldCallAFunctionWithJsonInAndOut() {
        String source = """
                function total(order) {
                  log.info('pricing ' + order.lines.length + ' lines');
                  const sum = order.lines.reduce((s, l) => s + l.qty * l.price, 0);
                  return { total: sum, currency: order.currency, big: sum > 100 };
                }
                """;

        var result = sandbox.call("pricing", source, "total",
                parse("{\"currency\":\"EUR\",\"lines\":[{\"qty\":2,\"price\":30},{\"qty\":1,\"price\":50}]}"), LIMIT);

        assertThat(result.value()).isEqualTo(parse("{\"total\":110,\"currency\":\"EUR\",\"big\":true}"));
        assertThat(result.log()).containsExactly("INFO pricing 2 lines");
    }

    @Test
    void shouldDenyHostClasses() {
        var failure = failureOf("function main() { return Java.type('java.lang.System').getProperty('user.home'); }");

        assertThat(failure.kind()).isEqualTo(Kind.ERROR);
        assertThat(failure.getMessage()).contains("Java");
    }

    @Test
    void shouldNotExposeHostObjectsBeyondTheSdk() {
        // The SDK's log is reachable only through its exported methods: no getClass(), no reflection.
        var result = sandbox.call("probe", """
                function main() {
                  return { getClass: typeof log.getClass, lines: typeof log.lines, info: typeof log.info,
                           polyglot: typeof Polyglot, graal: typeof Graal, process: typeof process,
                           require: typeof require };
                }
                """, "main", parse("{}"), LIMIT);

        assertThat(result.value().get("getClass").asString()).isEqualTo("undefined");
        assertThat(result.value().get("lines").asString()).isEqualTo("undefined");
        assertThat(result.value().get("info").asString()).isEqualTo("function");
        assertThat(result.value().get("process").asString()).isEqualTo("undefined");
        assertThat(result.value().get("require").asString()).isEqualTo("undefined");
    }

    @Test
    void shouldDenyFileAccess() {
        var failure = failureOf("function main() { load('/etc/passwd'); return 'read'; }");

        assertThat(failure.kind()).isEqualTo(Kind.ERROR);
    }

    @Test
    void shouldStopAnEndlessLoopAndStayUsable() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> sandbox.call("spin", "function main() { for (;;) {} }", "main", parse("{}"),
                Duration.ofMillis(300)))
                .isInstanceOfSatisfying(ScriptFailure.class, f -> assertThat(f.kind()).isEqualTo(Kind.TIMEOUT))
                .hasMessageContaining("stopped after 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));

        var after = sandbox.call("next", "function main(x) { return x.n + 1; }", "main", parse("{\"n\":41}"), LIMIT);
        assertThat(after.value().asInt()).isEqualTo(42);
    }

    @Test
    void shouldReportASyntaxErrorAsInvalid() {
        var failure = failureOf("function main( { return 1; }");

        assertThat(failure.kind()).isEqualTo(Kind.INVALID);
    }

    @Test
    void shouldReportAMissingFunctionAsInvalid() {
        var failure = failureOf("function other() { return 1; }");

        assertThat(failure.kind()).isEqualTo(Kind.INVALID);
        assertThat(failure.getMessage()).contains("'main'");
    }

    @Test
    void shouldReportAThrownErrorWithItsMessage() {
        var failure = failureOf("function main() { throw new Error('customer not found'); }");

        assertThat(failure.kind()).isEqualTo(Kind.ERROR);
        assertThat(failure.getMessage()).contains("customer not found");
    }

    @Test
    void shouldNotLeakStateBetweenCalls() {
        sandbox.call("first", "var counter = 1; function main() { globalThis.leaked = 'yes'; return counter; }",
                "main", parse("{}"), LIMIT);

        var second = sandbox.call("second", "function main() { return typeof leaked; }", "main", parse("{}"), LIMIT);

        assertThat(second.value().asString()).isEqualTo("undefined");
    }
}
