package io.atrium.runtime.script;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.atrium.platform.identity.Role;
import io.atrium.platform.identity.UserDirectory;
import io.atrium.runtime.process.ProcessITSupport;
import io.atrium.runtime.process.ProcessTestApi;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scripts contract as outside checks use it: save a module's draft, publish it (a compile or
 * type error is a 400 with line and column), run an exported function as the caller; and what
 * the sandbox does with a script that misbehaves.
 */
class ScriptsIT extends ProcessITSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static int namespaces;

    @Autowired
    UserDirectory users;

    private ProcessTestApi api;
    private String admin;
    private String ns;
    private HttpServer service;

    @BeforeEach
    void setUp() throws Exception {
        api = api();
        admin = admin();
        ns = "scripts" + (++namespaces);
        api.call("POST", "/api/v1/apps", admin, """
                {"namespace":"%s","code":"deals","name":{"en":"Deals","ru":"Сделки"},
                 "fields":[{"code":"name","type":"string","required":true},{"code":"amount","type":"number"}]}"""
                .formatted(ns)).expect(201);
        api.call("POST", "/api/v1/apps/" + ns + "/deals/publish", admin, null).expect(200);
    }

    @AfterEach
    void stopService() {
        if (service != null) {
            service.stop(0);
        }
    }

    private ProcessTestApi.Answer save(String code, String language, String source) throws Exception {
        var body = JSON.createObjectNode().put("namespace", ns).put("code", code).put("language", language)
                .put("source", source);
        return api.call("POST", "/api/v1/scripts", admin, JSON.writeValueAsString(body));
    }

    private ProcessTestApi.Answer publish(String code) throws Exception {
        return api.call("POST", "/api/v1/scripts/" + ns + "/" + code + "/publish", admin, null);
    }

    private ProcessTestApi.Answer run(String code, String function, String input) throws Exception {
        return run(admin, code, function, input);
    }

    private ProcessTestApi.Answer run(String auth, String code, String function, String input) throws Exception {
        return api.call("POST", "/api/v1/scripts/" + ns + "/" + code + "/run", auth,
                "{\"function\":\"" + function + "\",\"input\":" + input + "}");
    }

    /** A module with one function, published. */
    private void module(String code, String source) throws Exception {
        save(code, "typescript", source).expect(201);
        publish(code).expect(200);
    }

    @Test
    void shouldRefuseToPublishATypeErrorWithItsLineAndColumn() throws Exception {
        save("broken", "typescript", """
                import { items } from 'atrium';

                export function total(n: number): number {
                  const label: string = n;
                  return label.length;
                }
                """).expect(201);

        var refused = publish("broken").expect(400);

        assertThat(refused.body().get("type").asString()).endsWith("/script-compile");
        var error = refused.body().get("errors").get(0);
        assertThat(error.get("line").asInt()).isEqualTo(4);
        assertThat(error.get("column").asInt()).isEqualTo(9);
        assertThat(error.get("code").asString()).isEqualTo("TS2322");
        assertThat(error.get("message").asString()).contains("number").contains("string");
        api.call("GET", "/api/v1/scripts/" + ns + "/broken", admin, null).expect(200)
                .body().get("current").isNull();
    }

    @Test
    void shouldRefuseASyntaxErrorInJavaScriptAndAnUnknownImport() throws Exception {
        save("sloppy", "javascript", "export function f(x) {\n  return x +;\n}\n").expect(201);
        var syntax = publish("sloppy").expect(400).body().get("errors").get(0);
        assertThat(syntax.get("line").asInt()).isEqualTo(2);

        save("lonely", "typescript", "import { helper } from './nowhere';\nexport const f = () => helper();\n")
                .expect(201);
        var imported = publish("lonely").expect(400).body().get("errors");
        assertThat(imported.toString()).contains("No published module 'nowhere'");

        save("fs", "javascript", "import fs from 'fs';\nexport function f() { return fs; }\n").expect(201);
        assertThat(publish("fs").expect(400).text()).contains("imports only 'atrium'");
    }

    @Test
    void shouldRunAnExportedFunctionAsTheCallerWithItsLogsAndImports() throws Exception {
        module("money", """
                export function withVat(amount: number): number {
                  return Math.round(amount * 1.2 * 100) / 100;
                }
                """);
        module("pricing", """
                import { items, log, context } from 'atrium';
                import { withVat } from './money';

                export function quote(input: { name: string; amount: number }) {
                  const deal = items.create('%s/deals', { name: input.name, amount: input.amount });
                  log.info('created ' + deal.id + ' for ' + context.user.username);
                  const again = items.get('%s/deals', deal.id);
                  return { id: deal.id, gross: withVat(input.amount), same: again?.values.name === input.name };
                }
                """.formatted(ns, ns));

        var ran = run("pricing", "quote", "{\"name\":\"Big one\",\"amount\":100}").expect(200);

        assertThat(ran.body().get("result").get("gross").asDouble()).isEqualTo(120.0);
        assertThat(ran.body().get("result").get("same").asBoolean()).isTrue();
        assertThat(ran.body().get("logs").get(0).asString()).startsWith("INFO created ").endsWith(" for admin");
        assertThat(ran.body().get("durationMs").isNumber()).isTrue();
        String id = ran.body().get("result").get("id").asString();
        var history = api.call("GET", "/api/v1/apps/" + ns + "/deals/items/" + id + "/history", admin, null)
                .expect(200);
        assertThat(history.text()).as("the script's write is audited as the caller's").contains("admin");
    }

    @Test
    void shouldRefuseASaveWhenTheExternalServiceSaysNo() throws Exception {
        service = HttpServer.create(new InetSocketAddress(ALLOWED_HOST, 0), 0);
        service.createContext("/credit", exchange -> {
            byte[] answer = "{\"approved\":false,\"reason\":\"over the limit\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        service.start();
        module("deal-checks", """
                import { http, refuse } from 'atrium';

                export async function beforeSave(input: { amount: number }) {
                  const answer = http.fetch('http://%s:%d/credit', { method: 'POST', body: { amount: input.amount } });
                  const verdict = answer.json<{ approved: boolean; reason: string }>();
                  if (!verdict.approved) {
                    refuse('amount', 'The credit service says no: ' + verdict.reason);
                  }
                  return 'ok';
                }
                """.formatted(ALLOWED_HOST, service.getAddress().getPort()));

        var refused = run("deal-checks", "beforeSave", "{\"amount\":1000000}").expect(422);

        assertThat(refused.body().get("type").asString()).endsWith("/script-refused");
        assertThat(refused.body().get("field").asString()).isEqualTo("amount");
        assertThat(refused.body().get("detail").asString()).isEqualTo("The credit service says no: over the limit");
    }

    @Test
    void shouldRunAScriptTaskOfAProcessAndKeepWhatItReturns() throws Exception {
        module("scoring", """
                import { context } from 'atrium';
                export function score(input: { amount: number }) {
                  return { score: input.amount > 1000 ? 'high' : 'low', by: context.binding };
                }
                """);
        String settings = "<zeebe:ioMapping><zeebe:input source=\"={amount: amount}\" target=\"input\" />"
                + "</zeebe:ioMapping><zeebe:taskHeaders><zeebe:header key=\"script\" value=\"" + ns
                + "/scoring#score\" /></zeebe:taskHeaders>";
        api.upload(admin, ns, "score.bpmn", ProcessTestApi.bpmn("single-block.bpmn", "code", "score-deal", "type",
                "atrium:script", "settings", settings)).expect(201);
        api.call("POST", "/api/v1/processes/" + ns + "/score-deal/publish", admin, null).expect(200);

        String key = api.call("POST", "/api/v1/process-instances", admin,
                "{\"process\":\"" + ns + "/score-deal\",\"variables\":{\"amount\":5000}}").expect(201)
                .body().get("key").asString();

        var done = api.await("/api/v1/process-instances/" + key, admin,
                a -> "COMPLETED".equals(a.body().path("state").asString()), java.time.Duration.ofSeconds(30)).body();
        assertThat(done.get("variables").toString()).contains("high").contains("process");
    }

    @Test
    void shouldStopARunawayScriptAndGoOnRunningOthers() throws Exception {
        module("runaway", """
                export function spin(): number { let n = 0; while (true) { n++; } }
                export function hoard(): number { const kept: string[] = []; while (true) { kept.push('x'.repeat(1000)); } }
                export async function forever(): Promise<void> { while (true) { await null; } }
                export function recurse(n: number): number { return recurse(n + 1) + 1; }
                export function fine(): string { return 'still here'; }
                """);

        for (String function : new String[] {"spin", "hoard", "forever"}) {
            long started = System.nanoTime();
            var stopped = run("runaway", function, "null").expect(422);
            assertThat(stopped.body().get("type").asString()).as(stopped.text()).endsWith("/script-limit");
            assertThat((System.nanoTime() - started) / 1_000_000).as(function).isLessThan(30_000);
        }
        var deep = run("runaway", "recurse", "0").expect(422);
        assertThat(deep.text()).containsIgnoringCase("stack");
        assertThat(run("runaway", "fine", "null").expect(200).body().get("result").asString()).isEqualTo("still here");
    }

    @Test
    void shouldRefuseCallsToInternalAddressesInsideTheScript() throws Exception {
        module("ssrf", """
                import { http, AtriumError } from 'atrium';
                export function probe(input: { url: string }): string {
                  try { http.fetch(input.url); return 'reached'; }
                  catch (e) { return e instanceof AtriumError ? e.code : 'other: ' + e; }
                }
                """);
        for (String url : new String[] {"http://127.0.0.1:1/", "http://169.254.169.254/latest/meta-data/",
                "http://[::1]/", "http://10.0.0.1/", "http://localhost/", "http://[::ffff:127.0.0.1]/",
                "file:///etc/passwd", "http://0.0.0.0/", "http://[0:0:0:0:0:0:0:1]/", "http://[fe80::1]/",
                "http://[fd00::1]/", "http://[::ffff:169.254.169.254]/", "http://100.64.0.1/", "http://192.168.1.1/",
                "http://172.16.0.1/", "http://metadata.google.internal/", "http://localhost./",
                "gopher://127.0.0.2/", "http://2130706433/"}) {
            assertThat(run("ssrf", "probe", "{\"url\":\"" + url + "\"}").expect(200).body().get("result").asString())
                    .as(url).isEqualTo("outbound-refused");
        }
    }

    @Test
    void shouldNotFollowARedirectToTheInside() throws Exception {
        service = HttpServer.create(new InetSocketAddress(ALLOWED_HOST, 0), 0);
        service.createContext("/hop", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port + "/api/v1/users");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        service.start();
        module("hop", """
                import { http } from 'atrium';
                export function go(input: { url: string }) {
                  const answer = http.fetch(input.url);
                  return { status: answer.status, location: answer.headers['location'] ?? null, body: answer.text };
                }
                """);

        var ran = run("hop", "go", "{\"url\":\"http://" + ALLOWED_HOST + ":" + service.getAddress().getPort()
                + "/hop\"}").expect(200).body().get("result");

        assertThat(ran.get("status").asInt()).isEqualTo(302);
        assertThat(ran.get("body").asString()).isEmpty();
    }

    @Test
    void shouldStopRunawaysTheLimitsDoNotCountAsStatements() throws Exception {
        module("bombs", """
                export function bigString(): number { return 'x'.repeat(2 ** 29).length; }
                export function bigArray(): number { return new Array(2 ** 28).fill(1.5).length; }
                export function promises(): number { let n = 0; for (;;) { Promise.resolve(n++); } }
                export function sorting(): number {
                  const a: number[] = []; for (let i = 0; i < 3e6; i++) { a.push(Math.random()); }
                  for (;;) { a.slice().sort(); }
                }
                export function fine(): string { return 'alive'; }
                """);

        for (String function : new String[] {"bigString", "bigArray", "promises", "sorting"}) {
            var stopped = run("bombs", function, "null");
            assertThat(stopped.status()).as(function + ": " + stopped.text()).isEqualTo(422);
            assertThat(stopped.body().get("type").asString()).as(function + ": " + stopped.text())
                    .matches(".*/script-(limit|error)");
        }
        assertThat(run("bombs", "fine", "null").expect(200).body().get("result").asString()).isEqualTo("alive");
    }

    @Test
    void shouldAnswerCatastrophicBacktrackingInLinearTime() throws Exception {
        module("regex", """
                export function evil(): boolean { return /^(a+)+$/.test('a'.repeat(5000) + 'b'); }
                export function logged(): string { console.log('via console', { n: 1 }); return 'ok'; }
                """);

        // GraalJS's regex engine runs this pattern as an automaton: no exponential backtracking
        var answered = run("regex", "evil", "null").expect(200);
        assertThat(answered.body().get("result").asBoolean()).isFalse();
        assertThat(run("regex", "logged", "null").expect(200).body().get("logs").get(0).asString())
                .isEqualTo("INFO via console {\"n\":1}");
    }

    @Test
    void shouldKeepHostAccessOutOfReach() throws Exception {
        module("escape", """
                export function attempts(): string[] {
                  const results: string[] = [];
                  const tryIt = (name: string, f: () => unknown) => {
                    try { const v = f(); results.push(name + ':' + (v === undefined || v === null ? 'none' : typeof v)); }
                    catch (e) { results.push(name + ':refused'); }
                  };
                  const g: any = globalThis;
                  tryIt('java', () => g.Java.type('java.lang.Runtime'));
                  tryIt('polyglot', () => g.Polyglot.eval('js', '1'));
                  tryIt('load', () => g.load('/etc/passwd'));
                  tryIt('require', () => g.require('fs'));
                  tryIt('process', () => g.process.env);
                  tryIt('hosts', () => Object.keys(g).filter((k) => /host|atrium|sdk/i.test(k)).join() || undefined);
                  tryIt('function', () => (Function('return this')() as any).Java.type('java.lang.System'));
                  tryIt('eval', () => eval('Java.type("java.io.File")'));
                  tryIt('import', () => (g.__import ?? undefined));
                  tryIt('packages', () => g.Packages.java.lang.System);
                  tryIt('javaGlobal', () => g.java.lang.System);
                  tryIt('constructor', () => ((() => 0).constructor('return Java')() as any).type('java.io.File'));
                  tryIt('asyncCtor', () => (Object.getPrototypeOf(async function () { }).constructor('return 1')));
                  tryIt('indirectEval', () => ((0, eval)('this') as any).Java.type('java.lang.Thread'));
                  tryIt('javaFrom', () => g.Java.from([]));
                  tryIt('interop', () => g.Interop.import('x'));
                  tryIt('print', () => g.print('to the console'));
                  tryIt('quit', () => g.quit());
                  tryIt('readFile', () => g.readFile('/etc/passwd'));
                  tryIt('readline', () => g.readline());
                  tryIt('dynamicImport', () => eval("import('/etc/passwd')").then(() => { throw new Error('read'); }));
                  tryIt('worker', () => new g.Worker('x.js'));
                  tryIt('stackHosts', () => {
                    const E: any = Error;
                    E.prepareStackTrace = (_e: unknown, frames: any[]) => frames.map((f) => f.getThis && f.getThis());
                    const leaked = (new Error('x') as any).stack;
                    E.prepareStackTrace = undefined;
                    return Array.isArray(leaked) && leaked.some((t: unknown) => t && typeof t === 'object') ? leaked : undefined;
                  });
                  return results;
                }
                export function pollute(): string {
                  const sdk: any = require('atrium');
                  try { sdk.items.get = () => 'owned'; } catch (e) { }
                  try { Object.getPrototypeOf(sdk.items).x = 1; } catch (e) { }
                  return typeof sdk.items.get('x/y', 'z');
                }
                declare function require(name: string): unknown;
                """);

        var results = run("escape", "attempts", "null").expect(200).body().get("result").toString();

        assertThat(results).contains("java:refused", "polyglot:refused", "load:refused", "require:refused",
                "process:refused", "hosts:none", "function:refused", "eval:refused", "import:none",
                "packages:refused", "javaGlobal:refused", "constructor:refused", "indirectEval:refused",
                "javaFrom:refused", "interop:refused", "print:refused", "quit:refused", "readFile:refused",
                "readline:refused", "worker:refused", "stackHosts:none");
        assertThat(run("escape", "pollute", "null").text()).doesNotContain("owned");
    }

    @Test
    void shouldRunOnlyForThoseWhoMayAndUnderTheirPermissions() throws Exception {
        module("reader", """
                import { items } from 'atrium';
                export function read(input: { id: string }) { return items.get('%s/deals', input.id); }
                """.formatted(ns));
        String operator = "op" + ns;
        users.create(operator, "Olga", "nothing-to-see-here-42", Set.of(Role.OPERATOR));
        String developer = "dev" + ns;
        users.create(developer, "Dev", "writes-code-all-day-7", Set.of(Role.DEVELOPER));

        run(api.token(operator, "nothing-to-see-here-42"), "reader", "read", "{\"id\":\"x\"}").expect(403);
        var denied = run(api.token(developer, "writes-code-all-day-7"), "reader", "read", "{\"id\":\"x\"}")
                .expect(422);
        assertThat(denied.body().get("detail").asString()).contains("AtriumError");
        run("reader", "nope", "null").expect(404);
        api.call("POST", "/api/v1/scripts/" + ns + "/ghost/run", admin, "{\"function\":\"f\"}").expect(404);
    }
}
