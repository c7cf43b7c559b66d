package io.atrium.runtime.script;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrium.platform.access.Actor;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.PublishedApp;
import io.atrium.platform.form.FormCatalog;
import io.atrium.platform.form.FormDefinition;
import io.atrium.platform.form.FormPurpose;
import io.atrium.platform.form.FormRef;
import io.atrium.platform.form.FormScripts;
import io.atrium.platform.identity.Role;
import io.atrium.platform.item.Items;
import io.atrium.runtime.process.ProcessITSupport;
import io.atrium.runtime.process.ProcessTestApi;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * Form events bound to scripts: what a script answers on load, on a change and before a save
 * reaches the form; a refusal stops the save on its field; a script that fails or runs away
 * stops the save too; and the form keeps its scripts through drafts, publishing and form-js.
 */
class FormScriptEventsIT extends ProcessITSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Actor ADMIN = new Actor("admin", Set.of(Role.ADMIN), Set.of());
    private static int namespaces;

    @Autowired
    FormScriptEvents events;
    @Autowired
    AppCatalog apps;
    @Autowired
    FormCatalog forms;
    @Autowired
    Items items;

    private ProcessTestApi api;
    private String admin;
    private String ns;
    private AppDefinition deals;

    @BeforeEach
    void setUp() throws Exception {
        api = api();
        admin = admin();
        ns = "formscripts" + (++namespaces);
        api.call("POST", "/api/v1/apps", admin, """
                {"namespace":"%s","code":"deals","name":{"en":"Deals","ru":"Сделки"},
                 "fields":[{"code":"name","type":"string","required":true},{"code":"amount","type":"number"},
                           {"code":"vat","type":"number"},{"code":"note","type":"string"}]}"""
                .formatted(ns)).expect(201);
        api.call("POST", "/api/v1/apps/" + ns + "/deals/publish", admin, null).expect(200);
        deals = apps.current(new AppRef(ns, "deals")).map(PublishedApp::definition).orElseThrow();
        module("deal-form", """
                import { refuse } from 'atrium';

                type Values = { name?: string; amount?: number; vat?: number; note?: string };
                type Event = { event: string; creating: boolean; field: string | null; values: Values;
                               item: { id: string } | null };

                export function onLoad(e: Event) {
                  return e.creating ? { values: { note: 'new deal' }, message: 'Fill in the amount' } : null;
                }

                export function onAmount(e: Event) {
                  return { values: { vat: Math.round((e.values.amount ?? 0) * 0.2 * 100) / 100 } };
                }

                export function beforeSave(e: Event) {
                  if ((e.values.amount ?? 0) > 1000000) {
                    refuse('amount', 'Deals over a million need a manager');
                  }
                  return { values: { note: (e.values.name ?? '').toUpperCase() } };
                }

                export function broken(e: Event) {
                  throw new Error('the rates service is down');
                }

                export function ghost(e: Event) {
                  return { values: { colour: 'red' } };
                }

                export function forever(e: Event) {
                  for (;;) { }
                }
                """);
    }

    private void module(String code, String source) throws Exception {
        var body = JSON.createObjectNode().put("namespace", ns).put("code", code).put("language", "typescript")
                .put("source", source);
        api.call("POST", "/api/v1/scripts", admin, JSON.writeValueAsString(body)).expect(201);
        api.call("POST", "/api/v1/scripts/" + ns + "/" + code + "/publish", admin, null).expect(200);
    }

    private FormDefinition form(FormScripts scripts) {
        return new FormDefinition(new FormRef(deals.ref(), FormPurpose.EDIT), null, List.of(), null, scripts);
    }

    private String fn(String name) {
        return ns + "/deal-form#" + name;
    }

    @Test
    void shouldFillTheFormOnLoadAndComputeOnChange() {
        var form = form(new FormScripts(fn("onLoad"), Map.of("amount", fn("onAmount")), null, null));

        var loaded = events.load(ADMIN, deals, form, null, Map.of());
        assertThat(loaded.values()).containsEntry("note", "new deal");
        assertThat(loaded.message()).isEqualTo("Fill in the amount");

        assertThat(events.watches(form, "amount")).isTrue();
        assertThat(events.watches(form, "name")).isFalse();
        var changed = events.change(ADMIN, deals, form, null, "amount", Map.of("amount", new BigDecimal("250")));
        assertThat(changed.allowsSave()).isTrue();
        assertThat(new BigDecimal(changed.values().get("vat").toString())).isEqualByComparingTo("50");
    }

    @Test
    void shouldRefuseASaveWithTheScriptsMessageOnTheField() {
        var form = form(new FormScripts(null, Map.of(), fn("beforeSave"), null));

        var refused = events.beforeSave(ADMIN, deals, form, null, Map.of("name", "Huge", "amount", 5_000_000));

        assertThat(refused.allowsSave()).isFalse();
        assertThat(refused.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("amount");
            assertThat(error.message()).isEqualTo("Deals over a million need a manager");
        });

        var allowed = events.beforeSave(ADMIN, deals, form, null, Map.of("name", "Small", "amount", 10));
        assertThat(allowed.allowsSave()).isTrue();
        assertThat(allowed.values()).containsEntry("note", "SMALL");
    }

    @Test
    void shouldStopTheSaveWhenTheScriptFailsOrAnswersFieldsTheAppHasNot() {
        var failing = events.beforeSave(ADMIN, deals, form(new FormScripts(null, Map.of(), fn("broken"), null)),
                null, Map.of("name", "x"));
        assertThat(failing.allowsSave()).isFalse();
        assertThat(failing.failure()).contains("the rates service is down");

        var ghost = events.beforeSave(ADMIN, deals, form(new FormScripts(null, Map.of(), fn("ghost"), null)), null,
                Map.of("name", "x"));
        assertThat(ghost.allowsSave()).isFalse();
        assertThat(ghost.errors()).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("colour"));

        var missing = events.beforeSave(ADMIN, deals, form(new FormScripts(null, Map.of(),
                ns + "/nowhere#beforeSave", null)), null, Map.of("name", "x"));
        assertThat(missing.allowsSave()).isFalse();
        assertThat(missing.failure()).isNotBlank();
    }

    @Test
    void shouldStopARunawayAtTheFormsOwnTimeLimit() {
        long started = System.nanoTime();
        var stopped = events.beforeSave(ADMIN, deals, form(new FormScripts(null, Map.of(), fn("forever"), 1)), null,
                Map.of("name", "x"));
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(stopped.allowsSave()).isFalse();
        assertThat(stopped.failure()).isNotBlank();
        assertThat(tookMs).as("stopped near its 1 s limit, not the 5 s default").isLessThan(4_000);
    }

    @Test
    void shouldRunAsThePersonUsingTheForm() throws Exception {
        module("peek", """
                import { items } from 'atrium';
                export function onLoad(e: { values: object }) {
                  return { message: 'found ' + items.search('%s/deals', {}).items.length };
                }
                """.formatted(ns));
        var form = form(new FormScripts(ns + "/peek#onLoad", Map.of(), null, null));
        items.create(ADMIN, deals.ref(), new HashMap<>(Map.of("name", "Secret")));

        assertThat(events.load(ADMIN, deals, form, null, Map.of()).message()).isEqualTo("found 1");
        // an operator the app does not open to cannot read its items through a form script either
        var stranger = new Actor("stranger", Set.of(Role.OPERATOR), Set.of());
        var denied = events.load(stranger, deals, form, null, Map.of());
        assertThat(denied.failure()).isNotBlank();
        assertThat(denied.message()).isNull();
    }

    @Test
    void shouldKeepTheScriptsThroughDraftPublishAndFormJsAndRefuseWrongBindings() throws Exception {
        String base = "/api/v1/apps/" + ns + "/deals/forms/edit";
        api.call("PUT", base + "/draft", admin, """
                {"name":{"en":"Deal"},"elements":[{"type":"field","id":"f1","field":"name"},
                 {"type":"field","id":"f2","field":"amount"}],
                 "scripts":{"onChange":{"colour":"%1$s","amount":"not a name"},"timeLimitSeconds":99}}"""
                .formatted(fn("onAmount"))).expect(200);
        var refused = api.call("POST", base + "/publish", admin, null).expect(400).text();
        assertThat(refused).contains("scripts.onChange.colour").contains("scripts.onChange.amount")
                .contains("scripts.timeLimitSeconds");

        api.call("PUT", base + "/draft", admin, """
                {"name":{"en":"Deal"},"elements":[{"type":"field","id":"f1","field":"name"},
                 {"type":"field","id":"f2","field":"amount"}],
                 "scripts":{"onLoad":"%s","onChange":{"amount":"%s"},"beforeSave":"%s","timeLimitSeconds":2}}"""
                .formatted(fn("onLoad"), fn("onAmount"), fn("beforeSave"))).expect(200);
        api.call("POST", base + "/publish", admin, null).expect(200);
        var published = forms.effective(deals, FormPurpose.EDIT).scripts();
        assertThat(published.onChange()).containsEntry("amount", fn("onAmount"));
        assertThat(published.timeLimitSeconds()).isEqualTo(2);

        var exported = api.call("GET", base + "/form-js?source=published", admin, null).expect(200).body();
        assertThat(exported.get("notCarried").toString()).contains("scripts");
        api.call("POST", base + "/form-js", admin, exported.get("schema").toString()).expect(200);
        assertThat(api.call("GET", base + "/draft", admin, null).expect(200).body().get("form").get("scripts")
                .get("beforeSave").asString()).isEqualTo(fn("beforeSave"));
    }

    /**
     * The issue's whole story: on saving a deal, the form's script looks up the company's
     * contracts, asks an external credit service, and refuses the save on the amount when the
     * service says no; bound through the form's draft and publishing, run as the person saving.
     */
    @Test
    void shouldRefuseADealWhenTheCreditServiceSaysNoAfterLookingUpTheContracts() throws Exception {
        var asked = new java.util.concurrent.atomic.AtomicReference<String>();
        var service = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress(ALLOWED_HOST, 0), 0);
        service.createContext("/check", exchange -> {
            asked.set(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            boolean approved = asked.get().contains("\"amount\":500");
            byte[] answer = ("{\"approved\":" + approved + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        service.start();
        try {
            api.call("POST", "/api/v1/apps", admin, """
                    {"namespace":"%s","code":"contracts","name":{"en":"Contracts"},
                     "fields":[{"code":"company","type":"string"}]}""".formatted(ns)).expect(201);
            api.call("POST", "/api/v1/apps/" + ns + "/contracts/publish", admin, null).expect(200);
            var contracts = new AppRef(ns, "contracts");
            items.create(ADMIN, contracts, new HashMap<>(Map.of("company", "Tailspin")));
            items.create(ADMIN, contracts, new HashMap<>(Map.of("company", "Tailspin")));
            module("credit", """
                    import { http, items, refuse } from 'atrium';

                    export function beforeSave(e: { values: { name?: string; amount?: number } }) {
                      const company = e.values.name ?? '';
                      const found = items.search('%1$s/contracts', {
                        filter: { field: 'company', op: 'eq', value: company }, limit: 50 });
                      const answer = http.fetch('http://%2$s:%3$d/check', {
                        method: 'POST', body: { company, amount: e.values.amount, contracts: found.items.length } });
                      if (!answer.json<{ approved: boolean }>().approved) {
                        refuse('amount', 'The credit check says no to this amount');
                      }
                      return null;
                    }
                    """.formatted(ns, ALLOWED_HOST, service.getAddress().getPort()));
            String base = "/api/v1/apps/" + ns + "/deals/forms/edit";
            api.call("PUT", base + "/draft", admin, """
                    {"name":{"en":"Deal"},"elements":[{"type":"field","id":"f1","field":"name"},
                     {"type":"field","id":"f2","field":"amount"}],
                     "scripts":{"beforeSave":"%s/credit#beforeSave"}}""".formatted(ns)).expect(200);
            api.call("POST", base + "/publish", admin, null).expect(200);
            var form = forms.effective(deals, FormPurpose.EDIT);

            var refused = events.beforeSave(ADMIN, deals, form, null, Map.of("name", "Tailspin", "amount", 90000));

            assertThat(refused.allowsSave()).isFalse();
            assertThat(refused.errors()).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("amount");
                assertThat(error.message()).isEqualTo("The credit check says no to this amount");
            });
            assertThat(asked.get()).contains("\"contracts\":2").contains("\"company\":\"Tailspin\"");
            assertThat(events.beforeSave(ADMIN, deals, form, null, Map.of("name", "Tailspin", "amount", 500))
                    .allowsSave()).isTrue();
        } finally {
            service.stop(0);
        }
    }
}
