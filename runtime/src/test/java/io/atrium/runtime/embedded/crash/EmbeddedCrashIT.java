package io.atrium.runtime.embedded.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.atrium.runtime.ChildJvm;
import io.atrium.runtime.embedded.EmbeddedClients;
import io.atrium.runtime.embedded.EngineCredentials;
import io.atrium.runtime.embedded.EngineCredentialsFile;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a JVM running the embedded stand-ins with SIGKILL at random moments under a steady load
 * of document inserts, process starts, job completions and message correlations, restarts it on
 * the same data, and checks that nothing acknowledged was lost, nothing was duplicated, every
 * acknowledged process instance completes, and the documents' secondary indexes hold exactly the
 * documents that survived (an index write is committed with its document or not at all).
 */
class EmbeddedCrashIT {

    private static final int KILLS = 4;
    private static final Duration COMPLETION_WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dataDir;

    private final Random random = new Random(Long.getLong("atrium.crash.seed", System.nanoTime()));
    private Process node;
    private int mongoPort;
    private int zeebePort;

    /** Acknowledged document ids. */
    private final Set<String> ackedDocuments = ConcurrentHashMap.newKeySet();
    /** Acknowledged process starts: order id to instance key. */
    private final Map<String, Long> ackedInstances = new ConcurrentHashMap<>();
    /** Orders whose payment message is acknowledged. */
    private final Set<String> paid = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sequence = new AtomicInteger();
    /** Acknowledged process starts each round waits for before its kill (the test needs more than 20). */
    private static final int MIN_STARTS_PER_ROUND = 6;

    @AfterEach
    void stopNode() {
        if (node != null) {
            node.destroyForcibly();
        }
    }

    @Test
    void shouldLoseAndDuplicateNothingAcrossKills() throws Exception {
        mongoPort = freePort();
        zeebePort = freePort();
        startNode();
        try (MongoClient mongo = mongoClient(); CamundaClient camunda = camundaClient()) {
            camunda.newDeployResourceCommand()
                    .addResourceFromClasspath("io/atrium/runtime/embedded/crash/EmbeddedCrashIT.bpmn")
                    .send().join(20, TimeUnit.SECONDS);
            var completions = mongo.getDatabase("atrium").getCollection("completions");
            var indexed = mongo.getDatabase("atrium").getCollection("documents");
            indexed.createIndex(new Document("subject", 1));
            indexed.createIndex(new Document("bucket", 1).append("seq", -1));
            List<JobWorker> workers = List.of(
                    camunda.newWorker().jobType("compute-total")
                            .handler((jobs, job) -> jobs.newCompleteCommand(job)
                                    .variables(Map.of("total", 42)).send().join())
                            .timeout(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100)).open(),
                    camunda.newWorker().jobType("record-completion")
                            .handler((jobs, job) -> {
                                var vars = job.getVariablesAsMap();
                                // an upsert keyed by order: a job delivered twice writes once
                                completions.replaceOne(Filters.eq("_id", vars.get("orderId")),
                                        new Document("_id", vars.get("orderId"))
                                                .append("instanceKey", job.getProcessInstanceKey())
                                                .append("paid", vars.get("paid")),
                                        new ReplaceOptions().upsert(true));
                                jobs.newCompleteCommand(job).send().join();
                            })
                            .timeout(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100)).open());
            try {
                for (int kill = 1; kill <= KILLS; kill++) {
                    var running = new AtomicBoolean(true);
                    var load = List.of(
                            Thread.ofVirtual().start(() -> insertDocuments(mongo, running)),
                            Thread.ofVirtual().start(() -> startInstances(camunda, running)),
                            Thread.ofVirtual().start(() -> publishPayments(camunda, running)));
                    int startsBefore = ackedInstances.size();
                    Thread.sleep(1_000 + random.nextInt(2_500));
                    // on a loaded machine, wait for some progress before the kill, so every round counts
                    long progressDeadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    while (ackedInstances.size() - startsBefore < MIN_STARTS_PER_ROUND
                            && System.nanoTime() < progressDeadline) {
                        Thread.sleep(100);
                    }
                    node.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hooks, no flush
                    Thread.sleep(random.nextInt(300));
                    startNode();
                    running.set(false);
                    for (Thread t : load) {
                        t.join();
                    }
                }
                // let every payment through, then wait for every acknowledged instance to finish
                var settle = new AtomicBoolean(true);
                var payments = Thread.ofVirtual().start(() -> publishPayments(camunda, settle));
                long deadline = System.nanoTime() + COMPLETION_WAIT.toNanos();
                while (completions.countDocuments() < ackedInstances.size() && System.nanoTime() < deadline) {
                    Thread.sleep(250);
                }
                settle.set(false);
                payments.join();
            } finally {
                workers.forEach(JobWorker::close);
            }

            System.out.printf("crash test: %d kills, %d acknowledged inserts, %d acknowledged process starts, "
                    + "%d acknowledged payments, %d completions%n", KILLS, ackedDocuments.size(), ackedInstances.size(),
                    paid.size(), completions.countDocuments());
            assertThat(ackedDocuments).as("acknowledged documents").hasSizeGreaterThan(50);
            assertThat(ackedInstances).as("acknowledged process starts").hasSizeGreaterThan(20);

            var documents = mongo.getDatabase("atrium").getCollection("documents");
            var stored = new HashSet<String>();
            documents.find().forEach(d -> stored.add(d.getString("_id")));
            assertThat(stored).as("every acknowledged insert survived").containsAll(ackedDocuments);
            assertIndexesHoldExactly(mongo.getDatabase("atrium"), stored);

            var completed = new ArrayList<Document>();
            completions.find().into(completed);
            Map<String, Long> completedKeys = new ConcurrentHashMap<>();
            completed.forEach(d -> completedKeys.put(d.getString("_id"), d.getLong("instanceKey")));
            assertThat(completedKeys).as("every acknowledged instance completed, each exactly once, with its own key")
                    .containsAllEntriesOf(ackedInstances);
            assertThat(completed).allSatisfy(d -> assertThat(d.getBoolean("paid")).isTrue());
        }
    }

    /** Each index has one entry per surviving document, and answers as the scan does. */
    private static void assertIndexesHoldExactly(MongoDatabase db, Set<String> stored) {
        var documents = db.getCollection("documents");
        Document keys = db.runCommand(new Document("validate", "documents")).get("keysPerIndex", Document.class);
        assertThat(((Number) keys.get("subject_1")).longValue()).as("subject index entries").isEqualTo(stored.size());
        assertThat(((Number) keys.get("bucket_1_seq_-1")).longValue()).as("bucket index entries")
                .isEqualTo(stored.size());
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            List<Document> fromIndex = documents.find(Filters.eq("bucket", bucket)).into(new ArrayList<>());
            List<Document> fromScan = documents.find(Filters.or(Filters.eq("bucket", bucket))).into(new ArrayList<>());
            assertThat(fromIndex).as("bucket %d from the index", bucket).containsExactlyElementsOf(fromScan);
        }
        for (String id : stored) {
            assertThat(documents.find(Filters.eq("subject", "Request " + id)).into(new ArrayList<>()))
                    .as("document %s found through its subject", id).hasSize(1);
        }
    }

    private static final int BUCKETS = 7;

    private void insertDocuments(MongoClient mongo, AtomicBoolean running) {
        var documents = mongo.getDatabase("atrium").getCollection("documents");
        while (running.get()) {
            int n = sequence.incrementAndGet();
            String id = "doc-" + n;
            try {
                documents.insertOne(new Document("_id", id).append("subject", "Request " + id)
                        .append("bucket", n % BUCKETS).append("seq", n));
                ackedDocuments.add(id);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    // a retried insert whose first attempt had landed: it is there, once
                    ackedDocuments.add(id);
                }
            } catch (RuntimeException nodeDown) {
                pause();
            }
        }
    }

    private void startInstances(CamundaClient camunda, AtomicBoolean running) {
        while (running.get()) {
            String order = "order-" + sequence.incrementAndGet();
            try {
                long key = camunda.newCreateInstanceCommand().bpmnProcessId("crash-order").latestVersion()
                        .variables(Map.of("orderId", order)).send().join(5, TimeUnit.SECONDS)
                        .getProcessInstanceKey();
                ackedInstances.put(order, key);
            } catch (RuntimeException nodeDown) {
                pause(); // not acknowledged: never retried, so it can never run twice
            }
        }
    }

    /** Publishes each started order's payment until acknowledged; the message id makes a retry a no-op. */
    private void publishPayments(CamundaClient camunda, AtomicBoolean running) {
        while (running.get()) {
            boolean any = false;
            for (String order : ackedInstances.keySet()) {
                if (paid.contains(order) || !running.get()) {
                    continue;
                }
                any = true;
                try {
                    camunda.newPublishMessageCommand().messageName("payment-received").correlationKey(order)
                            .messageId("payment-" + order).timeToLive(Duration.ofMinutes(10))
                            .variables(Map.of("paid", true)).send().join(5, TimeUnit.SECONDS);
                    paid.add(order);
                } catch (RuntimeException e) {
                    if (String.valueOf(e.getMessage()).contains("ALREADY_EXISTS")) {
                        paid.add(order); // the earlier attempt landed
                    } else {
                        pause();
                    }
                }
            }
            if (!any) {
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void startNode() throws IOException, InterruptedException {
        node = ChildJvm.start("512m", CrashNode.class, List.of(dataDir.toString(), String.valueOf(mongoPort),
                String.valueOf(zeebePort)), dataDir.resolve("node.log"));
    }

    /** The node's credentials, as its first start generated them into the data directory. */
    private EngineCredentials credentials(String engine) {
        return EngineCredentialsFile.in(dataDir).obtain(engine).credentials();
    }

    private MongoClient mongoClient() {
        var credentials = credentials("mongodb");
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://" + credentials.uriUserInfo()
                        + "@127.0.0.1:" + mongoPort + "/?authSource=admin"))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(2, TimeUnit.SECONDS))
                .applyToSocketSettings(s -> s.connectTimeout(2, TimeUnit.SECONDS).readTimeout(5, TimeUnit.SECONDS))
                .build());
    }

    private CamundaClient camundaClient() {
        return EmbeddedClients.camunda(URI.create("http://127.0.0.1:" + zeebePort), credentials("zeebe"))
                .defaultRequestTimeout(Duration.ofSeconds(5)).build();
    }

    private static int freePort() throws IOException {
        return ChildJvm.freePort();
    }
}
