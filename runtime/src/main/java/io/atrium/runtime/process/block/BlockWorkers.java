package io.atrium.runtime.process.block;

import io.atrium.platform.access.AccessDeniedException;
import io.atrium.platform.app.ValidationException;
import io.atrium.platform.process.ProcessCatalog;
import io.atrium.platform.process.ProcessRef;
import io.atrium.platform.process.PublishedProcess;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobWorker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * One job worker per building block on every node; the engine hands each job to one of them.
 * A job's effect is recorded by its key before it is completed, so a job delivered twice
 * completes with what the first delivery did. A failure decrements the job's retries (as drawn
 * in the BPMN) with a readable message; at none the engine raises an incident.
 */
@Component
class BlockWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BlockWorkers.class);
    private static final Duration BACKOFF = Duration.ofSeconds(2);
    /** How long a node holds a job: longer than the slowest block (an HTTP call of 60 s), short enough that a dead node's jobs come back soon. */
    private static final Duration LEASE = Duration.ofMinutes(2);
    /**
     * Jobs are pushed to the workers as they are created (job streaming); polling only catches
     * what a stream missed (a job created while a node was reconnecting, a lease that ran out).
     */
    private static final Duration POLL = Duration.ofSeconds(1);

    private final CamundaClient client;
    private final BlockCatalog blocks;
    private final JobEffects effects;
    private final ProcessCatalog processes;
    private final List<JobWorker> workers = new ArrayList<>();

    BlockWorkers(CamundaClient client, BlockCatalog blocks, JobEffects effects, ProcessCatalog processes) {
        this.client = client;
        this.blocks = blocks;
        this.effects = effects;
        this.processes = processes;
    }

    @Override
    public synchronized void start() {
        for (BuildingBlock block : blocks.all()) {
            workers.add(client.newWorker().jobType(block.type()).handler((jobs, job) -> handle(block, jobs, job))
                    .name("atrium").maxJobsActive(32).timeout(LEASE)
                    .streamEnabled(true).pollInterval(POLL).open());
        }
    }

    @Override
    public synchronized void stop() {
        workers.forEach(JobWorker::close);
        workers.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return !workers.isEmpty();
    }

    private void handle(BuildingBlock block, JobClient jobs, ActivatedJob job) {
        Map<String, Object> variables;
        var recorded = block.idempotentByItself() ? Optional.<Map<String, Object>>empty() : effects.recorded(job.getKey());
        if (recorded.isPresent()) {
            variables = recorded.get();
        } else {
            try {
                variables = block.run(toBlockJob(job));
            } catch (BlockFailure | ValidationException | AccessDeniedException | NoSuchElementException
                    | IllegalArgumentException | IllegalStateException e) {
                fail(jobs, job, e.getMessage());
                return;
            } catch (RuntimeException e) {
                log.warn("The building block {} failed on job {}", block.type(), job.getKey(), e);
                fail(jobs, job, "Unexpected failure (" + e.getClass().getSimpleName() + "): " + e.getMessage());
                return;
            }
            if (!block.idempotentByItself()) {
                effects.record(job.getKey(), block.type(), variables);
            }
        }
        jobs.newCompleteCommand(job.getKey()).variables(variables).send().join();
    }

    private static void fail(JobClient jobs, ActivatedJob job, String message) {
        jobs.newFailCommand(job.getKey()).retries(Math.max(0, job.getRetries() - 1)).retryBackoff(BACKOFF)
                .errorMessage(message == null ? "failed" : message).send().join();
    }

    private BlockJob toBlockJob(ActivatedJob job) {
        Optional<ProcessRef> process = processes.byDefinitionKey(job.getProcessDefinitionKey())
                .map(PublishedProcess::ref);
        return new BlockJob(job.getKey(), process, job.getProcessInstanceKey(), job.getElementId(),
                Map.copyOf(job.getCustomHeaders()), job.getVariablesAsMap());
    }
}
