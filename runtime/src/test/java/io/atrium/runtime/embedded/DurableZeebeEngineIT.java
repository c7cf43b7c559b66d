package io.atrium.runtime.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.process.test.engine.AtriumEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The durable embedded engine keeps deployments, instances, jobs, timers and subscriptions across a restart. */
class DurableZeebeEngineIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static final EngineCredentials CREDENTIALS = EngineCredentials.generate();

    @TempDir
    Path dataDir;

    private AtriumEngine.Durable storage(long segmentSize) {
        return new AtriumEngine.Durable(dataDir, segmentSize, Duration.ofHours(1), 32L * 1024 * 1024);
    }

    private static CamundaClient client(EmbeddedZeebeEngine engine) {
        return EmbeddedClients.camunda(engine.gatewayAddress(), CREDENTIALS)
                .defaultRequestTimeout(WAIT).build();
    }

    private static List<ActivatedJob> activate(CamundaClient client, String type, int count) throws InterruptedException {
        return activate(client, type, count, Duration.ofMinutes(5));
    }

    private static List<ActivatedJob> activate(CamundaClient client, String type, int count, Duration jobTimeout)
            throws InterruptedException {
        var jobs = new ArrayList<ActivatedJob>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (jobs.size() < count && System.nanoTime() < deadline) {
            jobs.addAll(client.newActivateJobsCommand().jobType(type).maxJobsToActivate(count - jobs.size())
                    .timeout(jobTimeout).requestTimeout(Duration.ofSeconds(2)).send().join().getJobs());
            if (jobs.size() < count) {
                Thread.sleep(100);
            }
        }
        assertThat(jobs).as("activated '%s' jobs", type).hasSize(count);
        return jobs;
    }

    @Test
    void shouldContinueWaitingWorkAfterARestart() throws Exception {
        long waitingForMessage;
        long waitingForJob;
        long waitingForTimer;
        try (var engine = EmbeddedZeebeEngine.start("127.0.0.1", 0, storage(64L * 1024 * 1024), CREDENTIALS);
                var client = client(engine)) {
            client.newDeployResourceCommand()
                    .addResourceFromClasspath("io/atrium/runtime/embedded/DurableZeebeEngineIT.bpmn").send().join();
            waitingForMessage = client.newCreateInstanceCommand().bpmnProcessId("durable-request").latestVersion()
                    .variables(Map.of("requestId", "req-1")).send().join().getProcessInstanceKey();
            waitingForJob = client.newCreateInstanceCommand().bpmnProcessId("durable-request").latestVersion()
                    .variables(Map.of("requestId", "req-2")).send().join().getProcessInstanceKey();
            waitingForTimer = client.newCreateInstanceCommand().bpmnProcessId("durable-reminder").latestVersion()
                    .send().join().getProcessInstanceKey();
            // req-1 passes its first job and waits for the approval message; req-2's worker takes
            // its job with a short timeout and never answers
            var checks = activate(client, "check", 2, Duration.ofSeconds(1));
            var first = checks.stream().filter(j -> j.getProcessInstanceKey() == waitingForMessage).findFirst()
                    .orElseThrow();
            client.newCompleteCommand(first).send().join();
        }

        Thread.sleep(2_500); // the reminder's timer comes due while the engine is down

        try (var engine = EmbeddedZeebeEngine.start("127.0.0.1", 0, storage(64L * 1024 * 1024), CREDENTIALS);
                var client = client(engine)) {
            // the open job survived, and its activation timed out so another worker can take it
            var check = activate(client, "check", 1).getFirst();
            assertThat(check.getProcessInstanceKey()).isEqualTo(waitingForJob);

            // the message subscription survived
            client.newPublishMessageCommand().messageName("approved").correlationKey("req-1")
                    .timeToLive(Duration.ZERO).send().join();
            var confirm = activate(client, "confirm", 1).getFirst();
            assertThat(confirm.getProcessInstanceKey()).isEqualTo(waitingForMessage);
            client.newCompleteCommand(confirm).send().join();

            // the timer that came due during the downtime fired after the start
            var remind = activate(client, "remind", 1).getFirst();
            assertThat(remind.getProcessInstanceKey()).isEqualTo(waitingForTimer);

            // the deployment survived: new instances start without deploying again
            long fresh = client.newCreateInstanceCommand().bpmnProcessId("durable-request").latestVersion()
                    .variables(Map.of("requestId", "req-3")).send().join().getProcessInstanceKey();
            assertThat(fresh).isNotIn(waitingForMessage, waitingForJob, waitingForTimer);
        }
    }

    @Test
    void shouldTruncateTheLogAfterASnapshotAndStillRestart() throws Exception {
        long segment = 64 * 1024;
        int segmentsBefore;
        try (var engine = EmbeddedZeebeEngine.start("127.0.0.1", 0, storage(segment), CREDENTIALS);
                var client = client(engine)) {
            client.newDeployResourceCommand()
                    .addResourceFromClasspath("io/atrium/runtime/embedded/DurableZeebeEngineIT.bpmn").send().join();
            var checked = new java.util.concurrent.atomic.AtomicInteger();
            try (var worker = client.newWorker().jobType("check")
                    .handler((jobs, job) -> {
                        jobs.newCompleteCommand(job).send().join();
                        checked.incrementAndGet();
                    }).open()) {
                // what is tested is the truncation, not the speed: on a loaded machine a start may wait
                for (int i = 0; i < 150; i++) {
                    client.newCreateInstanceCommand().bpmnProcessId("durable-request").latestVersion()
                            .variables(Map.of("requestId", "bulk-" + i)).requestTimeout(Duration.ofSeconds(90))
                            .send().join();
                }
                // every instance has passed its job and waits for its message
                long deadline = System.nanoTime() + WAIT.toNanos();
                while ((checked.get() < 150 || engine.logSegments() < 4) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(checked.get()).isEqualTo(150);
            }
            segmentsBefore = engine.logSegments();
            assertThat(segmentsBefore).isGreaterThan(3);
            Thread.sleep(500);
            assertThat(engine.snapshot()).isPositive();
            assertThat(engine.logSegments()).isLessThan(segmentsBefore);
        }

        try (var engine = EmbeddedZeebeEngine.start("127.0.0.1", 0, storage(segment), CREDENTIALS);
                var client = client(engine)) {
            // all 150 instances wait for their message; one of them continues after the restart
            client.newPublishMessageCommand().messageName("approved").correlationKey("bulk-149")
                    .timeToLive(Duration.ZERO).send().join(10, TimeUnit.SECONDS);
            var confirm = activate(client, "confirm", 1).getFirst();
            assertThat(confirm.getVariablesAsMap()).containsEntry("requestId", "bulk-149");
        }
    }
}
