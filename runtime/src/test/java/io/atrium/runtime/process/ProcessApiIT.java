package io.atrium.runtime.process;

import static io.atrium.runtime.process.ProcessTestApi.bpmn;
import static org.assertj.core.api.Assertions.assertThat;

import io.atrium.platform.identity.GroupDirectory;
import io.atrium.platform.identity.Role;
import io.atrium.platform.identity.UserDirectory;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The process contract as outside checks use it: upload a Camunda Modeler file, publish it,
 * start it, find its Camunda user task in the inbox, complete it, and see the instance complete
 * with the item its building block created.
 */
class ProcessApiIT extends ProcessITSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static int namespaces;



    @Autowired
    UserDirectory users;
    @Autowired
    GroupDirectory groups;

    private ProcessTestApi api;
    private String admin;
    private String ns;

    @BeforeEach
    void setUp() throws Exception {
        api = api();
        admin = admin();
        ns = "offers" + (++namespaces);
        api.call("POST", "/api/v1/apps", admin, """
                {"namespace":"%s","code":"deals","name":{"en":"Deals","ru":"Сделки"},
                 "fields":[{"code":"name","type":"string","required":true},{"code":"approved","type":"boolean"}]}"""
                .formatted(ns)).expect(201);
        api.call("POST", "/api/v1/apps/" + ns + "/deals/publish", admin, null).expect(200);
        if (!groups.exists("reviewers")) {
            groups.create("reviewers", "Reviewers");
        }
    }

    @Test
    void shouldRunACamundaModelerFileWithACamundaUserTaskThroughTheInbox() throws Exception {
        var uploaded = api.upload(admin, ns, "offer-review.bpmn", bpmn("offer-review.bpmn", "app", ns + "/deals"))
                .expect(201);
        assertThat(uploaded.body().get("code").asString()).isEqualTo("offer-review");
        assertThat(uploaded.body().get("problems").isEmpty()).as(uploaded.text()).isTrue();
        var published = api.call("POST", "/api/v1/processes/" + ns + "/offer-review/publish", admin, null).expect(200);
        assertThat(published.body().get("version").asInt()).isEqualTo(1);

        var started = api.call("POST", "/api/v1/process-instances", admin, """
                {"process":"%s/offer-review","variables":{"customer":"Northwind"}}""".formatted(ns)).expect(201);
        String key = started.body().get("key").asString();

        String seller = "seller" + namespaces;
        users.create(seller, "Seller", "seller-password-long", Set.of(Role.OPERATOR), Set.of("reviewers"));
        String outsider = "outsider" + namespaces;
        users.create(outsider, "Outsider", "outsider-password-long", Set.of(Role.OPERATOR));
        String sellerToken = api.token(seller, "seller-password-long");

        var tasks = api.await("/api/v1/tasks?processInstance=" + key, sellerToken, a -> a.body().size() == 1, WAIT);
        var task = tasks.body().get(0);
        assertThat(task.get("name").asString()).isEqualTo("Review the offer");
        assertThat(task.get("candidateGroups").get(0).asString()).isEqualTo("reviewers");
        assertThat(task.get("priority").asInt()).isEqualTo(70);
        assertThat(task.get("variables").get("customerName").asString()).isEqualTo("Northwind");
        String taskId = task.get("id").asString();

        String outsiderToken = api.token(outsider, "outsider-password-long");
        assertThat(api.call("GET", "/api/v1/tasks?processInstance=" + key, outsiderToken, null).expect(200)
                .body().isEmpty()).isTrue();
        api.call("POST", "/api/v1/tasks/" + taskId + "/complete", outsiderToken, "{\"variables\":{}}").expect(404);
        api.call("POST", "/api/v1/process-instances", outsiderToken,
                "{\"process\":\"%s/offer-review\"}".formatted(ns)).expect(403);

        api.call("POST", "/api/v1/tasks/" + taskId + "/complete", sellerToken,
                "{\"variables\":{\"approved\":true}}").expect(200);
        api.call("POST", "/api/v1/tasks/" + taskId + "/complete", sellerToken, "{\"variables\":{}}").expect(409);

        var done = api.await("/api/v1/process-instances/" + key, admin,
                a -> "COMPLETED".equals(a.body().path("state").asString()), WAIT);
        assertThat(done.body().get("incidents").isEmpty()).isTrue();
        assertThat(done.body().get("history").toString()).contains("Review", "CreateDeal", "EndEvent_1");
        String dealId = done.body().get("variables").get("dealId").asString();
        var deal = api.call("GET", "/api/v1/apps/" + ns + "/deals/items/" + dealId, admin, null).expect(200);
        assertThat(deal.body().get("values").get("name").asString()).isEqualTo("Northwind");
        assertThat(deal.body().get("values").get("approved").asBoolean()).isTrue();
        assertThat(api.call("GET", "/api/v1/tasks?processInstance=" + key, sellerToken, null).body().isEmpty()).isTrue();
    }

    @Test
    void shouldShowPublishProblemsOnTheElementsTheyConcern() throws Exception {
        String broken = bpmn("offer-review.bpmn", "app", ns + "/deals")
                .replace("atrium:create-item", "atrium:create-unicorn")
                .replace("candidateGroups=\"reviewers\"", "candidateGroups=\"=if then\"");
        api.upload(admin, ns, "offer-review.bpmn", broken).expect(201);
        var refused = api.call("POST", "/api/v1/processes/" + ns + "/offer-review/publish", admin, null).expect(400);
        assertThat(refused.text()).contains("CreateDeal", "atrium:create-unicorn");
        api.call("GET", "/api/v1/processes/" + ns + "/offer-review", admin, null).expect(200);
        api.call("POST", "/api/v1/process-instances", admin,
                "{\"process\":\"%s/offer-review\"}".formatted(ns)).expect(404);
    }

    @Test
    void shouldStartOnATimerAndKeepProcessesFromPeopleWhoDoNotWorkWithThem() throws Exception {
        String timed = bpmn("single-block.bpmn", "code", "twice", "type", "atrium:notify", "settings",
                "<zeebe:taskHeaders><zeebe:header key=\"user\" value=\"admin\" />"
                        + "<zeebe:header key=\"message\" value=\"Tick\" /></zeebe:taskHeaders>")
                .replace("<bpmn:outgoing>Flow_1</bpmn:outgoing>", "<bpmn:outgoing>Flow_1</bpmn:outgoing>"
                        + "<bpmn:timerEventDefinition id=\"Every\"><bpmn:timeCycle xsi:type=\"bpmn:tFormalExpression\" "
                        + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">R2/PT1S</bpmn:timeCycle>"
                        + "</bpmn:timerEventDefinition>");
        api.upload(admin, ns, "twice.bpmn", timed).expect(201);
        api.call("POST", "/api/v1/processes/" + ns + "/twice/publish", admin, null).expect(200);
        var started = api.await("/api/v1/process-instances?process=" + ns + "/twice", admin,
                a -> a.body().size() == 2 && a.body().toString().split("COMPLETED", -1).length == 3, WAIT);
        assertThat(started.body().get(0).get("startedBy").isNull()).isTrue();

        String customer = "portal" + namespaces;
        users.create(customer, "Customer", "portal-password-long", Set.of(Role.PORTAL_USER));
        String portal = api.token(customer, "portal-password-long");
        api.call("GET", "/api/v1/processes", portal, null).expect(403);
        api.call("GET", "/api/v1/processes/" + ns + "/twice/bpmn", portal, null).expect(403);
        api.call("GET", "/api/v1/process-instances", portal, null).expect(403);
        api.upload(portal, ns, "twice.bpmn", timed).expect(403);
    }

    @Test
    void shouldPutTheEnginesObjectionsOnTheirElements() throws Exception {
        String badFeel = bpmn("offer-review.bpmn", "app", ns + "/deals")
                .replace("source=\"=customer\"", "source=\"=if then\"");
        api.upload(admin, ns, "offer-review.bpmn", badFeel).expect(201);
        var refused = api.call("POST", "/api/v1/processes/" + ns + "/offer-review/publish", admin, null).expect(400);
        assertThat(refused.body().get("errors").get(0).get("field").asString()).as(refused.text()).isEqualTo("Review");
    }

    @Test
    void shouldRaiseAnIncidentWithAReadableMessageAndRetryIt() throws Exception {
        String missingApp = bpmn("offer-review.bpmn", "app", ns + "/nowhere")
                .replace("<zeebe:userTask />", "").replace("id=\"offer-review\"", "id=\"offer-fails\"")
                .replace("bpmnElement=\"offer-review\"", "bpmnElement=\"offer-fails\"");
        api.upload(admin, ns, "offer-fails.bpmn", missingApp).expect(201);
        api.call("POST", "/api/v1/processes/" + ns + "/offer-fails/publish", admin, null).expect(200);
        String key = api.call("POST", "/api/v1/process-instances", admin, """
                {"process":"%s/offer-fails","variables":{"customer":"Contoso"}}""".formatted(ns)).expect(201)
                .body().get("key").asString();
        String taskId = api.await("/api/v1/tasks?processInstance=" + key, admin, a -> a.body().size() == 1, WAIT)
                .body().get(0).get("id").asString();
        api.call("POST", "/api/v1/tasks/" + taskId + "/complete", admin, "{\"variables\":{\"approved\":false}}")
                .expect(200);
        var stuck = api.await("/api/v1/process-instances/" + key, admin,
                a -> !a.body().path("incidents").isEmpty(), WAIT);
        var incident = stuck.body().get("incidents").get(0);
        assertThat(incident.get("elementId").asString()).isEqualTo("CreateDeal");
        assertThat(incident.get("message").asString()).contains("nowhere");
        assertThat(stuck.body().get("state").asString()).isEqualTo("ACTIVE");

        api.call("POST", "/api/v1/apps", admin, """
                {"namespace":"%s","code":"nowhere","name":{"en":"Nowhere","ru":"Нигде"},
                 "fields":[{"code":"name","type":"string"},{"code":"approved","type":"boolean"}]}""".formatted(ns))
                .expect(201);
        api.call("POST", "/api/v1/apps/" + ns + "/nowhere/publish", admin, null).expect(200);
        api.call("POST", "/api/v1/process-instances/" + key + "/retry", admin, null).expect(200);
        api.await("/api/v1/process-instances/" + key, admin,
                a -> "COMPLETED".equals(a.body().path("state").asString()), WAIT);
    }

    @Test
    void shouldCancelAnInstanceAndCloseItsTasks() throws Exception {
        api.upload(admin, ns, "offer-review.bpmn", bpmn("offer-review.bpmn", "app", ns + "/deals")).expect(201);
        api.call("POST", "/api/v1/processes/" + ns + "/offer-review/publish", admin, null).expect(200);
        String key = api.call("POST", "/api/v1/process-instances", admin, """
                {"process":"%s/offer-review","variables":{"customer":"Fabrikam"}}""".formatted(ns)).expect(201)
                .body().get("key").asString();
        api.await("/api/v1/tasks?processInstance=" + key, admin, a -> a.body().size() == 1, WAIT);
        api.call("POST", "/api/v1/process-instances/" + key + "/cancel", admin, null).expect(200);
        assertThat(api.call("GET", "/api/v1/process-instances/" + key, admin, null).body().get("state").asString())
                .isEqualTo("CANCELED");
        api.await("/api/v1/tasks?processInstance=" + key, admin, a -> a.body().isEmpty(), WAIT);
        api.call("POST", "/api/v1/process-instances/" + key + "/cancel", admin, null).expect(409);
    }
}
