package io.atrium.runtime.process;

import static io.atrium.runtime.process.ProcessTestApi.bpmn;
import static org.assertj.core.api.Assertions.assertThat;

import io.atrium.platform.identity.Role;
import io.atrium.platform.identity.UserDirectory;
import com.mongodb.client.MongoDatabase;
import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The approval block through the REST API: three approvers under each rule, each deciding in
 * their own inbox with a comment, the outcome and the comments landing in the process, the
 * undecided approvers' tasks closing, and a job the engine delivers twice yielding the same tasks.
 */
class ApprovalIT extends ProcessITSupport {

    private static final String PASSWORD = "approver-password-long";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static int runs;
    private static final JsonMapper JSON = JsonMapper.builder().build();



    @Autowired
    UserDirectory users;
    @Autowired
    CamundaClient engine;
    @Autowired
    MongoDatabase database;

    private ProcessTestApi api;
    private String admin;
    private String ns;
    private final List<String> approvers = new ArrayList<>();
    private final List<String> tokens = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        api = api();
        admin = admin();
        ns = "approvals" + (++runs);
        for (int i = 1; i <= 3; i++) {
            String name = "approver" + runs + "x" + i;
            users.create(name, "Approver " + i, PASSWORD, Set.of(Role.OPERATOR));
            approvers.add(name);
            tokens.add(api.token(name, PASSWORD));
        }
    }

    @Test
    void shouldApproveAtTheFirstApprovalUnderAny() throws Exception {
        String key = start("any");
        decide(0, key, false, "Too expensive");
        assertThat(state(key)).isEqualTo("ACTIVE");
        decide(1, key, true, "Fine by me");

        var done = completed(key);
        assertThat(done.get("offerApproved").asBoolean()).isTrue();
        var comments = done.get("offerApprovedComments");
        assertThat(comments.size()).isEqualTo(2);
        assertThat(comments.get(0).get("by").asString()).isEqualTo(approvers.get(0));
        assertThat(comments.get(0).get("approved").asBoolean()).isFalse();
        assertThat(comments.get(0).get("comment").asString()).isEqualTo("Too expensive");
        assertThat(comments.get(1).get("comment").asString()).isEqualTo("Fine by me");
        assertThat(comments.get(1).get("at").asString()).isNotBlank();
        assertThat(openTasks(2, key)).as("the third approver's task closed").isEmpty();
    }

    @Test
    void shouldRejectAtTheFirstRejectionUnderAll() throws Exception {
        String key = start("all");
        decide(0, key, true, "Yes");
        assertThat(state(key)).isEqualTo("ACTIVE");
        decide(1, key, false, "No: the discount is too deep");

        var done = completed(key);
        assertThat(done.get("offerApproved").asBoolean()).isFalse();
        assertThat(done.get("offerApprovedComments").size()).isEqualTo(2);
        assertThat(openTasks(2, key)).isEmpty();
    }

    @Test
    void shouldApproveUnderAllOnlyWhenEveryoneApproved() throws Exception {
        String key = start("all");
        decide(0, key, true, null);
        decide(1, key, true, null);
        assertThat(state(key)).isEqualTo("ACTIVE");
        decide(2, key, true, "Last one");
        assertThat(completed(key).get("offerApproved").asBoolean()).isTrue();
    }

    @Test
    void shouldDecideByMajority() throws Exception {
        String key = start("majority");
        decide(0, key, true, null);
        decide(1, key, false, "No");
        assertThat(state(key)).isEqualTo("ACTIVE");
        decide(2, key, true, "Yes");
        var done = completed(key);
        assertThat(done.get("offerApproved").asBoolean()).isTrue();
        assertThat(done.get("offerApprovedComments").size()).isEqualTo(3);

        String rejected = start("majority");
        decide(0, rejected, false, null);
        assertThat(state(rejected)).isEqualTo("ACTIVE");
        decide(1, rejected, false, null);
        assertThat(completed(rejected).get("offerApproved").asBoolean()).isFalse();
        assertThat(openTasks(2, rejected)).isEmpty();
    }

    @Test
    void shouldRefuseADecisionThatIsNotOneAndTasksOfOthers() throws Exception {
        String key = start("any");
        String task = openTasks(0, key).get(0).get("id").asString();
        var refused = api.call("POST", "/api/v1/tasks/" + task + "/complete", tokens.get(0),
                "{\"variables\":{\"comment\":\"maybe\",\"price\":3}}").expect(400);
        assertThat(refused.body().get("errors").toString()).contains("\"approved\"", "\"price\"");
        api.call("POST", "/api/v1/tasks/" + task + "/complete", tokens.get(1),
                "{\"variables\":{\"approved\":true}}").expect(404);
        assertThat(openTasks(1, key)).hasSize(1);
        assertThat(openTasks(1, key).get(0).get("approval").get("subject").asString()).isEqualTo("Offer for Northwind");
    }

    @Test
    void shouldKeepTheSameTasksAndVotesWhenTheJobIsDeliveredTwice() throws Exception {
        String key = start("all");
        var before = api.await("/api/v1/tasks?processInstance=" + key, admin, a -> a.body().size() == 3, WAIT).body();
        decide(0, key, true, "First");
        long jobKey = Long.parseLong(before.get(0).get("id").asString().split("-")[0]);

        // the hold runs out: the engine gives the job out again, and the worker offers it again
        engine.newUpdateTimeoutCommand(jobKey).timeout(Duration.ofMillis(1)).send().join();
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline && database.getCollection("process_approvals")
                .find(new Document("_id", jobKey)).first().getInteger("deliveries") < 2) {
            Thread.sleep(200);
        }

        var approval = database.getCollection("process_approvals").find(new Document("_id", jobKey)).first();
        assertThat(approval.getInteger("deliveries")).as("the engine delivered the job again").isEqualTo(2);
        var after = api.call("GET", "/api/v1/tasks?processInstance=" + key, admin, null).expect(200).body();
        assertThat(after.size()).as(after.toString()).isEqualTo(2);
        assertThat(ids(after)).isSubsetOf(ids(before));
        decide(1, key, true, "Second");
        decide(2, key, true, "Third");
        var done = completed(key);
        assertThat(done.get("offerApproved").asBoolean()).isTrue();
        assertThat(done.get("offerApprovedComments").size()).as("the first vote kept").isEqualTo(3);
    }

    private String start(String rule) throws Exception {
        String code = "offer-" + rule;
        if (api.call("GET", "/api/v1/processes/" + ns + "/" + code, admin, null).status() == 404) {
            api.upload(admin, ns, code + ".bpmn", bpmn("approval.bpmn", "code", code, "rule", rule)).expect(201);
            api.call("POST", "/api/v1/processes/" + ns + "/" + code + "/publish", admin, null).expect(200);
        }
        String list = String.join("\",\"", approvers);
        String key = api.call("POST", "/api/v1/process-instances", admin, """
                {"process":"%s/%s","variables":{"customer":"Northwind","approvers":["%s"]}}"""
                .formatted(ns, code, list)).expect(201).body().get("key").asString();
        for (int i = 0; i < 3; i++) {
            int approver = i;
            api.await("/api/v1/tasks?processInstance=" + key, tokens.get(approver), a -> a.body().size() == 1, WAIT);
        }
        return key;
    }

    private void decide(int approver, String key, boolean approved, String comment) throws Exception {
        var mine = openTasks(approver, key);
        assertThat(mine).as("the task of " + approvers.get(approver)).hasSize(1);
        assertThat(mine.get(0).get("assignee").asString()).isEqualTo(approvers.get(approver));
        String body = comment == null ? "{\"variables\":{\"approved\":%s}}".formatted(approved)
                : "{\"variables\":{\"approved\":%s,\"comment\":\"%s\"}}".formatted(approved, comment);
        api.call("POST", "/api/v1/tasks/" + mine.get(0).get("id").asString() + "/complete", tokens.get(approver), body)
                .expect(200);
    }

    private List<JsonNode> openTasks(int approver, String key) throws Exception {
        var out = new ArrayList<JsonNode>();
        api.call("GET", "/api/v1/tasks?processInstance=" + key, tokens.get(approver), null).expect(200).body()
                .forEach(out::add);
        return out;
    }

    private String state(String key) throws Exception {
        Thread.sleep(300); // what the engine did with the vote, if anything, has arrived by now
        return api.call("GET", "/api/v1/process-instances/" + key, admin, null).expect(200).body().get("state")
                .asString();
    }

    /** The completed instance's variables, each read from the JSON text the API gives. */
    private JsonNode completed(String key) throws Exception {
        var variables = api.await("/api/v1/process-instances/" + key, admin,
                a -> "COMPLETED".equals(a.body().path("state").asString()), WAIT).body().get("variables");
        var out = JSON.createObjectNode();
        variables.properties().forEach(e -> out.set(e.getKey(), plain(e.getValue())));
        return out;
    }

    /** A variable as a value, whether the API gives it as such or as the JSON text of it. */
    static JsonNode plain(JsonNode variable) {
        if (!variable.isString()) {
            return variable;
        }
        try {
            return JSON.readTree(variable.asString());
        } catch (tools.jackson.core.JacksonException e) {
            return variable;
        }
    }

    private static List<String> ids(JsonNode tasks) {
        var out = new ArrayList<String>();
        tasks.forEach(t -> out.add(t.get("id").asString()));
        return out;
    }
}
