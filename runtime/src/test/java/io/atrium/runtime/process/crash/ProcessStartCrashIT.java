package io.atrium.runtime.process.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrium.runtime.ChildJvm;
import io.atrium.runtime.process.ProcessTestApi;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A process started by an item's creation survives the platform dying between the item write and
 * the start, and never starts twice: the JVM halts (as under SIGKILL) either before the start is
 * raised or after it was raised but before the change was marked done; after a restart on the same
 * data there is exactly one instance.
 */
class ProcessStartCrashIT {

    private static final String PASSWORD = "crash-chief-secret";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;
    private Process node;

    @AfterEach
    void stop() {
        if (node != null) {
            node.destroyForcibly();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"before-start", "after-start"})
    void shouldStartTheProcessOnceAfterACrash(String crashAt) throws Exception {
        int http = freePort();
        int mongo = freePort();
        int zeebe = freePort();
        start(http, mongo, zeebe, crashAt);
        var api = new ProcessTestApi(http);
        String admin = api.token("admin", PASSWORD);
        api.call("POST", "/api/v1/apps", admin, """
                {"namespace":"ops","code":"tickets","name":"Tickets","fields":[{"code":"title","type":"string"}]}""")
                .expect(201);
        api.call("POST", "/api/v1/apps/ops/tickets/publish", admin, null).expect(200);
        String bpmn = ProcessTestApi.bpmn("single-block.bpmn", "code", "on-ticket", "type", "atrium:notify",
                "settings", "<zeebe:taskHeaders><zeebe:header key=\"user\" value=\"admin\" />"
                        + "<zeebe:header key=\"message\" value=\"A ticket came in\" /></zeebe:taskHeaders>")
                .replace("<bpmn:outgoing>Flow_1</bpmn:outgoing>", "<bpmn:outgoing>Flow_1</bpmn:outgoing>"
                        + "<bpmn:messageEventDefinition id=\"Created\" messageRef=\"Message_created\" />")
                .replace("</bpmn:process>", "</bpmn:process><bpmn:message id=\"Message_created\" "
                        + "name=\"atrium:item-created:ops/tickets\" />");
        api.upload(admin, "ops", "on-ticket.bpmn", bpmn).expect(201);
        api.call("POST", "/api/v1/processes/ops/on-ticket/publish", admin, null).expect(200);
        Thread.sleep(2500); // the start subscriptions are re-read every two seconds

        var created = api.call("POST", "/api/v1/apps/ops/tickets/items", admin, "{\"title\":\"crash\"}").expect(201);
        String itemId = created.body().get("id").asString();
        assertThat(node.waitFor(30, TimeUnit.SECONDS)).as("the node halts at the crash point").isTrue();
        assertThat(node.exitValue()).isEqualTo(137);

        start(http, mongo, zeebe, null);
        admin = api.token("admin", PASSWORD);
        String token = admin;
        // after a crash after the start, the instance's first job may wait for the dead worker's lease to end
        api.await("/api/v1/process-instances?process=ops/on-ticket", token, a -> a.body().size() >= 1, WAIT);
        Thread.sleep(3000); // a second start, if there were one, would show by now
        var instances = api.call("GET", "/api/v1/process-instances?process=ops/on-ticket", token, null).body();
        assertThat(instances).as(instances.toString()).hasSize(1);
        var detail = api.call("GET", "/api/v1/process-instances/" + instances.get(0).get("key").asString(), token, null)
                .body();
        assertThat(detail.get("variables").get("itemId").asString()).isEqualTo(itemId);
    }

    private void start(int http, int mongo, int zeebe, String crashAt) throws IOException {
        var args = new ArrayList<>(List.of("--server.port=" + http, "--atrium.data-dir=" + dataDir,
                "--atrium.embedded.mongodb.port=" + mongo, "--atrium.embedded.zeebe.port=" + zeebe,
                "--ATRIUM_ADMIN_PASSWORD=" + PASSWORD));
        if (crashAt != null) {
            args.add("--atrium.test.crash-at=" + crashAt);
        }
        node = ChildJvm.start("768m", PlatformNode.class, args, dataDir.resolve("node.log"));
    }

    private static int freePort() throws IOException {
        return ChildJvm.freePort();
    }
}
