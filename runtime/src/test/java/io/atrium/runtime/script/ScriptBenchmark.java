package io.atrium.runtime.script;

import io.atrium.platform.access.Actor;
import io.atrium.platform.script.PublishedScript;
import io.atrium.platform.script.ScriptCatalog;
import io.atrium.platform.script.ScriptDraft;
import io.atrium.platform.script.ScriptLanguage;
import io.atrium.platform.script.ScriptModule;
import io.atrium.platform.script.ScriptRef;
import io.atrium.platform.script.ScriptSummary;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import tools.jackson.databind.JsonNode;

/**
 * Calls per second of a small item-transforming function through the platform's binding (pooled
 * context, limits, watchdog, the JSON crossing) against a bare GraalJS loop calling the same
 * compiled function with the same JSON in and out, in the same run; the p99 of acquiring a
 * pooled context; and how long after its time limit a runaway script stops.
 * Usage: ScriptBenchmark [calls per round; default 20000]
 */
public final class ScriptBenchmark {

    private static final int ROUNDS = 5;
    private static final String SOURCE = """
            export function enrich(input: { item: { id: string; values: { name: string; amount: number; city: string } } }) {
              const v = input.item.values;
              const tier = v.amount > 10000 ? 'gold' : v.amount > 1000 ? 'silver' : 'bronze';
              return { id: input.item.id, label: v.name.toUpperCase() + ' (' + v.city + ')', tier,
                       gross: Math.round(v.amount * 1.2 * 100) / 100 };
            }
            export function spin(): number { let n = 0; while (true) { n++; } }
            """;
    private static final String ITEM = """
            {"item":{"id":"65a1b2c3d4e5f60718293a4b","version":3,"values":{"name":"Northwind","amount":12500.5,"city":"Oslo"}}}""";

    private ScriptBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        var ref = new ScriptRef("bench", "enrich");
        var module = new ScriptModule(ref, ScriptLanguage.TYPESCRIPT, SOURCE);
        ScriptModule.Compiled compiled;
        try (var compiler = new TypeScriptCompiler()) {
            long started = System.nanoTime();
            compiled = compiler.compile(module, Map.of());
            System.out.printf("first compile (loads TypeScript): %.0f ms%n", (System.nanoTime() - started) / 1e6);
            started = System.nanoTime();
            compiler.compile(module, Map.of());
            System.out.printf("next compile: %.0f ms%n", (System.nanoTime() - started) / 1e6);
        }
        var published = new PublishedScript(1, module.compiledAs(compiled), Instant.now(), "bench");
        JsonNode input = SdkAnswers.JSON.readTree(ITEM);

        try (var runner = new ScriptRunner(new OneModule(published)::current, new SdkServices(null, null, null, null,
                null, null), ScriptLimits.DEFAULT);
                var bare = new Bare(compiled.javascript(), 0);
                var limited = new Bare(compiled.javascript(), ScriptLimits.DEFAULT.statements())) {
            // warm-up of both paths, not measured
            platform(runner, ref, input, calls / 2, null);
            platformText(runner, ref, calls / 2);
            bare.run(calls / 2);
            limited.run(calls / 2);
            double platformSeconds = 0;
            double textSeconds = 0;
            double bareSeconds = 0;
            double limitedSeconds = 0;
            var acquisitions = new ArrayList<Double>();
            for (int round = 0; round < ROUNDS; round++) {
                platformSeconds += platform(runner, ref, input, calls, acquisitions);
                textSeconds += platformText(runner, ref, calls);
                bareSeconds += bare.run(calls);
                limitedSeconds += limited.run(calls);
            }
            double limitedRate = calls * ROUNDS / limitedSeconds;
            double platformRate = calls * ROUNDS / platformSeconds;
            double textRate = calls * ROUNDS / textSeconds;
            double bareRate = calls * ROUNDS / bareSeconds;
            Collections.sort(acquisitions);
            System.out.printf("path | calls/s   (%d calls x %d rounds, one thread)%n", calls, ROUNDS);
            System.out.printf("platform binding, input a JSON tree, result read as a tree | %.0f%n", platformRate);
            System.out.printf("platform binding, input and result JSON text (as the bare loop) | %.0f%n", textRate);
            System.out.printf("bare GraalJS loop | %.0f%n", bareRate);
            System.out.printf("bare GraalJS loop with the same statement limit | %.0f%n", limitedRate);
            System.out.printf("platform (tree) / bare | %.2f%n", platformRate / bareRate);
            System.out.printf("platform (text) / bare | %.2f%n", textRate / bareRate);
            System.out.printf("platform (text) / bare with the statement limit | %.2f%n", textRate / limitedRate);
            System.out.printf("context acquisition p50 / p99 / max: %.3f / %.3f / %.3f ms%n",
                    acquisitions.get(acquisitions.size() / 2), acquisitions.get((int) (acquisitions.size() * 0.99)),
                    acquisitions.getLast());

            var stops = new ArrayList<Double>();
            for (int i = 0; i < 10; i++) {
                var call = ScriptCall.of("run", Actor.SYSTEM, ScriptLimits.DEFAULT.withTime(Duration.ofMillis(200)),
                        "bench");
                long started = System.nanoTime();
                try {
                    runner.run(ref, "spin", input, call);
                    throw new IllegalStateException("the runaway script ran to an end");
                } catch (ScriptFailure e) {
                    stops.add((System.nanoTime() - started) / 1e6 - 200);
                }
            }
            Collections.sort(stops);
            System.out.printf("runaway script, time limit 200 ms: stopped %.1f ms (median) / %.1f ms (max) after "
                    + "its limit%n", stops.get(stops.size() / 2), stops.getLast());
        }
    }

    /** Calls with the same JSON text the bare loop gets, and takes the result's text as it does. */
    private static double platformText(ScriptRunner runner, ScriptRef ref, int calls) {
        long started = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            var result = runner.runJson(ref, "enrich", ITEM, ScriptCall.of("run", Actor.SYSTEM, ScriptLimits.DEFAULT,
                    "bench"));
            if (result.json().isEmpty()) {
                throw new IllegalStateException("no result");
            }
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /** Calls with a JSON tree and reads the result back as a tree, as the REST API and bindings do. */
    private static double platform(ScriptRunner runner, ScriptRef ref, JsonNode input, int calls,
            List<Double> acquisitions) {
        long started = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            var result = runner.run(ref, "enrich", input, ScriptCall.of("run", Actor.SYSTEM, ScriptLimits.DEFAULT,
                    "bench"));
            if (result.value().isMissingNode()) {
                throw new IllegalStateException("no result");
            }
            if (acquisitions != null) {
                acquisitions.add(result.acquireMs());
            }
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /** The same compiled module in a context of the same engine kind, called in a loop with the same JSON. */
    private static final class Bare implements AutoCloseable {
        private final Engine engine = Engine.newBuilder("js").sandbox(SandboxPolicy.CONSTRAINED)
                .out(OutputStream.nullOutputStream()).err(OutputStream.nullOutputStream())
                .option("engine.WarnInterpreterOnly", "false").build();
        private final Context context;
        private final Value call;
        private final boolean limited;

        /** @param statementLimit as the sandbox sets it per call, or 0 for none */
        Bare(String javascript, long statementLimit) {
            var builder = Context.newBuilder("js").engine(engine).sandbox(SandboxPolicy.CONSTRAINED)
                    .allowIO(IOAccess.NONE).out(OutputStream.nullOutputStream()).err(OutputStream.nullOutputStream());
            limited = statementLimit > 0;
            if (limited) {
                builder.resourceLimits(org.graalvm.polyglot.ResourceLimits.newBuilder()
                        .statementLimit(statementLimit, null).build());
            }
            context = builder.build();
            Value factory = context.eval("js", "(function (exports, require, module) {" + javascript + "\n})");
            Value module = context.eval("js", "({ exports: {} })");
            factory.execute(module.getMember("exports"), Value.asValue(null), module);
            Value enrich = module.getMember("exports").getMember("enrich");
            call = context.eval("js", "(fn) => (input) => JSON.stringify(fn(JSON.parse(input)))").execute(enrich);
        }

        double run(int calls) {
            long started = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                if (limited) {
                    context.resetLimits();
                }
                call.execute(ITEM).asString();
            }
            return (System.nanoTime() - started) / 1e9;
        }

        @Override
        public void close() {
            context.close(true);
            engine.close(true);
        }
    }

    /** A catalog that knows one published module. */
    private record OneModule(PublishedScript published) implements ScriptCatalog {
        @Override
        public Optional<PublishedScript> current(ScriptRef ref) {
            return ref.equals(published.ref()) ? Optional.of(published) : Optional.empty();
        }

        @Override
        public ScriptDraft saveDraft(Actor actor, ScriptModule module) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<ScriptDraft> draft(ScriptRef ref) {
            return Optional.empty();
        }

        @Override
        public PublishedScript publish(Actor actor, ScriptRef ref) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<PublishedScript> version(ScriptRef ref, int version) {
            return current(ref);
        }

        @Override
        public List<PublishedScript> versions(ScriptRef ref) {
            return List.of(published);
        }

        @Override
        public List<ScriptSummary> summaries() {
            return List.of();
        }

        @Override
        public ScriptDraft restoreAsDraft(Actor actor, ScriptRef ref, int version) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean mayDevelop(Actor actor) {
            return true;
        }

        @Override
        public boolean mayRead(Actor actor) {
            return true;
        }
    }
}
