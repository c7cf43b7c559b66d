package io.atrium.runtime.process;

import static io.atrium.runtime.process.ProcessTestApi.bpmn;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A drawing that uses what Camunda Modeler users draw every day deploys and runs: a message start
 * event, parallel gateways, a multi-instance job-worker user task with candidate groups and io
 * mappings, a FEEL gateway, a Camunda user task with task headers and an interrupting boundary
 * timer, an event-based gateway with a message catch event (correlation key) and a timer, and a
 * call activity into another process of the workspace.
 */
class ModelerConstructsIT extends ProcessITSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static int runs;




    private ProcessTestApi api;
    private String admin;
    private String ns;

    @BeforeEach
    void install() throws Exception {
        api = api();
        admin = admin();
        ns = "shop" + (++runs);
        api.call("POST", "/api/v1/apps", admin, """
                {"namespace":"%s","code":"orders","name":"Orders",
                 "fields":[{"code":"number","type":"string"},{"code":"total","type":"number"}]}""".formatted(ns))
                .expect(201);
        api.call("POST", "/api/v1/apps/" + ns + "/orders/publish", admin, null).expect(200);
        for (String code : new String[] {"order-shipping", "order-handling"}) {
            var uploaded = api.upload(admin, ns, code + ".bpmn", bpmn(code + ".bpmn", "app", ns + "/orders"))
                    .expect(201);
            assertThat(uploaded.body().get("problems").isEmpty()).as(uploaded.text()).isTrue();
            api.call("POST", "/api/v1/processes/" + ns + "/" + code + "/publish", admin, null).expect(200);
        }
    }

    @Test
    void shouldRunALargePaidOrderThroughEveryConstruct() throws Exception {
        String order = ns + "-1";
        raise("order.placed", order, order, """
                {"orderId":"%s","total":1500,"lines":["pens","paper"]}""".formatted(order));
        String key = awaitInstance(order);
        var checks = api.await("/api/v1/tasks?processInstance=" + key, admin, a -> a.body().size() == 2, WAIT).body();
        for (JsonNode check : checks) {
            assertThat(check.get("name").asString()).isEqualTo("Check an order line");
            assertThat(check.get("candidateGroups").toString()).contains("warehouse");
            api.call("POST", "/api/v1/tasks/" + check.get("id").asString() + "/complete", admin,
                    "{\"variables\":{\"checked\":true}}").expect(200);
        }
        // the manager does not approve within a second: the boundary timer hands it to a director
        var escalated = api.await("/api/v1/tasks?processInstance=" + key, admin, a -> a.body().size() == 1
                && a.body().get(0).get("name").asString().contains("escalated"), WAIT).body().get(0);
        assertThat(escalated.get("candidateGroups").toString()).contains("directors");
        api.call("POST", "/api/v1/tasks/" + escalated.get("id").asString() + "/complete", admin, "{}").expect(200);

        api.await("/api/v1/process-instances/" + key, admin,
                a -> a.body().get("activeElements").toString().contains("WaitPayment"), WAIT);
        raise("payment.received", order, "paid-" + order, "{}");
        var done = api.await("/api/v1/process-instances/" + key, admin,
                a -> "COMPLETED".equals(a.body().get("state").asString()), WAIT).body();
        assertThat(done.get("history").toString()).contains("ApproveLarge", "EscalateLarge", "Ship", "Shipped")
                .doesNotContain("Unpaid");
        assertThat(done.get("takenFlows").toString()).contains("Flow_large", "Flow_8", "Flow_13");
        assertThat(done.get("variables").get("trackingNumber").asString()).isEqualTo("TRK-" + order);
        assertThat(done.get("variables").get("checks").toString()).isEqualTo("[true,true]");
        var children = api.call("GET", "/api/v1/process-instances?process=" + ns + "/order-shipping", admin, null)
                .body();
        assertThat(children.toString()).contains("COMPLETED");
    }

    @Test
    void shouldEndASmallUnpaidOrderWhenThePaymentTimerFires() throws Exception {
        String order = ns + "-2";
        raise("order.placed", order, order, """
                {"orderId":"%s","total":100,"lines":["ink"]}""".formatted(order));
        String key = awaitInstance(order);
        var check = api.await("/api/v1/tasks?processInstance=" + key, admin, a -> a.body().size() == 1, WAIT)
                .body().get(0);
        api.call("POST", "/api/v1/tasks/" + check.get("id").asString() + "/complete", admin,
                "{\"variables\":{\"checked\":false}}").expect(200);
        var done = api.await("/api/v1/process-instances/" + key, admin,
                a -> "COMPLETED".equals(a.body().get("state").asString()), WAIT).body();
        assertThat(done.get("history").toString()).contains("PaymentTimeout", "Unpaid").doesNotContain("ApproveLarge");
        assertThat(done.get("takenFlows").toString()).contains("Flow_small", "Flow_15");
    }

    private void raise(String name, String key, String id, String variables) throws Exception {
        api.call("POST", "/api/v1/events", admin, """
                {"name":"%s","key":"%s","id":"%s","variables":%s}""".formatted(name, key, id, variables)).expect(202);
    }

    /** The instance the order's start event made, found by its variable. */
    private String awaitInstance(String order) throws Exception {
        var listed = api.await("/api/v1/process-instances?process=" + ns + "/order-handling", admin,
                a -> a.body().size() > 0, WAIT).body();
        for (JsonNode instance : listed) {
            String key = instance.get("key").asString();
            var detail = api.await("/api/v1/process-instances/" + key, admin,
                    a -> a.body().get("variables").has("orderId"), WAIT).body();
            if (order.equals(detail.get("variables").get("orderId").asString())) {
                return key;
            }
        }
        throw new AssertionError("No instance for " + order + " in " + listed);
    }
}
