package io.atrium.runtime.process.instance;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.atrium.runtime.connection.ZeebeConnection;
import io.camunda.zeebe.process.test.engine.EngineRecordReader;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On the node that runs the embedded engine, reads the engine's events as an exporter would and
 * keeps {@link InstanceStore} up to date: states, element instances, taken flows, variables and
 * incidents. The position read is kept in MongoDB, and every change is idempotent, so a restart
 * re-reads at most one batch. With an external engine this does nothing (see the operations guide).
 */
@Component
class EngineProjection implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EngineProjection.class);
    private static final int BATCH = 2_000;
    /**
     * How often the log is read. Longer gathers more of each instance's events into one write
     * (a short instance's whole life is often one write); monitoring lags by about this much.
     */
    private static final java.time.Duration INTERVAL = java.time.Duration.ofMillis(400);
    private static final int MAX_VARIABLE = 4_000;
    private static final Set<ValueType> TYPES = Set.of(ValueType.PROCESS_INSTANCE, ValueType.INCIDENT,
            ValueType.VARIABLE, ValueType.JOB);

    private final ZeebeConnection connection;
    private final InstanceStore store;
    private final ApplicationEventPublisher events;
    private final MongoCollection<Document> positions;
    private ScheduledExecutorService executor;
    private EngineRecordReader reader;
    private long position = -1;

    EngineProjection(ZeebeConnection connection, InstanceStore store, ApplicationEventPublisher events,
            MongoDatabase database) {
        this.connection = connection;
        this.store = store;
        this.events = events;
        this.positions = database.getCollection("process_projection");
    }

    @Override
    public synchronized void start() {
        var engine = connection.embedded();
        if (engine.isEmpty()) {
            return;
        }
        reader = engine.get().newRecordReader(TYPES);
        var saved = positions.find(Filters.eq("_id", "engine")).first();
        position = saved == null ? -1 : saved.getLong("position");
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "atrium-engine-projection"));
        executor.scheduleWithFixedDelay(this::catchUp, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
            reader.close();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    /** Stop before the engine's connection closes. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private void catchUp() {
        try {
            int read;
            do {
                var changes = new LinkedHashMap<Long, InstanceStore.Change>();
                var canceledJobs = new ArrayList<JobCanceled>();
                long before = position;
                long after = reader.read(position, BATCH, r -> project(r, changes, canceledJobs));
                read = after == before ? 0 : 1;
                if (after != before) {
                    store.apply(List.copyOf(changes.values()));
                    positions.replaceOne(Filters.eq("_id", "engine"), new Document("_id", "engine").append("position", after),
                            new ReplaceOptions().upsert(true));
                    position = after;
                    canceledJobs.forEach(events::publishEvent);
                }
            } while (read > 0);
        } catch (RuntimeException e) {
            log.warn("Reading the engine's events failed; trying again shortly", e);
        }
    }

    private static void project(Record<?> record, Map<Long, InstanceStore.Change> changes, List<JobCanceled> canceled) {
        switch (record.getValue()) {
            case ProcessInstanceRecordValue value -> element(record, value, changes);
            case IncidentRecordValue value -> incident(record, value, changes);
            case VariableRecordValue value -> variable(record, value, changes);
            case JobRecordValue value when record.getIntent() == JobIntent.CANCELED ->
                    canceled.add(new JobCanceled(record.getKey(), value.getType()));
            default -> { }
        }
    }

    private static void element(Record<?> record, ProcessInstanceRecordValue value,
            Map<Long, InstanceStore.Change> changes) {
        var change = changes.computeIfAbsent(value.getProcessInstanceKey(), InstanceStore.Change::new);
        var intent = (ProcessInstanceIntent) record.getIntent();
        Date at = new Date(record.getTimestamp());
        if (intent == ProcessInstanceIntent.SEQUENCE_FLOW_TAKEN) {
            change.flow(value.getElementId());
            return;
        }
        if (value.getBpmnElementType() == BpmnElementType.PROCESS) {
            switch (intent) {
                case ELEMENT_ACTIVATED -> {
                    String engineId = value.getBpmnProcessId();
                    int dot = engineId.indexOf('.');
                    change.set("engineId", engineId).set("definitionKey", value.getProcessDefinitionKey())
                            .set("parentKey", value.getParentProcessInstanceKey())
                            .setOnInsert("state", InstanceState.ACTIVE.name()).setOnInsert("startedAt", at);
                    if (dot > 0) {
                        change.setOnInsert("process", engineId.substring(0, dot) + "/" + engineId.substring(dot + 1));
                    }
                }
                case ELEMENT_COMPLETED -> change.set("state", InstanceState.COMPLETED.name()).set("endedAt", at);
                case ELEMENT_TERMINATED -> change.set("state", InstanceState.CANCELED.name()).set("endedAt", at);
                default -> { }
            }
            return;
        }
        String path = "elements." + record.getKey() + ".";
        switch (intent) {
            case ELEMENT_ACTIVATING -> change.set(path + "id", value.getElementId())
                    .set(path + "type", value.getBpmnElementType().name()).set(path + "state", "ACTIVE")
                    .set(path + "startedAt", at);
            case ELEMENT_COMPLETED -> change.set(path + "state", "COMPLETED").set(path + "endedAt", at);
            case ELEMENT_TERMINATED -> change.set(path + "state", "TERMINATED").set(path + "endedAt", at);
            default -> { }
        }
    }

    private static void incident(Record<?> record, IncidentRecordValue value, Map<Long, InstanceStore.Change> changes) {
        var change = changes.computeIfAbsent(value.getProcessInstanceKey(), InstanceStore.Change::new);
        String path = "incidents." + record.getKey() + ".";
        if (record.getIntent() == IncidentIntent.CREATED) {
            change.set(path + "elementId", value.getElementId())
                    .set(path + "elementInstanceKey", value.getElementInstanceKey())
                    .set(path + "jobKey", value.getJobKey()).set(path + "errorType", value.getErrorType().name())
                    .set(path + "message", value.getErrorMessage()).set(path + "resolved", false)
                    .set(path + "createdAt", new Date(record.getTimestamp())).set("hasIncident", true);
        } else if (record.getIntent() == IncidentIntent.RESOLVED) {
            change.set(path + "resolved", true).set("hasIncident", false);
        }
    }

    private static void variable(Record<?> record, VariableRecordValue value, Map<Long, InstanceStore.Change> changes) {
        if (value.getScopeKey() != value.getProcessInstanceKey()
                || (record.getIntent() != VariableIntent.CREATED && record.getIntent() != VariableIntent.UPDATED)) {
            return; // the instance's own variables; local ones stay in the engine
        }
        String json = value.getValue();
        if (json.length() > MAX_VARIABLE) {
            json = json.substring(0, MAX_VARIABLE) + "…";
        }
        changes.computeIfAbsent(value.getProcessInstanceKey(), InstanceStore.Change::new)
                .set("variables." + InstanceStore.Names.encode(value.getName()), json);
    }
}
