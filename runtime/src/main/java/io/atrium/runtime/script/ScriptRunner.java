package io.atrium.runtime.script;

import io.atrium.platform.definition.DefinitionsChanged;
import io.atrium.platform.script.PublishedScript;
import io.atrium.platform.script.ScriptPublished;
import io.atrium.platform.script.ScriptRef;
import io.atrium.runtime.script.ScriptFailure.Kind;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * Runs exported functions of published modules in sandboxed GraalJS contexts.
 *
 * <p>One engine is shared, so sources are parsed once. A context is made for a module and the
 * modules it imports (at their current versions), links them through the bootstrap, and is kept
 * in a pool for the next call of the same set; publishing any module drops the pools. Contexts
 * run under {@link SandboxPolicy#CONSTRAINED}: no host class lookup, no IO, no threads or
 * processes, standard streams discarded, only the SDK's exported members. Values cross as JSON.
 *
 * <p>Each call is watched: past its time or its allocation limit the watchdog closes the
 * context (the call stops with its stack; the context is not reused); the statement limit is the
 * engine's own. Calls from virtual threads move to a platform thread, whose allocation can be measured.
 */
public final class ScriptRunner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ScriptRunner.class);
    private static final int IDLE_PER_SET = 4;
    private static final long WATCH_EVERY_MS = 5;

    private final Modules sources;
    private final SdkServices services;
    private final ScriptLimits defaults;
    private final Engine engine;
    private final Source bootstrap;
    private final String names;
    private final Map<String, Deque<Sandbox>> idle = new ConcurrentHashMap<>();
    private final Map<ScriptRef, Optional<PublishedScript>> current = new ConcurrentHashMap<>();
    /** Per module, what it links to and the pool key of that set; cleared with {@link #current}. */
    private final Map<ScriptRef, Linked> linkedSets = new ConcurrentHashMap<>();

    private record Linked(Map<String, PublishedScript> modules, String key) {
    }
    private final AtomicLong generation = new AtomicLong();
    private final Set<Watched> running = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService watchdog;
    private final ExecutorService platformThreads;
    /** Made once: a writer and a reader cost less per call than the mapper's own methods. */
    private static final tools.jackson.databind.ObjectWriter INPUT_WRITER = SdkAnswers.JSON.writer();
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** A context with the modules of one import set linked, and its SDK hosts. */
    private static final class Sandbox {
        final String key;
        final long generation;
        final Context context;
        /** The bootstrap's call(), kept as a function: executing it is cheaper than invoking it by name. */
        final Value call;
        final SdkHosts.Holder holder;
        volatile boolean broken;

        Sandbox(String key, long generation, Context context, Value linker, SdkHosts.Holder holder) {
            this.key = key;
            this.generation = generation;
            this.context = context;
            this.call = linker.getMember("call");
            this.holder = holder;
        }
    }

    /** A call being watched; {@code reason} says which limit stopped it, if one did. */
    private static final class Watched {
        final Sandbox sandbox;
        final long threadId;
        final long deadline;
        final long allocationStart;
        final long allocationLimit;
        volatile String reason;

        Watched(Sandbox sandbox, long threadId, long deadline, long allocationStart, long allocationLimit) {
            this.sandbox = sandbox;
            this.threadId = threadId;
            this.deadline = deadline;
            this.allocationStart = allocationStart;
            this.allocationLimit = allocationLimit;
        }
    }

    /** Where the runner finds a module's current published version: the catalog in the platform. */
    @FunctionalInterface
    public interface Modules {
        Optional<PublishedScript> current(ScriptRef ref);
    }

    public ScriptRunner(Modules modules, SdkServices services, ScriptLimits defaults) {
        this.sources = modules;
        this.services = services;
        this.defaults = defaults;
        this.engine = Engine.newBuilder("js")
                .sandbox(SandboxPolicy.CONSTRAINED)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .option("engine.WarnInterpreterOnly", "false")
                .build();
        this.bootstrap = Source.newBuilder("js", TypeScriptCompiler.resource("io/atrium/runtime/script/bootstrap.js"),
                "atrium-bootstrap.js").buildLiteral();
        this.names = SdkAnswers.JSON.writeValueAsString(SdkHosts.memberNames());
        this.watchdog = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("script-watchdog").factory());
        this.platformThreads = Executors.newThreadPerTaskExecutor(Thread.ofPlatform().daemon()
                .name("script-", 0).factory());
        threads.setThreadAllocatedMemoryEnabled(true);
        watchdog.scheduleAtFixedRate(this::watch, WATCH_EVERY_MS, WATCH_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    public ScriptLimits defaults() {
        return defaults;
    }

    /**
     * Calls the exported function of the module's current version with the input.
     *
     * @throws ScriptFailure if the module or function is not there, the script throws or refuses,
     *                       or it reaches a limit
     */
    public ScriptResult run(ScriptRef ref, String function, JsonNode input, ScriptCall call) {
        return runJson(ref, function, INPUT_WRITER.writeValueAsString(input == null ? NullNode.getInstance() : input),
                call);
    }

    /**
     * The same, for a caller that holds the input as JSON text already (it must be JSON: the
     * sandbox parses it as the function's argument).
     */
    public ScriptResult runJson(ScriptRef ref, String function, String inputJson, ScriptCall call) {
        if (!Thread.currentThread().isVirtual()) {
            return runHere(ref, function, inputJson, call);
        }
        Future<ScriptResult> result = platformThreads.submit(() -> runHere(ref, function, inputJson, call));
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new ScriptFailure(Kind.TIMEOUT, ref + " was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private ScriptResult runHere(ScriptRef ref, String function, String inputJson, ScriptCall call) {
        long started = System.nanoTime();
        PublishedScript published = published(ref).orElseThrow(() -> new ScriptFailure(Kind.INVALID,
                "The module " + ref + " is not published", null));
        if (!published.module().compiled().exports().contains(function)) {
            throw new ScriptFailure(Kind.INVALID, "The module " + ref + " exports no function '" + function + "'",
                    null);
        }
        var linkedSet = linkedSets.computeIfAbsent(ref, r -> {
            var modules = linked(published);
            return new Linked(modules, key(r, modules));
        });
        var modules = linkedSet.modules();
        String key = linkedSet.key();
        long acquiring = System.nanoTime();
        Sandbox sandbox = acquire(key, modules);
        double acquireMs = (System.nanoTime() - acquiring) / 1e6;
        var limits = call.limits();
        var watched = new Watched(sandbox, Thread.currentThread().threadId(),
                System.nanoTime() + limits.time().toNanos(), allocated(), limits.allocation());
        Value outcome;
        sandbox.holder.set(call);
        running.add(watched);
        try {
            sandbox.context.resetLimits();
            outcome = sandbox.call.execute(ref.code(), function, inputJson);
            if (outcome.isString()) { // the usual case, told in one crossing: the result's JSON
                return result(ref, function, call, outcome.asString(), started, acquireMs);
            }
            if (outcome.hasMember("pending") && outcome.getMember("pending").asBoolean()) {
                sandbox.broken = true;
                throw new ScriptFailure(Kind.ERROR, ref + "." + function + " returned a promise that never "
                        + "settled: it waits for something that does not come", null, null, call.log().lines(), null);
            }
            return result(ref, function, call, outcome, started, acquireMs);
        } catch (PolyglotException e) {
            sandbox.broken = true;
            throw stopped(ref, function, call, watched, e);
        } finally {
            running.remove(watched);
            sandbox.holder.set(null);
            release(sandbox);
        }
    }

    private ScriptResult result(ScriptRef ref, String function, ScriptCall call, Value outcome, long started,
            double acquireMs) {
        if (outcome.hasMember("refusal")) {
            Value refusal = outcome.getMember("refusal");
            throw new ScriptFailure(Kind.REFUSED, refusal.getMember("message").asString(),
                    refusal.getMember("field").asString(), null, call.log().lines(), null);
        }
        if (outcome.hasMember("error")) {
            Value error = outcome.getMember("error");
            String name = error.getMember("name").asString();
            String message = error.getMember("message").asString();
            String stack = error.hasMember("stack") ? error.getMember("stack").asString() : null;
            String field = error.hasMember("field") && !error.getMember("field").isNull()
                    ? error.getMember("field").asString() : null;
            Kind kind = error.hasMember("code") && "no-function".equals(error.getMember("code").asString())
                    ? Kind.INVALID : Kind.ERROR;
            throw new ScriptFailure(kind, ref + "." + function + ": " + name + ": " + message, field,
                    scriptFrames(stack), call.log().lines(), null);
        }
        return result(ref, function, call, outcome.getMember("value").asString(), started, acquireMs);
    }

    /**
     * A function's result as JSON text, checked against the output limit. It is JSON by making
     * (the bootstrap's JSON.stringify); the tree is read only when a caller asks for it.
     */
    private ScriptResult result(ScriptRef ref, String function, ScriptCall call, String text, long started,
            double acquireMs) {
        int logged = call.log().lines().stream().mapToInt(String::length).sum();
        if (text.length() + logged > call.limits().output()) {
            throw new ScriptFailure(Kind.LIMIT, ref + "." + function + " gave more than " + call.limits().output()
                    + " bytes of result and log", null, null, List.of(), null);
        }
        return new ScriptResult(text, call.log().lines(), (System.nanoTime() - started) / 1e6, acquireMs);
    }

    private ScriptFailure stopped(ScriptRef ref, String function, ScriptCall call, Watched watched,
            PolyglotException e) {
        String where = ref + "." + function;
        String stack = scriptFrames(e);
        if ("time".equals(watched.reason)) {
            return new ScriptFailure(Kind.TIMEOUT, where + " was stopped after " + call.limits().time().toMillis()
                    + " ms", null, stack, call.log().lines(), e);
        }
        if ("allocation".equals(watched.reason)) {
            return new ScriptFailure(Kind.LIMIT, where + " was stopped: it allocated more than "
                    + call.limits().allocation() / (1024 * 1024) + " MB", null, stack, call.log().lines(), e);
        }
        if (e.isResourceExhausted() || (e.isCancelled() && String.valueOf(e.getMessage()).contains("tatement"))) {
            return new ScriptFailure(Kind.LIMIT, where + " was stopped: " + e.getMessage(), null, stack,
                    call.log().lines(), e);
        }
        if (e.isCancelled() || e.isInterrupted()) {
            return new ScriptFailure(Kind.TIMEOUT, where + " was stopped", null, stack, call.log().lines(), e);
        }
        if (e.isHostException()) {
            log.warn("Script {} failed in a platform call", where, e.asHostException());
            return new ScriptFailure(Kind.ERROR, where + ": a platform call failed", null, stack,
                    call.log().lines(), null);
        }
        if (e.isInternalError()) {
            log.warn("Script {} hit an internal error of the engine", where, e);
            return new ScriptFailure(Kind.ERROR, where + ": the script engine failed", null, stack,
                    call.log().lines(), null);
        }
        // stack overflow, out-of-range errors and the like surface here rather than as script errors
        return new ScriptFailure(Kind.ERROR, where + ": " + e.getMessage(), null, stack, call.log().lines(), null);
    }

    /** The guest frames of an exception, one per line, without host frames. */
    private static String scriptFrames(PolyglotException e) {
        var lines = new ArrayList<String>();
        for (var frame : e.getPolyglotStackTrace()) {
            if (frame.isGuestFrame() && frame.getSourceLocation() != null
                    && !"atrium-bootstrap.js".equals(frame.getSourceLocation().getSource().getName())) {
                var at = frame.getSourceLocation();
                lines.add("at " + frame.getRootName() + " (" + at.getSource().getName() + ":" + at.getStartLine()
                        + ":" + at.getStartColumn() + ")");
            }
            if (lines.size() == 20) {
                break;
            }
        }
        return String.join("\n", lines);
    }

    /** A script's own stack text without the bootstrap's frames. */
    private static String scriptFrames(String stack) {
        if (stack == null) {
            return null;
        }
        var lines = new ArrayList<String>();
        for (String line : stack.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("at ") && !trimmed.contains("atrium-bootstrap.js") && lines.size() < 20) {
                lines.add(trimmed);
            }
        }
        return String.join("\n", lines);
    }

    private long allocated() {
        return threads.getCurrentThreadAllocatedBytes();
    }

    private void watch() {
        long now = System.nanoTime();
        for (Watched call : running) {
            if (call.reason != null) {
                continue;
            }
            if (now > call.deadline) {
                call.reason = "time";
            } else {
                long bytes = threads.getThreadAllocatedBytes(call.threadId);
                if (bytes >= 0 && bytes - call.allocationStart > call.allocationLimit) {
                    call.reason = "allocation";
                }
            }
            if (call.reason != null) {
                call.sandbox.broken = true;
                try {
                    call.sandbox.context.close(true);
                } catch (RuntimeException e) {
                    log.debug("Closing a stopped script's context", e);
                }
            }
        }
    }

    /** The module and everything it imports, at their current versions, by code. */
    private Map<String, PublishedScript> linked(PublishedScript root) {
        var modules = new LinkedHashMap<String, PublishedScript>();
        var pending = new ArrayDeque<PublishedScript>();
        pending.add(root);
        while (!pending.isEmpty()) {
            var module = pending.poll();
            if (modules.putIfAbsent(module.ref().code(), module) != null) {
                continue;
            }
            for (String code : module.module().compiled().imports()) {
                var ref = new ScriptRef(root.ref().namespace(), code);
                pending.add(published(ref).orElseThrow(() -> new ScriptFailure(Kind.INVALID, "The module "
                        + module.ref() + " imports " + ref + ", which is not published", null)));
            }
        }
        return modules;
    }

    private static String key(ScriptRef ref, Map<String, PublishedScript> modules) {
        var key = new StringBuilder(ref.namespace()).append('|').append(ref.code());
        modules.values().stream().map(m -> m.ref().code() + "@" + m.version()).sorted()
                .forEach(part -> key.append('|').append(part));
        return key.toString();
    }

    private Optional<PublishedScript> published(ScriptRef ref) {
        return current.computeIfAbsent(ref, sources::current);
    }

    private Sandbox acquire(String key, Map<String, PublishedScript> modules) {
        Deque<Sandbox> pool = idle.get(key);
        if (pool != null) {
            synchronized (pool) {
                Sandbox kept = pool.pollFirst();
                if (kept != null) {
                    return kept;
                }
            }
        }
        return create(key, modules);
    }

    private Sandbox create(String key, Map<String, PublishedScript> modules) {
        long made = generation.get();
        Context context = Context.newBuilder("js")
                .engine(engine)
                .sandbox(SandboxPolicy.CONSTRAINED)
                .allowIO(IOAccess.NONE)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .resourceLimits(ResourceLimits.newBuilder().statementLimit(defaults.statements(), null).build())
                .build();
        try {
            var holder = new SdkHosts.Holder();
            Value hosts = context.eval("js", "({})");
            SdkHosts.create(holder, services).forEach(hosts::putMember);
            Value memberNames = context.eval("js", "JSON").invokeMember("parse", names);
            Value linker = context.eval(bootstrap).execute(hosts, memberNames);
            for (var module : modules.values()) {
                Value factory = context.eval(Source.newBuilder("js", "(function (exports, require, module) {"
                        + module.module().compiled().javascript() + "\n})", module.ref() + ".js").buildLiteral());
                linker.invokeMember("define", module.ref().code(), factory);
            }
            context.resetLimits();
            return new Sandbox(key, made, context, linker, holder);
        } catch (PolyglotException e) {
            context.close(true);
            throw new ScriptFailure(Kind.INVALID, "The modules " + modules.keySet() + " do not load: "
                    + e.getMessage(), e);
        }
    }

    private void release(Sandbox sandbox) {
        if (sandbox.broken || sandbox.generation != generation.get()) {
            close(sandbox);
            return;
        }
        Deque<Sandbox> pool = idle.computeIfAbsent(sandbox.key, k -> new ArrayDeque<>());
        synchronized (pool) {
            if (pool.size() < IDLE_PER_SET) {
                pool.addFirst(sandbox);
                return;
            }
        }
        close(sandbox);
    }

    private static void close(Sandbox sandbox) {
        try {
            sandbox.context.close(true);
        } catch (RuntimeException e) {
            log.debug("Closing a script context", e);
        }
    }

    /** A module was published here: what was kept of the old versions goes. */
    @EventListener
    public void published(ScriptPublished event) {
        forget();
    }

    /** A module was published on another node. */
    @EventListener
    public void changed(DefinitionsChanged event) {
        if (event.kinds().contains("script")) {
            forget();
        }
    }

    private void forget() {
        generation.incrementAndGet();
        current.clear();
        linkedSets.clear();
        var pools = List.copyOf(idle.values());
        idle.clear();
        for (Deque<Sandbox> pool : pools) {
            synchronized (pool) {
                pool.forEach(ScriptRunner::close);
                pool.clear();
            }
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        platformThreads.shutdownNow();
        forget();
        engine.close(true);
    }
}
