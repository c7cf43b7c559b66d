package io.atrium.runtime.script;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrium.sdk.ScriptContext;
import io.atrium.sdk.ScriptHttp;
import io.atrium.sdk.ScriptItems;
import io.atrium.sdk.ScriptLog;
import io.atrium.sdk.ScriptNotifications;
import io.atrium.sdk.ScriptProcesses;
import io.atrium.sdk.ScriptSessions;
import io.atrium.sdk.ScriptUsers;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Source;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SDK's two surfaces agree member by member: each Java interface of {@code scripts-sdk} and
 * the interface of {@code atrium.d.ts} it stands for have the same methods with the same
 * parameter names, read from the declarations by the TypeScript compiler's own parser; and each
 * method of the runtime's host objects is exported, and nothing else.
 */
class SdkSurfaceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<Class<?>, String> PAIRS = new LinkedHashMap<>();

    static {
        PAIRS.put(ScriptItems.class, "ItemsApi");
        PAIRS.put(ScriptHttp.class, "HttpApi");
        PAIRS.put(ScriptUsers.class, "UsersApi");
        PAIRS.put(ScriptNotifications.class, "NotificationsApi");
        PAIRS.put(ScriptLog.class, "LogApi");
        PAIRS.put(ScriptProcesses.class, "ProcessesApi");
        PAIRS.put(ScriptSessions.class, "SessionsApi");
    }

    /** Interface name to method name to parameter names, as atrium.d.ts declares them. */
    private static Map<String, Map<String, List<String>>> declared() {
        try (var context = Context.newBuilder("js").allowHostAccess(HostAccess.NONE).build()) {
            context.eval(Source.newBuilder("js", TypeScriptCompiler.resource("META-INF/resources/webjars/typescript/"
                    + Versions.TYPESCRIPT + "/lib/typescript.js"), "typescript.js").buildLiteral());
            String walk = """
                    (function (text) {
                      const file = ts.createSourceFile('atrium.d.ts', text, ts.ScriptTarget.ES2022, true);
                      const out = {};
                      const visit = (node) => {
                        if (ts.isInterfaceDeclaration(node)) {
                          const members = {};
                          for (const m of node.members) {
                            if (ts.isMethodSignature(m)) {
                              members[m.name.getText(file)] = m.parameters.map((p) => p.name.getText(file));
                            }
                          }
                          out[node.name.text] = members;
                        }
                        ts.forEachChild(node, visit);
                      };
                      visit(file);
                      return JSON.stringify(out);
                    })""";
            String json = context.eval("js", walk).execute(TypeScriptCompiler.resource(TypeScriptCompiler.SDK_DECLARATIONS))
                    .asString();
            var out = new TreeMap<String, Map<String, List<String>>>();
            JsonNode tree = JSON.readTree(json);
            for (var api : tree.properties()) {
                var members = new TreeMap<String, List<String>>();
                for (var member : api.getValue().properties()) {
                    members.put(member.getKey(), member.getValue().valueStream().map(JsonNode::asString).toList());
                }
                out.put(api.getKey(), members);
            }
            return out;
        }
    }

    private static Map<String, List<String>> java(Class<?> api) {
        var members = new TreeMap<String, List<String>>();
        for (Method method : api.getDeclaredMethods()) {
            members.put(method.getName(), Arrays.stream(method.getParameters()).map(Parameter::getName).toList());
        }
        return members;
    }

    @Test
    void shouldDeclareEveryJavaMemberInTheTypingsWithTheSameParameters() {
        var declared = declared();

        PAIRS.forEach((api, name) -> assertThat(declared.get(name)).as("%s in atrium.d.ts for %s", name,
                api.getSimpleName()).isEqualTo(java(api)));
        assertThat(declared).containsKeys("CallContext", "Item", "Page", "HttpResponse");
        assertThat(java(ScriptContext.class)).containsOnlyKeys("current");
    }

    @Test
    void shouldExportEveryHostMethodOfTheSdkAndNothingElse() {
        for (Class<?> host : SdkHosts.class.getDeclaredClasses()) {
            if (host == SdkHosts.Holder.class || host.isRecord()) {
                continue;
            }
            for (Method method : host.getDeclaredMethods()) {
                if (method.isSynthetic() || java.lang.reflect.Modifier.isPrivate(method.getModifiers())
                        || java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
                    continue;
                }
                assertThat(method.isAnnotationPresent(HostAccess.Export.class)).as("%s.%s is exported",
                        host.getSimpleName(), method.getName()).isTrue();
            }
        }
    }

    @Test
    void shouldFindTheTypeScriptOfThePomInTheClasspath() {
        assertThat(TypeScriptCompiler.class.getClassLoader().getResource("META-INF/resources/webjars/typescript/"
                + Versions.TYPESCRIPT + "/lib/typescript.js")).as("Versions.TYPESCRIPT matches the pom").isNotNull();
    }
}
