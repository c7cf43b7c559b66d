package io.atrium.runtime.process.task;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.atrium.platform.access.Actor;
import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.MessageKey;
import io.atrium.platform.app.ValidationException;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Approval jobs and their votes, in {@code process_approvals} keyed by the job key. A vote is
 * pushed in one conditional write (the approval still open, this task and this person not yet
 * voted), and the decision is taken by one conditional write too, so of two nodes counting at
 * once only one completes the job; the approval's other tasks then close.
 */
@Component
public class Approvals {

    /** Longest comment kept with a vote. */
    public static final int MAX_COMMENT = 2_000;
    private static final Logger log = LoggerFactory.getLogger(Approvals.class);
    private static final String OPEN = "OPEN";
    private static final String DECIDED = "DECIDED";

    /** One approver's decision. */
    public record Vote(String task, String by, boolean approved, String comment, Instant at) {
    }

    /** What an approval job asks, as its settings say. */
    record Settings(List<String> approvers, List<String> groups, ApprovalRule rule, String subject,
            String outcomeVariable) {
    }

    private final MongoCollection<Document> approvals;
    private final TaskStore tasks;
    private final CamundaClient client;

    Approvals(MongoDatabase database, TaskStore tasks, CamundaClient client) {
        this.approvals = database.getCollection("process_approvals");
        this.tasks = tasks;
        this.client = client;
    }

    /**
     * Records an approval job and its tasks, unless known already (a job delivered twice yields
     * the same tasks); a job decided before whose completion was lost is completed now.
     */
    void offered(long jobKey, Settings settings, List<ProcessTask> voterTasks) {
        approvals.updateOne(Filters.eq("_id", jobKey), Updates.combine(
                Updates.setOnInsert("voters", voterTasks.size()), Updates.setOnInsert("rule", settings.rule().name()),
                Updates.setOnInsert("outcomeVariable", settings.outcomeVariable()),
                Updates.setOnInsert("subject", settings.subject()), Updates.setOnInsert("votes", List.of()),
                Updates.setOnInsert("state", OPEN), Updates.setOnInsert("createdAt", new Date()),
                Updates.inc("deliveries", 1)),
                new UpdateOptions().upsert(true));
        voterTasks.forEach(tasks::offered);
        var approval = approvals.find(Filters.eq("_id", jobKey)).first();
        if (approval != null && DECIDED.equals(approval.getString("state")) && !approval.getBoolean("completed", false)) {
            finish(jobKey, approval.get("variables", Document.class));
        }
    }

    /**
     * Records the actor's vote through the task and, when the votes decide the approval,
     * completes its job with the outcome and closes its other tasks.
     *
     * @param variables {@code approved} (true or false) and an optional {@code comment}
     * @throws ValidationException      when the decision is missing or the comment is not text
     * @throws IllegalStateException    when the approval is decided already, or the actor voted on it
     */
    void decide(Actor actor, ProcessTask task, Map<String, Object> variables) {
        Object approved = variables.get("approved");
        Object comment = variables.get("comment");
        var errors = new ArrayList<FieldError>();
        if (!(approved instanceof Boolean)) {
            errors.add(FieldError.of("approved", "required", MessageKey.TASK_DECISION_REQUIRED));
        }
        if (comment != null && !(comment instanceof String)) {
            errors.add(FieldError.of("comment", "type", MessageKey.TEXT_EXPECTED));
        } else if (comment != null && ((String) comment).length() > MAX_COMMENT) {
            errors.add(FieldError.of("comment", "maxLength", MessageKey.TEXT_MAX_LENGTH, MAX_COMMENT));
        }
        variables.keySet().stream().filter(name -> !name.equals("approved") && !name.equals("comment"))
                .forEach(name -> errors.add(FieldError.of(name, "unknown", MessageKey.TASK_FIELD_NOT_ON_FORM, name)));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        long jobKey = task.approval().jobKey();
        if (!tasks.takeForCompletion(task.id(), actor.username())) {
            throw new IllegalStateException("Someone is completing the task right now");
        }
        String text = comment == null ? "" : ((String) comment).strip();
        var vote = new Document("task", task.id()).append("by", actor.username()).append("approved", approved)
                .append("comment", text).append("at", new Date());
        var after = approvals.findOneAndUpdate(Filters.and(Filters.eq("_id", jobKey), Filters.eq("state", OPEN),
                        Filters.ne("votes.task", task.id()), Filters.ne("votes.by", actor.username())),
                Updates.push("votes", vote), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (after == null) {
            tasks.release(task.id());
            var now = approvals.find(Filters.eq("_id", jobKey)).first();
            boolean open = now != null && OPEN.equals(now.getString("state"));
            if (!open) {
                tasks.closeApproval(jobKey);
            }
            throw new IllegalStateException(open ? "You have decided on this approval already"
                    : "The approval is decided already");
        }
        tasks.completed(task.id(), actor.username());
        var votes = votes(after);
        int yes = (int) votes.stream().filter(Vote::approved).count();
        var rule = ApprovalRule.valueOf(after.getString("rule"));
        rule.decide(after.getInteger("voters"), yes, votes.size() - yes).ifPresent(outcome -> {
            var result = outcome(after.getString("outcomeVariable"), outcome, votes);
            boolean mine = approvals.updateOne(Filters.and(Filters.eq("_id", jobKey), Filters.eq("state", OPEN)),
                    Updates.combine(Updates.set("state", DECIDED), Updates.set("outcome", outcome),
                            Updates.set("variables", result), Updates.set("decidedAt", new Date())))
                    .getModifiedCount() == 1;
            if (mine) {
                finish(jobKey, result);
            }
        });
    }

    /** The votes cast on an approval so far, in the order they came. */
    public List<Vote> votes(long jobKey) {
        var approval = approvals.find(Filters.eq("_id", jobKey)).first();
        return approval == null ? List.of() : votes(approval);
    }

    /** The approval's job is gone (its instance was canceled, a boundary event fired). */
    void canceled(long jobKey) {
        approvals.updateOne(Filters.and(Filters.eq("_id", jobKey), Filters.eq("state", OPEN)),
                Updates.set("state", "CANCELED"));
        tasks.closeApproval(jobKey);
    }

    private void finish(long jobKey, Map<String, Object> variables) {
        tasks.closeApproval(jobKey);
        for (int attempt = 1; ; attempt++) {
            try {
                client.newCompleteCommand(jobKey).variables(variables).send().join();
                approvals.updateOne(Filters.eq("_id", jobKey), Updates.set("completed", true));
                return;
            } catch (ClientStatusException e) {
                if (e.getStatusCode() == Status.Code.NOT_FOUND) {
                    approvals.updateOne(Filters.eq("_id", jobKey), Updates.set("completed", true));
                    return; // the process moved on without it
                }
                if (attempt == 3) {
                    // decided and recorded: the engine gives the job out again, and offering it completes it
                    log.warn("The decided approval {} could not complete its job yet", jobKey, e);
                    return;
                }
            } catch (RuntimeException e) {
                if (attempt == 3) {
                    log.warn("The decided approval {} could not complete its job yet", jobKey, e);
                    return;
                }
            }
        }
    }

    private static Document outcome(String variable, boolean outcome, List<Vote> votes) {
        var comments = new ArrayList<Map<String, Object>>();
        for (Vote vote : votes) {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("by", vote.by());
            entry.put("approved", vote.approved());
            entry.put("comment", vote.comment());
            entry.put("at", vote.at().toString());
            comments.add(entry);
        }
        return new Document(variable, outcome).append(variable + "Comments", comments);
    }

    private static List<Vote> votes(Document approval) {
        var out = new ArrayList<Vote>();
        for (Document vote : approval.getList("votes", Document.class, List.of())) {
            out.add(new Vote(vote.getString("task"), vote.getString("by"), vote.getBoolean("approved", false),
                    vote.getString("comment"), Optional.ofNullable(vote.getDate("at")).map(Date::toInstant)
                    .orElse(Instant.EPOCH)));
        }
        return out;
    }
}
