package io.atrium.runtime.bench;

import io.atrium.platform.access.Actor;
import io.atrium.platform.process.ProcessCatalog;
import io.atrium.platform.process.ProcessDefinition;
import io.atrium.platform.process.ProcessRef;
import io.atrium.runtime.RuntimeTestApplication;
import io.atrium.runtime.process.ProcessTestApi;
import io.camunda.client.CamundaClient;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.SpringApplication;

/**
 * Instances per second of start → create-item block → end through the platform (its building
 * block worker writes a real item: permission, validation, audit, the job-effect record), against
 * the raw Camunda client with a no-op worker on the same drawing and the same embedded engine, in
 * the same run, rounds alternating. Also the latency from the start to the end, right after the
 * item is written. Usage: ProcessBenchmark [instances per round; default 1000] [in flight; default 32]
 */
public final class ProcessBenchmark {

    private static final int ROUNDS = 3;
    private static final String NOOP = "bench:noop";

    private ProcessBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int inFlight = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        var data = Files.createTempDirectory("atrium-process-bench-");
        var app = new SpringApplication(RuntimeTestApplication.class);
        app.setDefaultProperties(Map.of("ATRIUM_ADMIN_PASSWORD", "benchmark-chief-secret", "server.port", "0",
                "atrium.data-dir", data.toString(), "atrium.embedded.mongodb.port", "0",
                "atrium.embedded.zeebe.port", "0", "spring.main.banner-mode", "off", "logging.level.root", "WARN"));
        try (var context = app.run()) {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            var api = new ProcessTestApi(port);
            String admin = api.token("admin", "benchmark-chief-secret");
            api.call("POST", "/api/v1/apps", admin, """
                    {"namespace":"bench","code":"orders","name":"Orders","fields":[{"code":"title","type":"string"},
                     {"code":"n","type":"number"}]}""").expect(201);
            api.call("POST", "/api/v1/apps/bench/orders/publish", admin, null).expect(200);

            String settings = """
                    <zeebe:ioMapping><zeebe:input source="={title: &quot;Order&quot;, n: n}" target="values" />
                    </zeebe:ioMapping><zeebe:taskHeaders><zeebe:header key="app" value="bench/orders" />
                    </zeebe:taskHeaders>""";
            var catalog = context.getBean(ProcessCatalog.class);
            var ref = new ProcessRef("bench", "create-order");
            catalog.saveDraft(Actor.SYSTEM, new ProcessDefinition(ref, null, ProcessTestApi.bpmn("single-block.bpmn",
                    "code", "create-order", "type", "atrium:create-item", "settings", settings)));
            long platformKey = catalog.publish(Actor.SYSTEM, ref).deployment().definitionKey();

            CamundaClient client = context.getBean(CamundaClient.class);
            long rawKey = client.newDeployResourceCommand().addResourceStringUtf8(ProcessTestApi.bpmn(
                    "single-block.bpmn", "code", "raw-create-order", "type", NOOP, "settings", settings),
                    "raw.bpmn").send().join().getProcesses().getFirst().getProcessDefinitionKey();
            try (var worker = client.newWorker().jobType(NOOP)
                    .handler((jobs, job) -> jobs.newCompleteCommand(job.getKey()).send().join())
                    .name("bench").maxJobsActive(32).timeout(Duration.ofMinutes(2))
                    .streamEnabled(true).pollInterval(Duration.ofSeconds(1)).open()) { // as the platform's workers
                run(client, platformKey, count / 3, inFlight, new ArrayList<>()); // warm-up, not measured
                run(client, rawKey, count / 3, inFlight, new ArrayList<>());
                double platformSeconds = 0;
                double rawSeconds = 0;
                var platformLatencies = new ArrayList<Long>();
                var rawLatencies = new ArrayList<Long>();
                for (int round = 0; round < ROUNDS; round++) {
                    platformSeconds += run(client, platformKey, count, inFlight, platformLatencies);
                    rawSeconds += run(client, rawKey, count, inFlight, rawLatencies);
                }
                double platformRate = ROUNDS * count / platformSeconds;
                double rawRate = ROUNDS * count / rawSeconds;
                System.out.printf("path | instances/s | p50 ms | p99 ms   (%d instances x %d rounds, %d in flight)%n",
                        count, ROUNDS, inFlight);
                System.out.printf("platform (create-item block) | %.0f | %.1f | %.1f%n", platformRate,
                        percentile(platformLatencies, 50), percentile(platformLatencies, 99));
                System.out.printf("raw client (no-op worker) | %.0f | %.1f | %.1f%n", rawRate,
                        percentile(rawLatencies, 50), percentile(rawLatencies, 99));
                System.out.printf("platform / raw | %.2f%n", platformRate / rawRate);
            }
        }
    }

    /** Starts {@code count} instances and waits for each to end; returns the seconds taken. */
    private static double run(CamundaClient client, long definitionKey, int count, int inFlight, List<Long> latencies)
            throws InterruptedException {
        var permits = new Semaphore(inFlight);
        var failures = new AtomicLong();
        var measured = new ConcurrentLinkedQueue<Long>();
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            permits.acquire();
            long sent = System.nanoTime();
            client.newCreateInstanceCommand().processDefinitionKey(definitionKey).variables(Map.of("n", i))
                    .withResult().requestTimeout(Duration.ofSeconds(60)).send().whenComplete((result, error) -> {
                        if (error != null) {
                            failures.incrementAndGet();
                        } else {
                            measured.add(System.nanoTime() - sent);
                        }
                        permits.release();
                    });
        }
        permits.acquire(inFlight);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " instances failed");
        }
        latencies.addAll(measured);
        return seconds;
    }

    private static double percentile(List<Long> nanos, int percent) {
        var sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100)) / 1e6;
    }
}
