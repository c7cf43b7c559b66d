package io.atrium.runtime.script.harness;

import static io.atrium.platform.script.ScriptLanguage.JAVASCRIPT;
import static io.atrium.platform.script.ScriptLanguage.TYPESCRIPT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atrium.platform.script.ScriptCompileException;
import io.atrium.runtime.script.ScriptFailure;
import io.atrium.runtime.script.ScriptLimits;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The harness runs modules through the real compiler and sandbox, against in-memory services. */
class ScriptHarnessTest {

    static final String MONEY = """
            export function gross(net: number): number {
              return Math.round(net * 120) / 100;
            }
            """;

    static final String PRICING = """
            import { context, http, items, log, refuse } from 'atrium';
            import { gross } from './money';

            export function quote(input: { net: number; deal: string }) {
              const deal = items.get('sales/deals', input.deal);
              if (!deal) refuse('deal', 'No such deal');
              const credit = http.fetch('https://credit.example.com/check',
                  { method: 'POST', body: { amount: deal.values.amount } });
              const answer = credit.json<{ approved: boolean }>();
              log.info('credit ' + answer.approved + ' for ' + context.user.username);
              if (!answer.approved) refuse('amount', 'Credit refused');
              const big = items.search('sales/deals', { filter: { field: 'amount', op: 'range', from: 50 } });
              const created = items.create('sales/quotes', { deal: deal.id, total: gross(input.net) });
              return { total: created.values.total, bigDeals: big.items.length };
            }
            """;

    static final List<Map<String, Object>> DEALS = List.of(
            Map.of("id", "d1", "values", Map.of("name", "Big", "amount", 100, "tags", List.of("key"))),
            Map.of("id", "d2", "values", Map.of("name", "Small", "amount", 10)),
            Map.of("id", "d3", "version", 4, "values", Map.of("name", "Bigger one", "amount", 500)));

    private static ScriptHarness.Builder pricing(boolean approved) {
        return ScriptHarness.create()
                .module("sales/money", TYPESCRIPT, MONEY)
                .module("sales/pricing", TYPESCRIPT, PRICING)
                .items("sales/deals", DEALS)
                .http("POST", "https://credit.example.com/check", 200, "{\"approved\":" + approved + "}")
                .user("olga", Set.of("OPERATOR"), Set.of("support"));
    }

    @Test
    void shouldReadItemsCallHttpImportAModuleAndCreate() {
        try (var harness = pricing(true).build()) {
            var result = harness.run("sales/pricing#quote", Map.of("net", 100, "deal", "d1"));

            assertThat(result.failure()).isNull();
            assertThat(result.value().get("total").asDouble()).isEqualTo(120.0);
            assertThat(result.value().get("bigDeals").asInt()).isEqualTo(2);
            assertThat(result.logs()).containsExactly("INFO credit true for olga");
            assertThat(result.created("sales/quotes")).singleElement()
                    .satisfies(item -> assertThat(item).containsEntry("createdBy", "olga").containsEntry("version", 1L)
                            .containsEntry("values", Map.of("deal", "d1", "total", 120)));
            assertThat(result.httpCalls()).singleElement().satisfies(call -> {
                assertThat(call.method()).isEqualTo("POST");
                assertThat(call.status()).isEqualTo(200);
                assertThat(call.body()).isEqualTo("{\"amount\":100}");
                assertThat(call.headers()).containsEntry("Content-Type", "application/json");
            });
        }
    }

    @Test
    void shouldReportARefusalWithItsFieldAndNoWrites() {
        try (var harness = pricing(false).build()) {
            var result = harness.run("sales/pricing#quote", Map.of("net", 100, "deal", "d1"));

            assertThat(result.succeeded()).isFalse();
            assertThat(result.refusal()).hasValue(new HarnessResult.Refusal("amount", "Credit refused"));
            assertThat(result.created()).isEmpty();
            assertThat(result.httpCalls()).hasSize(1);
            assertThat(result.logs()).containsExactly("INFO credit false for olga");

            var missing = harness.run("sales/pricing#quote", Map.of("net", 1, "deal", "nope"));
            assertThat(missing.refusal()).hasValue(new HarnessResult.Refusal("deal", "No such deal"));
            assertThat(missing.httpCalls()).isEmpty();
        }
    }

    @Test
    void shouldFailTheBuildOnATypeErrorWithItsLineAndColumn() {
        var builder = ScriptHarness.create().module("sales/broken", TYPESCRIPT, """
                export function run() {
                  const total: number = 'many';
                  return total;
                }
                """);

        assertThatThrownBy(builder::build).isInstanceOfSatisfying(ScriptCompileException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(problem -> {
                    assertThat(problem.file()).isEqualTo("broken.ts");
                    assertThat(problem.line()).isEqualTo(2);
                    assertThat(problem.column()).isEqualTo(9);
                    assertThat(problem.code()).isEqualTo("TS2322");
                }));
    }

    @Test
    void shouldKeepVersionsAcrossRunsAndRefuseAStaleUpdate() {
        try (var harness = ScriptHarness.create().module("sales/bump", TYPESCRIPT, """
                import { AtriumError, items } from 'atrium';

                export function bump(input: { version?: number }) {
                  try {
                    return items.update('sales/deals', 'd3', { amount: 1, name: null }, input.version).version;
                  } catch (e) {
                    if (e instanceof AtriumError) return e.code;
                    throw e;
                  }
                }
                """).items("sales/deals", DEALS).build()) {
            var first = harness.run("sales/bump#bump", Map.of("version", 4));
            assertThat(first.value().asInt()).isEqualTo(5);
            assertThat(first.updated("sales/deals")).singleElement()
                    .satisfies(item -> assertThat(item.get("values")).isEqualTo(Map.of("amount", 1)));

            var stale = harness.run("sales/bump#bump", Map.of("version", 4));
            assertThat(stale.value().asString()).isEqualTo("stale");
            assertThat(stale.updated()).isEmpty();

            var current = harness.run("sales/bump#bump", Map.of());
            assertThat(current.value().asInt()).isEqualTo(6);
        }
    }

    @Test
    void shouldFailACallNoCannedResponseAnswersAsUnreachable() {
        try (var harness = ScriptHarness.create().module("sales/call", JAVASCRIPT, """
                import { http } from 'atrium';
                export function caught() {
                  try { http.fetch('https://elsewhere.example.com/x?q=1'); } catch (e) { return e.code; }
                }
                export function uncaught() {
                  return http.fetch('https://credit.example.com/check').status;
                }
                """).http("POST", "https://credit.example.com/*", 200, "{}").build()) {
            var caught = harness.run("sales/call#caught", null);
            assertThat(caught.value().asString()).isEqualTo("unreachable");
            assertThat(caught.httpCalls()).singleElement().satisfies(call -> {
                assertThat(call.url()).isEqualTo("https://elsewhere.example.com/x?q=1");
                assertThat(call.status()).isNull();
            });

            var uncaught = harness.run("sales/call#uncaught", null);
            assertThat(uncaught.failure().kind()).isEqualTo(ScriptFailure.Kind.ERROR);
            assertThat(uncaught.failure().message()).contains("AtriumError", "No answer from credit.example.com");
            assertThat(uncaught.failure().scriptStack()).contains("at uncaught (sales/call.js:");
        }
    }

    @Test
    void shouldStopARunawayAtTheTimeLimit() {
        var limits = new ScriptLimits(Duration.ofMillis(300), Long.MAX_VALUE, 512L * 1024 * 1024, 1024 * 1024, 20);
        try (var harness = ScriptHarness.create().module("sales/spin", TYPESCRIPT, """
                import { log } from 'atrium';
                export function run(): number {
                  log.info('spinning');
                  let n = 0;
                  while (n >= 0) { n = (n + 1) % 1000; }
                  return n;
                }
                """).limits(limits).build()) {
            long started = System.nanoTime();
            var result = harness.run("sales/spin#run", null);

            assertThat(result.failure().kind()).isEqualTo(ScriptFailure.Kind.TIMEOUT);
            assertThat(result.logs()).containsExactly("INFO spinning");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void shouldSearchWithTheTypedFilters() {
        try (var harness = ScriptHarness.create().module("sales/find", TYPESCRIPT, """
                import { items, Filter } from 'atrium';
                const count = (filter: Filter) => items.search('sales/deals', { filter }).items.length;
                export function run() {
                  return {
                    eq: count({ field: 'name', op: 'eq', value: 'Big' }),
                    eqNumber: count({ field: 'amount', op: 'eq', value: 100.0 }),
                    inList: count({ field: 'amount', op: 'in', values: [10, 500] }),
                    listHas: count({ field: 'tags', op: 'eq', value: 'key' }),
                    contains: count({ field: 'name', op: 'contains', value: 'BIG' }),
                    empty: count({ field: 'tags', op: 'empty' }),
                    notEmpty: count({ field: 'tags', op: 'notEmpty' }),
                    text: count({ text: 'small' }),
                    range: count({ field: 'amount', op: 'range', from: 10, to: 100 }),
                    any: count({ any: [{ field: 'name', op: 'eq', value: 'Small' }, { field: 'amount', op: 'eq', value: 500 }] }),
                    all: count({ all: [{ field: 'amount', op: 'range', from: 50 }, { field: 'tags', op: 'empty' }] }),
                    sorted: items.search('sales/deals', { sort: 'amount', descending: true }).items.map(i => i.id),
                    firstPage: items.search('sales/deals', { sort: 'amount', limit: 2 }).next,
                    secondPage: items.search('sales/deals', { sort: 'amount', limit: 2, after: '2' }).items.map(i => i.id),
                  };
                }
                """).items("sales/deals", DEALS).build()) {
            var value = harness.run("sales/find#run", null).value();

            assertThat(value.get("eq").asInt()).isEqualTo(1);
            assertThat(value.get("eqNumber").asInt()).isEqualTo(1);
            assertThat(value.get("inList").asInt()).isEqualTo(2);
            assertThat(value.get("listHas").asInt()).isEqualTo(1);
            assertThat(value.get("contains").asInt()).isEqualTo(2);
            assertThat(value.get("empty").asInt()).isEqualTo(2);
            assertThat(value.get("notEmpty").asInt()).isEqualTo(1);
            assertThat(value.get("text").asInt()).isEqualTo(1);
            assertThat(value.get("range").asInt()).isEqualTo(2);
            assertThat(value.get("any").asInt()).isEqualTo(2);
            assertThat(value.get("all").asInt()).isEqualTo(1);
            assertThat(value.get("sorted").toString()).isEqualTo("[\"d3\",\"d1\",\"d2\"]");
            assertThat(value.get("firstPage").asString()).isEqualTo("2");
            assertThat(value.get("secondPage").toString()).isEqualTo("[\"d3\"]");
        }
    }

    @Test
    void shouldRecordNotificationsProcessesMessagesAndSessionTextsAndCheckWhoMayStart() {
        var source = """
                import { AtriumError, notifications, processes, sessions, users } from 'atrium';
                export function run() {
                  notifications.notify('olga', 'Deal won', 'Big', '/apps/sales/deals/d1');
                  processes.publishMessage('deal.won', 'd1', { amount: 100 });
                  sessions.send('s-1', 'Thank you');
                  const members = users.members('support').map(u => u.username);
                  try {
                    return { key: processes.start('sales/onboarding', { deal: 'd1' }).key, members };
                  } catch (e) {
                    if (e instanceof AtriumError) return { refused: e.code, members };
                    throw e;
                  }
                }
                export function start() {
                  try {
                    return processes.start('sales/onboarding').key;
                  } catch (e) {
                    if (e instanceof AtriumError) return e.code;
                    throw e;
                  }
                }
                """;
        try (var developer = ScriptHarness.create().module("sales/won", TYPESCRIPT, source)
                .user("dev", Set.of("DEVELOPER"), Set.of())
                .account("olga", Set.of("OPERATOR"), Set.of("support")).build()) {
            var result = developer.run("sales/won#run", null);

            assertThat(result.failure()).isNull();
            assertThat(result.value().get("key").asString()).isEqualTo("1");
            assertThat(result.value().get("members").toString()).isEqualTo("[\"olga\"]");
            assertThat(result.notifications()).containsExactly(
                    new HarnessResult.Notification("olga", "Deal won\nBig", "/apps/sales/deals/d1"));
            assertThat(result.messagesPublished()).containsExactly(
                    new HarnessResult.PublishedMessage("deal.won", "d1", Map.of("amount", 100)));
            assertThat(result.sessionMessages()).containsExactly(new HarnessResult.SessionMessage("s-1", "Thank you"));
            assertThat(result.processesStarted()).containsExactly(
                    new HarnessResult.ProcessStart("sales/onboarding", Map.of("deal", "d1"), "1"));
        }
        try (var operator = ScriptHarness.create().module("sales/won", TYPESCRIPT, source)
                .user("olga", Set.of("OPERATOR"), Set.of("support")).build()) {
            var result = operator.run("sales/won#start", null);
            assertThat(result.failure()).isNull();

            assertThat(result.value().asString()).isEqualTo("denied");
            assertThat(result.processesStarted()).isEmpty();
        }
    }

    @Test
    void shouldReportAFunctionTheModuleDoesNotExportAsInvalid() {
        try (var harness = ScriptHarness.create().module("sales/money", TYPESCRIPT, MONEY).build()) {
            assertThat(harness.run("sales/money#net", null).failure().kind()).isEqualTo(ScriptFailure.Kind.INVALID);
            assertThat(harness.run("sales/other#run", null).failure().kind()).isEqualTo(ScriptFailure.Kind.INVALID);
        }
    }
}
