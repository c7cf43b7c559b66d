package io.atrium.runtime.script;

import io.atrium.platform.script.ScriptCompileException;
import io.atrium.platform.script.ScriptCompiler;
import io.atrium.platform.script.ScriptModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Compiles modules with the TypeScript compiler itself ({@code lib/typescript.js} of the npm
 * package, from its webjar), run in a GraalJS context of its own: TypeScript is type-checked
 * against the SDK's {@code atrium.d.ts}, the ES2022 library and the workspace's other modules;
 * JavaScript is checked for syntax. Both are emitted as CommonJS, which the sandbox links.
 *
 * <p>The compiler's context is trusted code, separate from the scripts' engine: it has no host
 * class lookup and no IO, and reads the library declarations through one function. Loading the
 * compiler takes seconds, so it happens once, on the first compile; compiles are serialised.
 */
public final class TypeScriptCompiler implements ScriptCompiler, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TypeScriptCompiler.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LIB = "META-INF/resources/webjars/typescript/" + Versions.TYPESCRIPT + "/lib/";
    static final String SDK_DECLARATIONS = "io/atrium/sdk/atrium.d.ts";

    /** Kept for a name that has no file, so it is looked up once. */
    private static final String MISSING = new String("missing");
    private final Map<String, String> libs = new ConcurrentHashMap<>();
    private final String sdk = resource(SDK_DECLARATIONS);
    private Engine engine;
    private Context context;
    private Value compile;

    @Override
    public synchronized ScriptModule.Compiled compile(ScriptModule module, Map<String, ScriptModule> workspace) {
        ObjectNode request = JSON.createObjectNode();
        request.put("language", module.language().apiName());
        request.put("code", module.ref().code());
        request.put("fileName", module.fileName());
        request.put("source", module.source());
        request.put("sdk", sdk);
        var others = request.putArray("workspace");
        workspace.forEach((code, other) -> others.addObject().put("code", code).put("fileName", other.fileName())
                .put("source", other.source()));
        JsonNode answer = JSON.readTree(compiler().execute(JSON.writeValueAsString(request)).asString());
        if (answer.has("problems")) {
            var problems = new ArrayList<ScriptCompileException.Problem>();
            for (JsonNode p : answer.get("problems")) {
                problems.add(new ScriptCompileException.Problem(module.fileName(), p.get("line").asInt(),
                        p.get("column").asInt(), p.get("code").asString(), p.get("message").asString()));
            }
            throw new ScriptCompileException(problems);
        }
        return new ScriptModule.Compiled(answer.get("javascript").asString(), strings(answer.get("imports")),
                strings(answer.get("exports")));
    }

    private static List<String> strings(JsonNode array) {
        var out = new ArrayList<String>();
        array.forEach(node -> out.add(node.asString()));
        return out;
    }

    private Value compiler() {
        if (compile == null) {
            long started = System.nanoTime();
            engine = Engine.newBuilder("js").out(OutputStream.nullOutputStream()).err(OutputStream.nullOutputStream())
                    .option("engine.WarnInterpreterOnly", "false").build();
            context = Context.newBuilder("js").engine(engine).allowIO(IOAccess.NONE)
                    .allowHostAccess(HostAccess.NONE).allowHostClassLookup(name -> false).build();
            context.eval(Source.newBuilder("js", resource(LIB + "typescript.js"), "typescript.js").buildLiteral());
            Value factory = context.eval(Source.newBuilder("js", resource("io/atrium/runtime/script/compiler.js"),
                    "compiler.js").buildLiteral());
            compile = factory.execute((ProxyExecutable) arguments -> lib(arguments[0].asString()));
            log.info("The TypeScript compiler {} is loaded ({} ms)", Versions.TYPESCRIPT,
                    (System.nanoTime() - started) / 1_000_000);
        }
        return compile;
    }

    /** A library declaration file by its name, e.g. {@code lib.es2015.core.d.ts}; null if there is none. */
    private String lib(String name) {
        if (!name.matches("lib\\.[a-z0-9.]+\\.d\\.ts") && !name.equals("lib.d.ts")) {
            return null;
        }
        String text = libs.computeIfAbsent(name, n -> {
            try (InputStream in = TypeScriptCompiler.class.getClassLoader().getResourceAsStream(LIB + n)) {
                return in == null ? MISSING : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return text == MISSING ? null : text;
    }

    static String resource(String path) {
        try (InputStream in = TypeScriptCompiler.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (context != null) {
            context.close(true);
            engine.close(true);
        }
    }
}
