package io.atrium.runtime.process;

import static io.atrium.runtime.process.ProcessTestApi.bpmn;
import static org.assertj.core.api.Assertions.assertThat;

import io.atrium.platform.identity.GroupDirectory;
import io.atrium.platform.identity.Role;
import io.atrium.platform.identity.UserDirectory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A task with a Camunda Form embedded in the drawing, as Camunda Modeler writes it: the form is
 * described through the API, values that break its rules are refused naming each field, and the
 * task completes with the form's keys as variables (defaults filled in).
 */
class CamundaFormTaskIT extends ProcessITSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);



    @Autowired
    UserDirectory users;
    @Autowired
    GroupDirectory groups;

    @Test
    void shouldCheckTheValuesByTheFormsRulesAndCompleteWithItsKeys() throws Exception {
        var api = api();
        String admin = admin();
        groups.create("orders", "Orders");
        users.create("clerk", "Clerk", "order-desk-secret-long", Set.of(Role.OPERATOR), Set.of("orders"));
        String clerk = api.token("clerk", "order-desk-secret-long");
        var uploaded = api.upload(admin, "shop", "order-intake.bpmn", bpmn("camunda-form-task.bpmn", "group", "orders"))
                .expect(201);
        assertThat(uploaded.body().get("problems").isEmpty()).as(uploaded.text()).isTrue();
        api.call("POST", "/api/v1/processes/shop/order-intake/publish", admin, null).expect(200);
        String key = api.call("POST", "/api/v1/process-instances", admin, "{\"process\":\"shop/order-intake\"}")
                .expect(201).body().get("key").asString();
        String task = api.await("/api/v1/tasks?processInstance=" + key, clerk, a -> a.body().size() == 1, WAIT)
                .body().get(0).get("id").asString();

        var form = api.call("GET", "/api/v1/tasks/" + task + "/form", clerk, null).expect(200).body();
        assertThat(form.get("kind").asString()).isEqualTo("schema");
        assertThat(form.get("id").asString()).isEqualTo("order-form");
        var types = new ArrayList<String>();
        form.get("components").forEach(c -> types.add(c.get("type").asString()));
        assertThat(types).containsExactly("text", "textfield", "number", "select", "checklist", "checkbox",
                "datetime", "unsupported");
        assertThat(form.get("components").get(7).get("schemaType").asString()).isEqualTo("filepicker");
        assertThat(form.get("components").get(3).get("options").get(1).get("label").asString()).isEqualTo("Phone");

        var refused = api.call("POST", "/api/v1/tasks/" + task + "/complete", clerk, """
                {"variables":{"customer":"ab","amount":5000,"channel":"fax","extras":["gift","socks"],
                 "deliverOn":"tomorrow","coupon":"X"}}""").expect(400);
        assertThat(fields(refused.body())).containsExactlyInAnyOrder("customer", "customer", "amount", "channel",
                "extras", "deliverOn", "coupon");
        assertThat(refused.text()).contains("pattern", "minLength", "max");

        var missing = api.call("POST", "/api/v1/tasks/" + task + "/complete", clerk, "{\"variables\":{}}")
                .expect(400);
        assertThat(fields(missing.body())).containsExactly("customer");
        assertThat(missing.body().get("errors").get(0).get("code").asString()).isEqualTo("required");

        api.call("POST", "/api/v1/tasks/" + task + "/complete", clerk, """
                {"variables":{"customer":"Northwind","channel":"phone","extras":["express"],"deliverOn":"2026-12-01"}}""")
                .expect(200);
        var done = api.await("/api/v1/process-instances/" + key, admin,
                a -> "COMPLETED".equals(a.body().path("state").asString()), WAIT).body().get("variables");
        assertThat(value(done, "customer").asString()).isEqualTo("Northwind");
        assertThat(value(done, "amount").asInt()).as("the default").isEqualTo(10);
        assertThat(value(done, "urgent").asBoolean()).isFalse();
        assertThat(value(done, "extras").get(0).asString()).isEqualTo("express");
        assertThat(value(done, "deliverOn").asString()).isEqualTo("2026-12-01");
        assertThat(done.has("coupon")).isFalse();
    }

    private static List<String> fields(JsonNode problem) {
        var out = new ArrayList<String>();
        problem.get("errors").forEach(e -> out.add(e.get("field").asString()));
        return out;
    }

    private static JsonNode value(JsonNode variables, String name) {
        assertThat(variables.has(name)).as(variables.toString()).isTrue();
        return ApprovalIT.plain(variables.get(name));
    }
}
