package io.atrium.runtime.script;

import io.atrium.runtime.script.ScriptFailure.Kind;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/**
 * Runs JavaScript functions in sandboxed GraalJS contexts created from one shared engine.
 *
 * <p>Each call gets a fresh context under {@link SandboxPolicy#CONSTRAINED}: no host class
 * lookup, no file or socket IO, no threads or processes, standard streams discarded. The
 * argument and the result cross as JSON, so no host object leaks in or out except the SDK's
 * exported {@code log}. A watchdog cancels a call that runs past its time limit.
 */
public final class ScriptSandbox implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ScriptSandbox.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Engine engine;
    private final ScheduledExecutorService watchdog;

    public ScriptSandbox() {
        this.engine = Engine.newBuilder("js")
                .sandbox(SandboxPolicy.CONSTRAINED)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .option("engine.WarnInterpreterOnly", "false")
                .build();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("script-watchdog").factory());
    }

    /**
     * Evaluates {@code source} and calls the global function {@code function} with
     * {@code argument}.
     *
     * @param scriptName used in log lines and error messages
     * @throws ScriptFailure if the script does not parse, throws, or runs past {@code timeout}
     */
    public ScriptResult call(String scriptName, String source, String function, JsonNode argument, Duration timeout) {
        var scriptLog = new SandboxLog(scriptName);
        try (Context context = newContext()) {
            var cancel = watchdog.schedule(() -> context.close(true), timeout.toMillis(), TimeUnit.MILLISECONDS);
            try {
                context.getBindings("js").putMember("log", scriptLog);
                context.eval(Source.newBuilder("js", source, scriptName + ".js").buildLiteral());
                Value fn = context.getBindings("js").getMember(function);
                if (fn == null || !fn.canExecute()) {
                    throw new ScriptFailure(Kind.INVALID,
                            scriptName + " does not define a function '" + function + "'", null);
                }
                Value json = context.eval("js", "JSON");
                Value arg = json.invokeMember("parse", JSON.writeValueAsString(argument == null ? NullNode.getInstance() : argument));
                Value returned = fn.execute(arg);
                Value text = json.invokeMember("stringify", returned);
                JsonNode value = text.isNull() ? NullNode.getInstance() : JSON.readTree(text.asString());
                return new ScriptResult(value, scriptLog.lines());
            } catch (PolyglotException e) {
                throw translate(scriptName, e, timeout);
            } finally {
                cancel.cancel(false);
            }
        } catch (PolyglotException e) { // closing a cancelled context reports the cancellation again
            throw translate(scriptName, e, timeout);
        }
    }

    private Context newContext() {
        return Context.newBuilder("js")
                .engine(engine)
                .sandbox(SandboxPolicy.CONSTRAINED)
                .allowIO(IOAccess.NONE)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .build();
    }

    private static ScriptFailure translate(String scriptName, PolyglotException e, Duration timeout) {
        if (e.isCancelled() || e.isInterrupted() || e.isResourceExhausted()) {
            return new ScriptFailure(Kind.TIMEOUT,
                    scriptName + " was stopped after " + timeout.toMillis() + " ms", e);
        }
        if (e.isSyntaxError()) {
            return new ScriptFailure(Kind.INVALID, scriptName + ": " + e.getMessage(), e);
        }
        if (e.isHostException()) {
            log.warn("Script {} failed in a platform call", scriptName, e.asHostException());
            return new ScriptFailure(Kind.ERROR, scriptName + ": a platform call failed", e);
        }
        return new ScriptFailure(Kind.ERROR, scriptName + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        engine.close(true);
    }
}
