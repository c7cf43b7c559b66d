package io.atrium.runtime.script;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrium.platform.identity.Role;
import io.atrium.platform.identity.UserDirectory;
import io.atrium.runtime.process.ProcessITSupport;
import io.atrium.runtime.process.ProcessTestApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scheduled script runs: what a schedule must be, runs on its timetable as its author, each
 * occurrence once even with two nodes looking, a run by hand, and who may set them up.
 */
class ScriptSchedulesIT extends ProcessITSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static int namespaces;

    @Autowired
    UserDirectory users;

    private ProcessTestApi api;
    private String admin;
    private String ns;

    @BeforeEach
    void setUp() throws Exception {
        api = api();
        admin = admin();
        ns = "sched" + (++namespaces);
        api.call("POST", "/api/v1/apps", admin, """
                {"namespace":"%s","code":"ticks","name":{"en":"Ticks","ru":"Тики"},
                 "fields":[{"code":"slot","type":"string"},{"code":"by","type":"string"}]}""".formatted(ns))
                .expect(201);
        api.call("POST", "/api/v1/apps/" + ns + "/ticks/publish", admin, null).expect(200);
        var body = JSON.createObjectNode().put("namespace", ns).put("code", "clock").put("language", "typescript")
                .put("source", """
                        import { items, context, log } from 'atrium';

                        export function tick(e: { input: { label: string }; scheduledAt: string }) {
                          items.create('%s/ticks', { slot: e.scheduledAt, by: context.user.username });
                          log.info(e.input.label + ' at ' + e.scheduledAt);
                          return 'ticked';
                        }

                        export function fail() {
                          throw new Error('the ledger is closed');
                        }
                        """.formatted(ns));
        api.call("POST", "/api/v1/scripts", admin, JSON.writeValueAsString(body)).expect(201);
        api.call("POST", "/api/v1/scripts/" + ns + "/clock/publish", admin, null).expect(200);
    }

    private String schedule(String auth, String function, String cron) throws Exception {
        return api.call("POST", "/api/v1/script-schedules", auth, """
                {"name":"Tick %1$s","script":"%2$s/clock#%1$s","cron":"%3$s","zone":"Europe/Moscow",
                 "timeLimitSeconds":5,"input":{"label":"beat"}}""".formatted(function, ns, cron)).expect(201)
                .body().get("id").asString();
    }

    private JsonNode ticks(ProcessTestApi node) throws Exception {
        return node.call("GET", "/api/v1/apps/" + ns + "/ticks/items?limit=200", admin, null).expect(200).body()
                .get("items");
    }

    @Test
    void shouldRefuseSchedulesThatCannotRunWithWhatIsWrong() throws Exception {
        String base = "/api/v1/script-schedules";
        assertThat(api.call("POST", base, admin, """
                {"name":"x","script":"%s/clock#tick","cron":"61 * * * *"}""".formatted(ns)).expect(400).text())
                .contains("61 * * * *");
        assertThat(api.call("POST", base, admin, """
                {"name":"x","script":"%s/nowhere#tick","cron":"0 * * * *"}""".formatted(ns)).expect(400).text())
                .contains("not published");
        assertThat(api.call("POST", base, admin, """
                {"name":"x","script":"%s/clock#nothing","cron":"0 * * * *"}""".formatted(ns)).expect(400).text())
                .contains("exports no function 'nothing'");
        assertThat(api.call("POST", base, admin, """
                {"name":"x","script":"%s/clock#tick","cron":"0 * * * *","zone":"Mars/Olympus"}""".formatted(ns))
                .expect(400).text()).contains("Mars/Olympus");
        api.call("POST", base, admin, """
                {"name":"x","script":"%s/clock#tick","cron":"0 * * * *","input":[1,2]}""".formatted(ns)).expect(400);
        api.call("POST", base, admin, """
                {"name":"","script":"%s/clock#tick","cron":"0 * * * *"}""".formatted(ns)).expect(400);

        users.create("op" + ns, "Olga", "operators-do-not-schedule-1", Set.of(Role.OPERATOR));
        String operator = api.token("op" + ns, "operators-do-not-schedule-1");
        api.call("GET", base, operator, null).expect(403);
        users.create("an" + ns, "Anna", "analysts-only-read-them-2", Set.of(Role.ANALYST));
        String analyst = api.token("an" + ns, "analysts-only-read-them-2");
        api.call("GET", base, analyst, null).expect(200);
        api.call("POST", base, analyst, """
                {"name":"x","script":"%s/clock#tick","cron":"0 * * * *"}""".formatted(ns)).expect(403);
    }

    @Test
    void shouldRunOnItsTimetableAsItsAuthorAndStopWhenDisabled() throws Exception {
        users.create("dev" + ns, "Dev", "developers-schedule-things-3", Set.of(Role.DEVELOPER));
        String developer = api.token("dev" + ns, "developers-schedule-things-3");
        api.call("PUT", "/api/v1/apps/" + ns + "/ticks/access", admin, """
                {"grants":[{"role":"developer","permissions":["read","create"],"scope":"all"}]}""").expect(200);
        String id = schedule(developer, "tick", "* * * * * *");

        var ran = api.await("/api/v1/script-schedules/" + id, admin, a -> a.body().get("runs").size() >= 3, WAIT)
                .body();
        var last = ran.get("lastRun");
        assertThat(last.get("outcome").asString()).isEqualTo("ok");
        assertThat(last.get("message").asString()).isEqualTo("\"ticked\"");
        assertThat(last.get("logs").get(0).asString()).contains("beat at ");
        assertThat(ran.get("runAs").asString()).isEqualTo("dev" + ns);
        assertThat(ticks(api).get(0).get("values").get("by").asString()).isEqualTo("dev" + ns);

        var disabled = api.call("PUT", "/api/v1/script-schedules/" + id, admin, """
                {"version":%d,"name":"Tick","script":"%s/clock#tick","cron":"* * * * * *","enabled":false}"""
                .formatted(ran.get("version").asLong(), ns)).expect(200).body();
        assertThat(disabled.get("nextRunAt").isNull()).isTrue();
        assertThat(disabled.get("runAs").asString()).isEqualTo("admin");
        api.call("PUT", "/api/v1/script-schedules/" + id, admin, """
                {"version":%d,"name":"Tick","script":"%s/clock#tick","cron":"* * * * * *"}"""
                .formatted(ran.get("version").asLong(), ns)).expect(409);
        Thread.sleep(1_500); // a run claimed before the change may still be finishing
        int settled = ticks(api).size();
        Thread.sleep(2_500);
        assertThat(ticks(api).size()).as("a disabled schedule does not run").isEqualTo(settled);
    }

    @Test
    void shouldRecordAFailureAndRunByHand() throws Exception {
        String id = api.call("POST", "/api/v1/script-schedules", admin, """
                {"name":"Nightly","script":"%s/clock#fail","cron":"0 0 3 * * *"}""".formatted(ns)).expect(201)
                .body().get("id").asString();

        var run = api.call("POST", "/api/v1/script-schedules/" + id + "/run", admin, null).expect(200).body();

        assertThat(run.get("outcome").asString()).isEqualTo("error");
        assertThat(run.get("message").asString()).contains("the ledger is closed");
        var schedule = api.call("GET", "/api/v1/script-schedules/" + id, admin, null).expect(200).body();
        assertThat(schedule.get("nextRunAt").asString()).endsWith(":00Z");
        assertThat(schedule.get("runs").get(0).get("outcome").asString()).isEqualTo("error");
        api.call("DELETE", "/api/v1/script-schedules/" + id + "?version=1", admin, null).expect(204);
        api.call("GET", "/api/v1/script-schedules/" + id, admin, null).expect(404);
    }

    @Test
    void shouldRunEachOccurrenceOnceWithTwoNodesLooking() throws Exception {
        try (var second = secondNode()) {
            var two = new ProcessTestApi(((WebServerApplicationContext) second).getWebServer().getPort());
            String id = schedule(admin, "tick", "* * * * * *");
            two.await("/api/v1/script-schedules/" + id, admin, a -> a.body().get("runs").size() >= 8, WAIT);
            var version = two.call("GET", "/api/v1/script-schedules/" + id, admin, null).body().get("version").asLong();
            api.call("PUT", "/api/v1/script-schedules/" + id, admin, """
                    {"version":%d,"name":"Tick","script":"%s/clock#tick","cron":"* * * * * *","enabled":false}"""
                    .formatted(version, ns)).expect(200);
            Thread.sleep(1_500);

            var slots = new ArrayList<String>();
            ticks(two).forEach(item -> slots.add(item.get("values").get("slot").asString()));
            assertThat(slots).hasSizeGreaterThanOrEqualTo(8);
            assertThat(new HashSet<>(slots)).as("no occurrence ran twice").hasSameSizeAs(slots);
        }
    }
}
