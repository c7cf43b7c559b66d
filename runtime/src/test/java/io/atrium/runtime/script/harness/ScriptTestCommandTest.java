package io.atrium.runtime.script.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The command's exit status and JSON report, run in process on files as a developer has them. */
class ScriptTestCommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void files() throws Exception {
        Files.writeString(dir.resolve("money.ts"), ScriptHarnessTest.MONEY);
        Files.writeString(dir.resolve("pricing.ts"), ScriptHarnessTest.PRICING);
        Files.writeString(dir.resolve("deals.json"), """
                [{"id": "d1", "values": {"name": "Big", "amount": 100}},
                 {"id": "d2", "version": 3, "values": {"name": "Small", "amount": 10}}]
                """);
        Files.writeString(dir.resolve("approved.json"), """
                [{"method": "POST", "url": "https://credit.example.com/check", "status": 200,
                  "headers": {"content-type": "application/json"}, "body": {"approved": true}}]
                """);
        Files.writeString(dir.resolve("refused.json"), """
                [{"method": "POST", "url": "https://credit.example.com/check", "status": 200,
                  "body": "{\\"approved\\": false}"}]
                """);
    }

    private int run(String... args) {
        return ScriptTestCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private JsonNode report() {
        return JSON.readTree(out.toString(StandardCharsets.UTF_8));
    }

    private String[] pricing(String http) {
        return new String[] {"--module", "sales/money=" + dir.resolve("money.ts"),
            "--module", "sales/pricing=" + dir.resolve("pricing.ts"),
            "--items", "sales/deals=" + dir.resolve("deals.json"), "--http", dir.resolve(http).toString(),
            "--user", "olga", "--roles", "OPERATOR", "--groups", "support",
            "--run", "sales/pricing#quote", "--input", "{\"net\": 100, \"deal\": \"d1\"}"};
    }

    @Test
    void shouldExitZeroAndReportTheValueAndTheEffects() {
        assertThat(run(pricing("approved.json"))).isZero();

        var report = report();
        assertThat(report.get("ok").asBoolean()).isTrue();
        assertThat(report.get("value").get("total").asDouble()).isEqualTo(120.0);
        assertThat(report.get("value").get("bigDeals").asInt()).isEqualTo(1);
        assertThat(report.get("logs").get(0).asString()).isEqualTo("INFO credit true for olga");
        assertThat(report.get("created").get("sales/quotes").get(0).get("values").get("deal").asString())
                .isEqualTo("d1");
        assertThat(report.get("httpCalls").get(0).get("status").asInt()).isEqualTo(200);
        assertThat(report.get("refusal").isNull()).isTrue();
        assertThat(report.get("failure").isNull()).isTrue();
    }

    @Test
    void shouldExitOneOnARefusalAndSayWhichField() {
        assertThat(run(pricing("refused.json"))).isEqualTo(1);

        var report = report();
        assertThat(report.get("ok").asBoolean()).isFalse();
        assertThat(report.get("refusal").get("field").asString()).isEqualTo("amount");
        assertThat(report.get("failure").get("kind").asString()).isEqualTo("REFUSED");
        assertThat(report.get("created").isEmpty()).isTrue();
    }

    @Test
    void shouldExitOneOnATypeErrorWithItsLineAndColumn() throws Exception {
        Files.writeString(dir.resolve("broken.ts"), "export function run(): string {\n  return 42;\n}\n");

        assertThat(run("--module", "sales/broken=" + dir.resolve("broken.ts"), "--run", "sales/broken#run"))
                .isEqualTo(1);

        var problem = report().get("failure").get("problems").get(0);
        assertThat(report().get("failure").get("kind").asString()).isEqualTo("COMPILE");
        assertThat(problem.get("file").asString()).isEqualTo("broken.ts");
        assertThat(problem.get("line").asInt()).isEqualTo(2);
        assertThat(problem.get("column").asInt()).isEqualTo(3);
    }

    @Test
    void shouldExitTwoOnBadUsageAndPrintNothingToTheOutput() {
        assertThat(run("--module", "sales/pricing=" + dir.resolve("pricing.ts"))).isEqualTo(2);
        assertThat(run("--module", "sales/pricing=" + dir.resolve("missing.ts"), "--run", "sales/pricing#quote"))
                .isEqualTo(2);
        assertThat(run("--module", "sales/pricing=" + dir.resolve("pricing.ts"), "--run", "sales/pricing#quote",
                "--input", "{not json")).isEqualTo(2);
        assertThat(run("--frobnicate", "x")).isEqualTo(2);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: script-test");
    }
}
