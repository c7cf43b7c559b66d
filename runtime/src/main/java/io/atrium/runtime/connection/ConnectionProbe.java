package io.atrium.runtime.connection;

import io.atrium.runtime.embedded.EmbeddedZeebeEngine;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bson.Document;
import org.springframework.stereotype.Service;

/**
 * Asks MongoDB and Zeebe whether they answer right now, each within a short time limit. Used by
 * the health endpoint and by the status shown to administrators.
 */
@Service
public class ConnectionProbe {

    static final Duration LIMIT = Duration.ofSeconds(3);

    /** The outcome of one probe: whether it answered and what it said (or what went wrong). */
    public record Probe(String component, ConnectionMode mode, String address, boolean up, String detail) {
    }

    private final MongoConnection mongo;
    private final ZeebeConnection zeebe;

    public ConnectionProbe(MongoConnection mongo, ZeebeConnection zeebe) {
        this.mongo = mongo;
        this.zeebe = zeebe;
    }

    public Probe mongo() {
        String address = mongo.embedded().map(s -> s.connectionString()).orElse("external");
        try {
            Document reply = bounded("mongo-probe",
                    () -> mongo.client().getDatabase(mongo.databaseName()).runCommand(new Document("ping", 1)));
            boolean ok = reply.get("ok", Number.class).doubleValue() == 1.0;
            return new Probe("mongo", mongo.mode(), address, ok, ok ? "ping answered" : reply.toJson());
        } catch (Exception e) {
            return new Probe("mongo", mongo.mode(), address, false, describe(e));
        }
    }

    public Probe zeebe() {
        URI address = zeebe.gatewayAddress();
        // The gateway answers topology requests even when the engine behind it has stopped.
        var failure = zeebe.embedded().flatMap(EmbeddedZeebeEngine::failure);
        if (failure.isPresent()) {
            return new Probe("zeebe", zeebe.mode(), address.toString(), false, failure.get());
        }
        try {
            var topology = zeebe.client().newTopologyRequest().requestTimeout(LIMIT).send()
                    .toCompletableFuture().get(LIMIT.toMillis() + 500, TimeUnit.MILLISECONDS);
            boolean ok = !topology.getBrokers().isEmpty();
            String detail = ok ? topology.getBrokers().size() + " broker(s), " + topology.getPartitionsCount()
                    + " partition(s)" : "the gateway knows no broker";
            return new Probe("zeebe", zeebe.mode(), address.toString(), ok, detail);
        } catch (Exception e) {
            return new Probe("zeebe", zeebe.mode(), address.toString(), false, describe(e));
        }
    }

    private static <T> T bounded(String name, Callable<T> callable) throws Exception {
        var task = new FutureTask<>(callable);
        Thread.ofVirtual().name(name).start(task);
        try {
            return task.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            task.cancel(true);
            throw e;
        }
    }

    private static String describe(Exception e) {
        Throwable root = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        if (root instanceof TimeoutException) {
            return "no answer within " + LIMIT.toSeconds() + " s";
        }
        return root.getClass().getSimpleName();
    }
}
