package io.atrium.runtime.process;

import static io.atrium.runtime.process.ProcessTestApi.bpmn;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * Two platform nodes sharing one MongoDB and one Zeebe, as a cluster's nodes do: a process
 * published on one starts on the other, every job has one effect whichever node takes it, and a
 * task started through one node is completed through the other.
 */
class TwoNodesIT extends ProcessITSupport {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int INSTANCES = 20;

    @Test
    void shouldShareProcessesJobsAndTasksBetweenNodes() throws Exception {
        try (var second = secondNode()) {
            var one = api();
            var two = new ProcessTestApi(((WebServerApplicationContext) second).getWebServer().getPort());
            String admin = admin();
            one.call("POST", "/api/v1/apps", admin, """
                    {"namespace":"cluster","code":"orders","name":"Orders","fields":[{"code":"title","type":"string"},
                     {"code":"approved","type":"boolean"},{"code":"name","type":"string"}]}""").expect(201);
            one.call("POST", "/api/v1/apps/cluster/orders/publish", admin, null).expect(200);
            two.upload(admin, "cluster", "make-order.bpmn", bpmn("single-block.bpmn", "code", "make-order", "type",
                    "atrium:create-item", "settings", """
                    <zeebe:ioMapping><zeebe:input source="={title: title}" target="values" /></zeebe:ioMapping>
                    <zeebe:taskHeaders><zeebe:header key="app" value="cluster/orders" /></zeebe:taskHeaders>"""))
                    .expect(201);
            two.call("POST", "/api/v1/processes/cluster/make-order/publish", admin, null).expect(200);

            var keys = new ArrayList<String>();
            for (int i = 0; i < INSTANCES; i++) {
                var node = i % 2 == 0 ? one : two;
                keys.add(node.call("POST", "/api/v1/process-instances", admin, """
                        {"process":"cluster/make-order","variables":{"title":"order %d"}}""".formatted(i)).expect(201)
                        .body().get("key").asString());
            }
            for (String key : keys) {
                two.await("/api/v1/process-instances/" + key, admin,
                        a -> "COMPLETED".equals(a.body().path("state").asString()), WAIT);
            }
            var items = one.call("GET", "/api/v1/apps/cluster/orders/items?limit=100", admin, null).body().get("items");
            assertThat(items).hasSize(INSTANCES);

            one.upload(admin, "cluster", "offer-review.bpmn", bpmn("offer-review.bpmn", "app", "cluster/orders"))
                    .expect(201);
            one.call("POST", "/api/v1/processes/cluster/offer-review/publish", admin, null).expect(200);
            String review = one.call("POST", "/api/v1/process-instances", admin, """
                    {"process":"cluster/offer-review","variables":{"customer":"Tailspin"}}""").expect(201)
                    .body().get("key").asString();
            var task = two.await("/api/v1/tasks?processInstance=" + review, admin, a -> a.body().size() == 1, WAIT)
                    .body().get(0);
            two.call("POST", "/api/v1/tasks/" + task.get("id").asString() + "/complete", admin,
                    "{\"variables\":{\"approved\":true}}").expect(200);
            one.await("/api/v1/process-instances/" + review, admin,
                    a -> "COMPLETED".equals(a.body().path("state").asString()), WAIT);
        }
    }
}
