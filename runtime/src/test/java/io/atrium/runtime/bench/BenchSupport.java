package io.atrium.runtime.bench;

import io.atrium.runtime.embedded.EmbeddedClients;
import io.atrium.runtime.embedded.EngineCredentials;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.CamundaFuture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/** Shared pieces of the benchmarks: clients, bounded-concurrency instance starts, folder sizes. */
final class BenchSupport {

    private BenchSupport() {
    }

    /** What the benchmarks' engines let in; benchmarks pay for authentication as the platform does. */
    static final EngineCredentials CREDENTIALS = EngineCredentials.generate();

    static CamundaClient camunda(URI address) {
        return EmbeddedClients.camunda(address, CREDENTIALS)
                .defaultRequestTimeout(Duration.ofSeconds(60)).build();
    }

    static void deploy(CamundaClient client) {
        client.newDeployResourceCommand().addResourceFromClasspath("io/atrium/runtime/bench/bench.bpmn").send().join();
    }

    /**
     * Starts {@code count} instances of {@code processId}, at most {@code inFlight} at a time, and
     * waits until each is completed (with result) or just created.
     */
    static void startInstances(CamundaClient client, String processId, int count, int inFlight, boolean withResult)
            throws InterruptedException {
        var permits = new Semaphore(inFlight);
        var failures = new AtomicLong();
        for (int i = 0; i < count; i++) {
            permits.acquire();
            var step = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
                    .variables(Map.of("n", i));
            CamundaFuture<?> future = withResult
                    ? step.withResult().requestTimeout(Duration.ofSeconds(60)).send()
                    : step.send();
            future.whenComplete((result, error) -> {
                if (error != null) {
                    failures.incrementAndGet();
                }
                permits.release();
            });
        }
        permits.acquire(inFlight);
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " instance starts failed");
        }
    }

    /** Bytes used under {@code folder}; a file hard-linked twice (snapshot SST files) counts once. */
    static long sizeOf(Path folder) {
        var seen = new java.util.HashSet<Object>();
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return seen.add(Files.getAttribute(p, "unix:ino")) ? Files.size(p) : 0;
                } catch (IOException | UnsupportedOperationException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String mb(long bytes) {
        return String.format("%.1f MB", bytes / (1024.0 * 1024.0));
    }

    static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort for a temporary folder
        }
    }
}
