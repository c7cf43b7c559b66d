package io.atrium.runtime.script.harness;

import io.atrium.platform.access.Actor;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.identity.Role;
import io.atrium.platform.identity.UserAccount;
import io.atrium.platform.script.PublishedScript;
import io.atrium.platform.script.ScriptLanguage;
import io.atrium.platform.script.ScriptModule;
import io.atrium.platform.script.ScriptRef;
import io.atrium.platform.script.ScriptTarget;
import io.atrium.runtime.script.ScriptCall;
import io.atrium.runtime.script.ScriptFailure;
import io.atrium.runtime.script.ScriptLimits;
import io.atrium.runtime.script.ScriptResult;
import io.atrium.runtime.script.ScriptRunner;
import io.atrium.runtime.script.SdkServices;
import io.atrium.runtime.script.TypeScriptCompiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a developer's script modules without a server, through the platform's own pipeline: they
 * are compiled by the TypeScript compiler publishing uses (type errors throw
 * {@link io.atrium.platform.script.ScriptCompileException} with file, line and column) and run in
 * the {@link ScriptRunner}'s sandbox with its bootstrap and limits. Only the services behind the
 * SDK are replaced: items, users and canned HTTP answers kept in memory, and notifications,
 * process starts, messages and session texts recorded instead of delivered.
 *
 * <pre>{@code
 * try (var harness = ScriptHarness.create()
 *         .module("sales/pricing", Path.of("scripts/pricing.ts"))
 *         .items("sales/deals", List.of(Map.of("id", "d1", "values", Map.of("amount", 100))))
 *         .http("POST", "https://credit.example.com/check", 200, "{\"approved\":false}")
 *         .user("olga", Set.of("OPERATOR"), Set.of("support"))
 *         .build()) {
 *     HarnessResult result = harness.run("sales/pricing#quote", Map.of("net", 100));
 * }
 * }</pre>
 *
 * <p>Items stay between runs of one harness; each result reports the effects of its own run. A
 * harness runs one call at a time.
 */
public final class ScriptHarness implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ScriptRunner runner;
    private final Journal journal;
    private final Actor actor;
    private final ScriptLimits limits;

    private ScriptHarness(ScriptRunner runner, Journal journal, Actor actor, ScriptLimits limits) {
        this.runner = runner;
        this.journal = journal;
        this.actor = actor;
        this.limits = limits;
    }

    public static Builder create() {
        return new Builder();
    }

    /**
     * Calls {@code workspace/module#function} with the input (anything that converts to JSON; null
     * is JSON null). A script that throws, refuses or reaches a limit does not throw here: the
     * result says why it stopped.
     *
     * @throws IllegalArgumentException if the target is not of the form {@code workspace/module#function}
     */
    public synchronized HarnessResult run(String target, Object input) {
        ScriptTarget parsed;
        try {
            parsed = ScriptTarget.parse(target);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("A target is workspace/module#function, not " + target, e);
        }
        JsonNode json = JSON.valueToTree(input);
        journal.clear();
        var call = ScriptCall.of("run", actor, limits, parsed.module().toString());
        try {
            ScriptResult result = runner.run(parsed.module(), parsed.function(), json, call);
            return journal.result(result.value(), result.log(), null);
        } catch (ScriptFailure e) {
            return journal.result(null, e.logs().isEmpty() ? call.log().lines() : e.logs(),
                    new HarnessResult.Failure(e.kind(), e.getMessage(), e.field(), e.scriptStack()));
        }
    }

    @Override
    public void close() {
        runner.close();
    }

    /** What a harness holds; {@link #build()} compiles the modules. */
    public static final class Builder {

        private final Map<ScriptRef, ScriptModule> modules = new LinkedHashMap<>();
        private final List<Seed> items = new ArrayList<>();
        private final List<CannedResponse> responses = new ArrayList<>();
        private final List<UserAccount> accounts = new ArrayList<>();
        private Actor actor = new Actor("developer", Set.of(Role.DEVELOPER), Set.of());
        private ScriptLimits limits = ScriptLimits.DEFAULT;

        private record Seed(AppRef app, String id, long version, Map<String, Object> values) {
        }

        private Builder() {
        }

        /** A module from a file; {@code .ts} is TypeScript, {@code .js} JavaScript. */
        public Builder module(String ref, Path file) {
            String name = file.getFileName().toString();
            ScriptLanguage language;
            if (name.endsWith(".ts")) {
                language = ScriptLanguage.TYPESCRIPT;
            } else if (name.endsWith(".js")) {
                language = ScriptLanguage.JAVASCRIPT;
            } else {
                throw new IllegalArgumentException("A module file ends in .ts or .js, not " + name);
            }
            try {
                return module(ref, language, Files.readString(file));
            } catch (IOException e) {
                throw new UncheckedIOException("The module file " + file + " cannot be read", e);
            }
        }

        /** A module from its source, e.g. {@code module("sales/money", TYPESCRIPT, "export …")}. */
        public Builder module(String ref, ScriptLanguage language, String source) {
            var parsed = ScriptRef.parse(ref);
            if (!modules.isEmpty() && !modules.keySet().iterator().next().namespace().equals(parsed.namespace())) {
                throw new IllegalArgumentException("The modules of a harness are of one workspace, as imports are");
            }
            if (source.length() > ScriptModule.MAX_SOURCE) {
                throw new IllegalArgumentException(ref + " has more than " + ScriptModule.MAX_SOURCE + " characters");
            }
            modules.put(parsed, new ScriptModule(parsed, language, source));
            return this;
        }

        /**
         * Items of an app ({@code workspace/app}) before the first run. Each is a map with
         * {@code values} (field code to value) and optionally {@code id} and {@code version} (1 if
         * not given); items without an id get {@code item-1}, {@code item-2} and so on.
         */
        @SuppressWarnings("unchecked")
        public Builder items(String app, List<? extends Map<String, ?>> seeded) {
            var ref = AppRef.parse(app);
            for (Map<String, ?> item : seeded) {
                if (!(item.get("values") instanceof Map<?, ?> values)) {
                    throw new IllegalArgumentException("An item of " + app + " has its field values under \"values\"");
                }
                Object id = item.get("id");
                Object version = item.get("version");
                if (version != null && !(version instanceof Number)) {
                    throw new IllegalArgumentException("An item's version is a number, not " + version);
                }
                items.add(new Seed(ref, id == null ? null : id.toString(),
                        version == null ? 1 : ((Number) version).longValue(), (Map<String, Object>) values));
            }
            return this;
        }

        public Builder http(String method, String url, int status, String body) {
            return http(new CannedResponse(method, url, status, Map.of(), body));
        }

        public Builder http(CannedResponse response) {
            responses.add(response);
            return this;
        }

        /** Who the script runs as ({@code context.user}, and every SDK call); also an account in the directory. */
        public Builder user(String username, Set<String> roles, Set<String> groups) {
            var account = addAccount(username, roles, groups);
            actor = new Actor(username, account.roles(), account.groups());
            return this;
        }

        /** Another account in the directory that {@code users.get} and {@code users.members} read. */
        public Builder account(String username, Set<String> roles, Set<String> groups) {
            addAccount(username, roles, groups);
            return this;
        }

        private UserAccount addAccount(String username, Set<String> roles, Set<String> groups) {
            Set<Role> parsed = roles.stream().map(Role::valueOf).collect(Collectors.toSet());
            var account = new UserAccount(username, username, "", parsed, Set.copyOf(groups), true, Instant.now(),
                    "harness");
            accounts.removeIf(a -> a.username().equals(username));
            accounts.add(account);
            return account;
        }

        /** The limits of each call; the platform's defaults unless set. */
        public Builder limits(ScriptLimits callLimits) {
            this.limits = callLimits;
            return this;
        }

        /**
         * Compiles every module against the SDK and the others, and makes the sandbox.
         *
         * @throws io.atrium.platform.script.ScriptCompileException listing the errors of the first
         *                                                          module that does not compile
         */
        public ScriptHarness build() {
            var published = new LinkedHashMap<ScriptRef, PublishedScript>();
            for (var module : modules.values()) {
                var workspace = new LinkedHashMap<String, ScriptModule>();
                modules.values().stream().filter(other -> !other.ref().equals(module.ref()))
                        .forEach(other -> workspace.put(other.ref().code(), other));
                var compiled = SharedCompiler.INSTANCE.compile(module, workspace);
                published.put(module.ref(), new PublishedScript(1, module.compiledAs(compiled), Instant.now(),
                        "harness"));
            }
            var journal = new Journal();
            var store = new MemoryItems(journal);
            items.forEach(seed -> store.seed(seed.app(), seed.id(), seed.version(), seed.values()));
            var platform = new MemoryPlatform(accounts, journal);
            var services = new SdkServices(store, platform, platform, platform, () -> platform,
                    new CannedHttp(responses, journal));
            var runner = new ScriptRunner(ref -> Optional.ofNullable(published.get(ref)), services, limits);
            return new ScriptHarness(runner, journal, actor, limits);
        }
    }

    /**
     * One compiler for every harness of the process: loading TypeScript takes seconds, and a test
     * class builds many harnesses. It lives as long as the process.
     */
    private static final class SharedCompiler {
        static final TypeScriptCompiler INSTANCE = new TypeScriptCompiler();
    }
}
