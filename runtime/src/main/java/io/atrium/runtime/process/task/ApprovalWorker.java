package io.atrium.runtime.process.task;

import io.atrium.platform.identity.UserDirectory;
import io.atrium.platform.process.ProcessCatalog;
import io.atrium.platform.process.PublishedProcess;
import io.atrium.runtime.process.block.BlockFailure;
import io.atrium.runtime.process.block.BlockJob;
import io.atrium.runtime.process.block.LongRunningBlock;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobWorker;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The approval block, {@code atrium:approval}: a service task whose job is held (like a user
 * task's) while the approvers decide in their inboxes. Settings, as headers or input mappings:
 * {@code approvers} (user names), {@code approverGroups} (candidate groups), {@code rule}
 * ({@code any}, {@code all}, {@code majority}), {@code subject}, {@code outcomeVariable}
 * ({@code approved}), and optionally {@code dueDate} and {@code priority} for the tasks. Each
 * approver gets one task keyed by the job key and their name; groups share one task.
 */
@Component
class ApprovalWorker implements SmartLifecycle, LongRunningBlock {

    static final String TYPE = "atrium:approval";
    /** The id suffix of the one task an approval's groups share. */
    static final String GROUP_TASK = "~groups";
    private static final Duration HOLD = Duration.ofDays(30);
    private static final Duration BACKOFF = Duration.ofSeconds(2);
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,60}");

    private final CamundaClient client;
    private final Approvals approvals;
    private final ProcessCatalog catalog;
    private final ElementNames names;
    private final UserDirectory users;
    private JobWorker worker;

    ApprovalWorker(CamundaClient client, Approvals approvals, ProcessCatalog catalog, ElementNames names,
            UserDirectory users) {
        this.client = client;
        this.approvals = approvals;
        this.catalog = catalog;
        this.names = names;
        this.users = users;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Set<String> requiredFields() {
        return Set.of(); // approvers or approverGroups: one of them, checked when the job runs
    }

    @Override
    public synchronized void start() {
        worker = client.newWorker().jobType(TYPE).handler(this::handle).name("atrium-approvals").maxJobsActive(64)
                .timeout(HOLD).pollInterval(Duration.ofMillis(100)).open();
    }

    @Override
    public synchronized void stop() {
        if (worker != null) {
            worker.close();
            worker = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return worker != null;
    }

    private void handle(JobClient jobs, ActivatedJob job) {
        var process = catalog.byDefinitionKey(job.getProcessDefinitionKey()).map(PublishedProcess::ref);
        var block = new BlockJob(job.getKey(), process, job.getProcessInstanceKey(), job.getElementId(),
                Map.copyOf(job.getCustomHeaders()), job.getVariablesAsMap());
        String name = names.of(job.getProcessDefinitionKey(), job.getElementId());
        try {
            var settings = settings(block, name);
            approvals.offered(job.getKey(), settings, tasks(job, block, settings, name));
        } catch (BlockFailure | IllegalArgumentException e) {
            jobs.newFailCommand(job.getKey()).retries(Math.max(0, job.getRetries() - 1)).retryBackoff(BACKOFF)
                    .errorMessage(e.getMessage()).send().join();
        }
    }

    Approvals.Settings settings(BlockJob job, String elementName) {
        var approvers = new ArrayList<String>();
        for (String approver : names(job, "approvers")) {
            String user = approver.toLowerCase(Locale.ROOT);
            if (users.findByUsername(user).isEmpty()) {
                throw new BlockFailure("The approver " + approver + " is no user of the platform");
            }
            approvers.add(user);
        }
        var groups = names(job, "approverGroups");
        if (approvers.isEmpty() && groups.isEmpty()) {
            throw new BlockFailure("Nobody to approve: set approvers or approverGroups");
        }
        String outcome = job.text("outcomeVariable").orElse("approved");
        if (!VARIABLE.matcher(outcome).matches()) {
            throw new BlockFailure("The outcome variable is a name like approved, not " + outcome);
        }
        return new Approvals.Settings(approvers, groups, ApprovalRule.parse(job.text("rule").orElse(null)),
                job.text("subject").orElse(elementName), outcome);
    }

    private static List<ProcessTask> tasks(ActivatedJob job, BlockJob block, Approvals.Settings settings,
            String name) {
        var approval = new ProcessTask.Approval(job.getKey(), settings.subject(), settings.rule());
        Instant due = instant(block.text("dueDate").orElse(null));
        int priority = block.value("priority").filter(Number.class::isInstance)
                .map(n -> Math.clamp(((Number) n).intValue(), 0, 100)).orElse(50);
        var shown = UserTaskWorker.shown(job.getVariablesAsMap());
        var out = new ArrayList<ProcessTask>();
        Instant now = Instant.now();
        for (String approver : settings.approvers()) {
            out.add(new ProcessTask(job.getKey() + "-" + approver, job.getProcessInstanceKey(),
                    block.process().orElse(null), job.getProcessDefinitionKey(), job.getElementId(), name, approver,
                    List.of(), List.of(approver), due, null, priority, null, null, shown, approval,
                    ProcessTask.State.OPEN, now, null, null));
        }
        if (!settings.groups().isEmpty()) {
            out.add(new ProcessTask(job.getKey() + GROUP_TASK, job.getProcessInstanceKey(),
                    block.process().orElse(null), job.getProcessDefinitionKey(), job.getElementId(), name, null,
                    settings.groups(), List.of(), due, null, priority, null, null, shown, approval,
                    ProcessTask.State.OPEN, now, null, null));
        }
        return out;
    }

    /** Names given as a list, as one name, or as text separated by commas. */
    private static List<String> names(BlockJob job, String setting) {
        var out = new LinkedHashSet<String>();
        for (Object value : job.list(setting)) {
            if (value != null) {
                out.addAll(UserTaskWorker.list(String.valueOf(value)));
            }
        }
        return List.copyOf(out);
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new BlockFailure("The due date is a date and time like 2026-11-22T10:15:00Z, not " + text);
        }
    }
}
