package io.atrium.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrium.platform.access.Actor;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.Messages;
import io.atrium.platform.form.FormActions;
import io.atrium.platform.identity.GroupDirectory;
import io.atrium.platform.identity.Role;
import io.atrium.platform.identity.UserDirectory;
import io.atrium.platform.notification.Notifications;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The four sample processes shipped in the templates module, end to end on the embedded engine:
 * lead intake from the contact center's first-message event with round-robin assignment, a deal
 * from a qualified lead (started by the item's status change), the commercial-offer approval
 * from the deal card's button, and the escalation of an unresolved request by a boundary timer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SamplesIT extends ProcessITSupport {

    private static final String SAMPLES = "/io/atrium/templates/samples/";
    private static final Duration WAIT = Duration.ofSeconds(30);



    @Autowired
    UserDirectory users;
    @Autowired
    GroupDirectory groups;
    @Autowired
    FormActions actions;
    @Autowired
    Notifications notifications;

    private ProcessTestApi api;
    private String admin;

    @BeforeAll
    void installTheSamples() throws Exception {
        api = api();
        admin = admin();
        for (String app : List.of("sales-leads", "sales-deals", "service-requests")) {
            var created = api.call("POST", "/api/v1/apps", admin, resource(app + ".app.json")).expect(201);
            String code = created.body().get("definition").get("code").asString();
            String namespace = created.body().get("definition").get("namespace").asString();
            api.call("POST", "/api/v1/apps/" + namespace + "/" + code + "/publish", admin, null).expect(200);
        }
        for (String group : List.of("sales", "managers", "first-line", "second-line")) {
            if (!groups.exists(group)) {
                groups.create(group, group);
            }
        }
        users.create("anna", "Anna", "pipeline-seller-one", Set.of(Role.OPERATOR), Set.of("sales"));
        users.create("boris", "Boris", "pipeline-seller-two", Set.of(Role.OPERATOR), Set.of("sales"));
        users.create("maria", "Maria", "approves-offers-daily", Set.of(Role.OPERATOR), Set.of("managers"));
        users.create("fedor", "Fedor", "answers-first-calls", Set.of(Role.OPERATOR), Set.of("first-line"));
        users.create("sofia", "Sofia", "solves-hard-cases", Set.of(Role.OPERATOR), Set.of("second-line"));
        install("sales", "lead-intake");
        install("sales", "lead-to-deal");
        install("sales", "offer-approval");
        install("service", "request-escalation");
    }

    @Test
    void shouldTurnFirstMessagesIntoLeadsForEachSellerInTurnAndQualifiedLeadsIntoDeals() throws Exception {
        var owners = new ArrayList<String>();
        for (String customer : List.of("Northwind", "Contoso")) {
            api.call("POST", "/api/v1/events", admin, """
                    {"name":"customer.first-message","id":"first-%s","variables":
                     {"customerName":"%s","channel":"telegram","customerId":"tg-%s"}}""".formatted(customer, customer,
                    customer)).expect(202);
        }
        api.call("POST", "/api/v1/events", admin, """
                {"name":"customer.first-message","id":"first-Northwind","variables":{"customerName":"Northwind"}}""")
                .expect(200); // the same event again starts nothing
        for (String seller : List.of("anna", "boris")) {
            String token = api.token(seller, seller.equals("anna") ? "pipeline-seller-one" : "pipeline-seller-two");
            var tasks = api.await("/api/v1/tasks", token, a -> a.body().size() == 1, WAIT).body();
            owners.add(seller);
            assertThat(tasks.get(0).get("assignee").asString()).isEqualTo(seller);
            assertThat(tasks.get(0).get("name").asString()).isEqualTo("Qualify the lead");
            boolean qualify = seller.equals("anna");
            api.call("POST", "/api/v1/tasks/" + tasks.get(0).get("id").asString() + "/complete", token,
                    "{\"variables\":{\"qualified\":" + qualify + "}}").expect(200);
        }
        assertThat(owners).containsExactlyInAnyOrder("anna", "boris");

        var leads = api.await("/api/v1/apps/sales/leads/items", admin, a -> statuses(a.body())
                .containsAll(List.of("qualified", "disqualified")), WAIT).body();
        assertThat(leads.get("items")).hasSize(2);
        JsonNode qualified = null;
        for (JsonNode lead : leads.get("items")) {
            if ("qualified".equals(lead.get("values").get("status").asString())) {
                qualified = lead;
            }
        }
        assertThat(qualified.get("values").get("owner").asString()).isEqualTo("anna");
        String leadName = qualified.get("values").get("name").asString();
        String leadId = qualified.get("id").asString();
        var deals = api.await("/api/v1/apps/sales/deals/items", admin,
                a -> a.body().get("items").toString().contains(leadId), WAIT).body().get("items");
        JsonNode deal = null;
        for (JsonNode candidate : deals) {
            if (leadId.equals(candidate.get("values").path("lead").asString())) {
                deal = candidate;
            }
        }
        assertThat(deal.get("values").get("title").asString()).isEqualTo("Deal: " + leadName);
        assertThat(deal.get("values").path("owner").asString()).as(deal.toString()).isEqualTo("anna");
        awaitNotification("anna", "A deal was opened for " + leadName);
    }

    @Test
    void shouldHaveAManagerApproveTheOfferStartedFromTheDealCard() throws Exception {
        var deal = api.call("POST", "/api/v1/apps/sales/deals/items", admin, "{\"title\":\"Big offer\"}").expect(201);
        String dealId = deal.body().get("id").asString();
        var seller = new Actor("admin", Set.of(Role.ADMIN), Set.of());
        var told = actions.run(seller, new AppRef("sales", "deals"), dealId, 1, "process:offer-approval");
        assertThat(Messages.text(told, Locale.ENGLISH)).startsWith("The process sales/offer-approval has started (instance ")
                .doesNotContain(",");

        String manager = api.token("maria", "approves-offers-daily");
        var task = api.await("/api/v1/tasks", manager, a -> a.body().size() == 1, WAIT).body().get(0);
        assertThat(task.toString()).as("an approval of the offer, in the managers' shared task").contains(
                "Commercial offer: Big offer", "managers");
        assertThat(api.call("GET", "/api/v1/tasks", api.token("anna", "pipeline-seller-one"), null).body().toString())
                .doesNotContain(task.get("id").asString());
        api.call("POST", "/api/v1/tasks/" + task.get("id").asString() + "/complete", manager,
                "{\"variables\":{\"approved\":true,\"comment\":\"Go ahead\"}}").expect(200);

        api.await("/api/v1/apps/sales/deals/items/" + dealId, admin,
                a -> "approved".equals(a.body().get("values").get("status").asString()), WAIT);
        awaitNotification("admin", "The offer for Big offer was approved: Go ahead");
    }

    @Test
    void shouldHandAnUnresolvedRequestToTheSecondLineWhenItsTimeRunsOut() throws Exception {
        // creating the request starts the process; two seconds instead of the usual eight hours
        String requestId = api.call("POST", "/api/v1/apps/service/requests/items", admin,
                "{\"subject\":\"Printer on fire\",\"resolveWithin\":\"PT2S\"}").expect(201).body().get("id").asString();
        String first = api.token("fedor", "answers-first-calls");
        var firstTask = api.await("/api/v1/tasks", first, a -> a.body().size() == 1, WAIT).body().get(0);
        assertThat(firstTask.get("variables").get("subject").asString()).isEqualTo("Printer on fire");

        String second = api.token("sofia", "solves-hard-cases");
        var escalated = api.await("/api/v1/tasks", second, a -> a.body().size() == 1, WAIT).body().get(0);
        assertThat(escalated.get("name").asString()).isEqualTo("Resolve the escalated request");
        assertThat(escalated.get("priority").asInt()).isEqualTo(90);
        api.await("/api/v1/tasks", first, a -> a.body().isEmpty(), WAIT);
        assertThat(api.call("GET", "/api/v1/apps/service/requests/items/" + requestId, admin, null).body()
                .get("values").get("line").asString()).isEqualTo("second");

        api.call("POST", "/api/v1/tasks/" + escalated.get("id").asString() + "/complete", second, "{}").expect(200);
        api.await("/api/v1/apps/service/requests/items/" + requestId, admin,
                a -> "resolved".equals(a.body().get("values").get("status").asString()), WAIT);
    }

    private void install(String namespace, String code) throws Exception {
        var uploaded = api.upload(admin, namespace, code + ".bpmn", resource(code + ".bpmn")).expect(201);
        assertThat(uploaded.body().get("problems").isEmpty()).as(uploaded.text()).isTrue();
        api.call("POST", "/api/v1/processes/" + namespace + "/" + code + "/publish", admin, null).expect(200);
    }

    private void awaitNotification(String user, String text) throws InterruptedException {
        var actor = new Actor(user, Set.of(Role.OPERATOR), Set.of());
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (notifications.latest(actor, 20).stream().noneMatch(n -> n.text().equals(text))) {
            assertThat(System.nanoTime()).as("a notification to " + user + ": " + text
                    + "; got " + notifications.latest(actor, 20)).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static List<String> statuses(JsonNode page) {
        var out = new ArrayList<String>();
        page.get("items").forEach(item -> out.add(item.get("values").path("status").asString()));
        return out;
    }

    private static String resource(String name) {
        try (InputStream in = SamplesIT.class.getResourceAsStream(SAMPLES + name)) {
            if (in == null) {
                throw new IllegalStateException("No sample " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
