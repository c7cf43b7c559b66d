package io.atrium.runtime.process;

import static io.atrium.runtime.process.ProcessTestApi.bpmn;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.atrium.platform.access.Actor;
import io.atrium.platform.identity.GroupDirectory;
import io.atrium.platform.identity.Role;
import io.atrium.platform.identity.UserDirectory;
import io.atrium.platform.notification.Notifications;
import io.atrium.platform.process.ProcessRef;
import io.atrium.runtime.process.block.BlockCatalog;
import io.atrium.runtime.process.block.BlockJob;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Every building block in a process of its own on the embedded engine, and what a repeated job does. */
class BuildingBlocksIT extends ProcessITSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String ALLOWED = ALLOWED_HOST;
    private static int runs;



    @Autowired
    BlockCatalog blocks;
    @Autowired
    Notifications notifications;
    @Autowired
    UserDirectory users;
    @Autowired
    GroupDirectory groups;

    private ProcessTestApi api;
    private String admin;
    private String ns;
    private HttpServer service;
    private final List<String> idempotencyKeys = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        api = api();
        admin = admin();
        ns = "blocks" + (++runs);
        api.call("POST", "/api/v1/apps", admin, """
                {"namespace":"%s","code":"tickets","name":"Tickets","fields":[{"code":"title","type":"string",
                 "required":true},{"code":"priority","type":"number"},{"code":"status","type":"status",
                 "states":["new","done"],"initial":"new","transitions":{"new":["done"]}}]}""".formatted(ns)).expect(201);
        api.call("POST", "/api/v1/apps/" + ns + "/tickets/publish", admin, null).expect(200);
    }

    @AfterEach
    void stopService() {
        if (service != null) {
            service.stop(0);
        }
    }

    @Test
    void shouldCreateAnItemOnceHoweverOftenItsJobComes() throws Exception {
        var done = run("atrium:create-item", """
                <zeebe:ioMapping><zeebe:input source="={title: title, priority: 3}" target="values" /></zeebe:ioMapping>
                <zeebe:taskHeaders><zeebe:header key="app" value="%s/tickets" />
                <zeebe:header key="resultVariable" value="ticketId" /></zeebe:taskHeaders>""".formatted(ns),
                "{\"title\":\"Broken chair\"}");
        String id = done.get("variables").get("ticketId").asString();
        assertThat(api.call("GET", "/api/v1/apps/" + ns + "/tickets/items/" + id, admin, null).expect(200).body()
                .get("values").get("title").asString()).isEqualTo("Broken chair");

        var block = blocks.find("atrium:create-item").orElseThrow();
        var job = new BlockJob(4242L, Optional.of(new ProcessRef(ns, "direct")), 1L, "Block",
                Map.of("app", ns + "/tickets"), Map.of("values", Map.of("title", "Once")));
        var first = block.run(job);
        var second = block.run(job);
        assertThat(second).isEqualTo(first);
        var all = api.call("GET", "/api/v1/apps/" + ns + "/tickets/items", admin, null).body().get("items");
        assertThat(all.toString().split("\"Once\"", -1)).hasSize(2);
    }

    @Test
    void shouldUpdateFindAndReadItems() throws Exception {
        String id = ticket("Leaking tap", 5);
        ticket("Squeaky door", 1);
        var updated = run("atrium:update-item", settings("""
                <zeebe:input source="=ticketId" target="itemId" />
                <zeebe:input source="={status: &quot;done&quot;}" target="values" />"""), "{\"ticketId\":\"" + id + "\"}");
        assertThat(updated.get("variables").get("itemVersion").asInt()).isEqualTo(2);
        assertThat(api.call("GET", "/api/v1/apps/" + ns + "/tickets/items/" + id, admin, null).body().get("values")
                .get("status").asString()).isEqualTo("done");

        var found = run("atrium:find-items", settings("""
                <zeebe:input source="={field: &quot;priority&quot;, op: &quot;range&quot;, from: 2}" target="filter" />"""),
                "{}");
        assertThat(found.get("variables").get("itemIdsCount").asInt()).isEqualTo(1);
        assertThat(found.get("variables").get("itemIdsFirst").asString()).isEqualTo(id);

        var read = run("atrium:get-item", settings("<zeebe:input source=\"=ticketId\" target=\"itemId\" />"),
                "{\"ticketId\":\"" + id + "\"}");
        assertThat(read.get("variables").get("item").get("title").asString()).isEqualTo("Leaking tap");
    }

    @Test
    void shouldNotifyUsersAndGroupsAndTakeTurnsInAGroup() throws Exception {
        String group = "desk" + runs;
        groups.create(group, "Desk");
        users.create(group + "a", "A", "first-desk-member", Set.of(Role.OPERATOR), Set.of(group));
        users.create(group + "b", "B", "second-desk-member", Set.of(Role.OPERATOR), Set.of(group));
        var told = run("atrium:notify", """
                <zeebe:ioMapping><zeebe:input source="=&quot;Shift starts &quot; + when" target="message" />
                </zeebe:ioMapping><zeebe:taskHeaders><zeebe:header key="group" value="%s" />
                <zeebe:header key="user" value="admin" /></zeebe:taskHeaders>""".formatted(group), "{\"when\":\"now\"}");
        assertThat(told.get("variables").get("notified").asInt()).isEqualTo(3);
        for (String user : List.of(group + "a", group + "b", "admin")) {
            var latest = notifications.latest(new Actor(user, Set.of(Role.OPERATOR), Set.of()), 10);
            assertThat(latest).filteredOn(n -> n.text().equals("Shift starts now")).hasSize(1);
        }

        var picked = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            picked.add(run("atrium:assign-round-robin", "<zeebe:taskHeaders><zeebe:header key=\"group\" value=\""
                    + group + "\" /></zeebe:taskHeaders>", "{}").get("variables").get("assignee").asString());
        }
        assertThat(picked).containsExactly(group + "a", group + "b", group + "a");
    }

    @Test
    void shouldCallAllowedServicesAndRefuseInternalOnes() throws Exception {
        service = HttpServer.create(new InetSocketAddress(ALLOWED, 0), 0);
        service.createContext("/score", exchange -> {
            idempotencyKeys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            byte[] body = "{\"score\":42}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        service.start();
        String http = """
                <zeebe:ioMapping><zeebe:input source="=serviceUrl" target="url" />
                <zeebe:input source="={customer: name}" target="body" /></zeebe:ioMapping>
                <zeebe:taskHeaders><zeebe:header key="method" value="POST" />
                <zeebe:header key="resultVariable" value="scoring" /></zeebe:taskHeaders>""";
        int servicePort = service.getAddress().getPort();
        var answered = run("atrium:http", http, "{\"serviceUrl\":\"http://" + ALLOWED + ":" + servicePort
                + "/score\",\"name\":\"Ann\"}");
        assertThat(answered.get("variables").get("scoring").get("status").asInt()).isEqualTo(200);
        assertThat(answered.get("variables").get("scoring").get("body").get("score").asInt()).isEqualTo(42);
        assertThat(idempotencyKeys).singleElement().satisfies(k -> assertThat(k).startsWith("atrium-job-"));

        var refused = runToIncident("atrium:http", http, "{\"serviceUrl\":\"http://127.0.0.1:" + servicePort
                + "/score\",\"name\":\"Ann\"}");
        assertThat(refused.get("message").asString()).contains("internal address", "atrium.outbound.allowed-hosts");
        assertThat(idempotencyKeys).hasSize(1);
    }

    @Test
    void shouldStartAnotherProcess() throws Exception {
        deploy("blk-target", "atrium:create-item", """
                <zeebe:ioMapping><zeebe:input source="={title: title}" target="values" /></zeebe:ioMapping>
                <zeebe:taskHeaders><zeebe:header key="app" value="%s/tickets" /></zeebe:taskHeaders>""".formatted(ns));
        var started = run("atrium:start-process", """
                <zeebe:ioMapping><zeebe:input source="={title: &quot;From the other process&quot;}" target="variables" />
                </zeebe:ioMapping><zeebe:taskHeaders><zeebe:header key="process" value="blk-target" /></zeebe:taskHeaders>""",
                "{}");
        String other = started.get("variables").get("startedInstanceKey").asString();
        var target = api.await("/api/v1/process-instances/" + other, admin,
                a -> "COMPLETED".equals(a.body().path("state").asString()), WAIT).body();
        assertThat(target.get("process").asString()).isEqualTo(ns + "/blk-target");
    }

    @Test
    void shouldRaiseReadableIncidentsWhereNothingCanDoTheWorkYet() throws Exception {
        var noChannel = runToIncident("atrium:send-message", """
                <zeebe:taskHeaders><zeebe:header key="sessionId" value="s-1" /><zeebe:header key="text" value="Hi" />
                </zeebe:taskHeaders>""", "{}");
        assertThat(noChannel.get("message").asString()).contains("contact center");
        var unnamed = runToIncident("atrium:script",
                "<zeebe:taskHeaders><zeebe:header key=\"script\" value=\"score\" /></zeebe:taskHeaders>", "{}");
        assertThat(unnamed.get("message").asString()).contains("workspace/module#function");
    }

    private String ticket(String title, int priority) throws Exception {
        return api.call("POST", "/api/v1/apps/" + ns + "/tickets/items", admin,
                "{\"title\":\"" + title + "\",\"priority\":" + priority + "}").expect(201).body().get("id").asString();
    }

    private String settings(String inputs) {
        return "<zeebe:ioMapping>" + inputs + "</zeebe:ioMapping><zeebe:taskHeaders><zeebe:header key=\"app\" value=\""
                + ns + "/tickets\" /></zeebe:taskHeaders>";
    }

    private void deploy(String code, String type, String settings) throws Exception {
        var uploaded = api.upload(admin, ns, code + ".bpmn", bpmn("single-block.bpmn", "code", code, "type", type,
                "settings", settings)).expect(201);
        assertThat(uploaded.body().get("problems").isEmpty()).as(uploaded.text()).isTrue();
        api.call("POST", "/api/v1/processes/" + ns + "/" + code + "/publish", admin, null).expect(200);
    }

    private String start(String code, String variables) throws Exception {
        return api.call("POST", "/api/v1/process-instances", admin, """
                {"process":"%s/%s","variables":%s}""".formatted(ns, code, variables)).expect(201).body().get("key")
                .asString();
    }

    /** Runs the block in a process of its own to the end. */
    private JsonNode run(String type, String settings, String variables) throws Exception {
        String code = "blk-" + type.substring(type.indexOf(':') + 1);
        if (api.call("GET", "/api/v1/processes/" + ns + "/" + code, admin, null).status() == 404) {
            deploy(code, type, settings);
        }
        String key = start(code, variables);
        return api.await("/api/v1/process-instances/" + key, admin, a -> !"ACTIVE".equals(a.body().path("state")
                .asString()) || !a.body().path("incidents").isEmpty(), WAIT).body();
    }

    /** Runs the block in a process of its own until it raises an incident; returns the incident. */
    private JsonNode runToIncident(String type, String settings, String variables) throws Exception {
        String code = "blk-fail-" + type.substring(type.indexOf(':') + 1) + "-" + (++runs);
        deploy(code, type, settings);
        String key = start(code, variables);
        return api.await("/api/v1/process-instances/" + key, admin, a -> !a.body().path("incidents").isEmpty(), WAIT)
                .body().get("incidents").get(0);
    }
}
