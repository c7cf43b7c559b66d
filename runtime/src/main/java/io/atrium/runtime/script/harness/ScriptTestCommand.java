package io.atrium.runtime.script.harness;

import io.atrium.platform.script.ScriptCompileException;
import io.atrium.runtime.script.ScriptLimits;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one function of script modules in the {@link ScriptHarness} from the command line and
 * prints what happened as one JSON object, so a developer or a build checks a module without a
 * server:
 *
 * <pre>
 * script-test --module sales/pricing=scripts/pricing.ts [--module …] [--items sales/deals=deals.json …]
 *             [--http http.json] [--user olga --roles OPERATOR --groups support] [--time-limit-ms 5000]
 *             --run sales/pricing#quote [--input '{"net":100}' | --input @input.json]
 * </pre>
 *
 * Exit status: 0 when the function returned, 1 when the modules do not compile or the script
 * failed or refused, 2 when the command is used wrongly (then the reason goes to the error
 * stream and nothing to the output).
 */
public final class ScriptTestCommand {

    static final int RETURNED = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final String USAGE_TEXT = "usage: script-test --module workspace/module=file.ts [--module …] "
            + "[--items workspace/app=items.json …] [--http http.json] [--user name] [--roles ROLE,…] "
            + "[--groups group,…] [--time-limit-ms n] --run workspace/module#function [--input json|@file]";

    private ScriptTestCommand() {
    }

    /** Runs the command and exits with its status; log lines go to the error stream, so the output is the report. */
    public static void main(String[] args) {
        PrintStream report = System.out;
        System.setOut(System.err);
        System.exit(run(args, report, System.err));
    }

    /** Runs the command; answers the exit status instead of exiting, so it can be called in process. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException | IOException | UncheckedIOException | JacksonException e) {
            err.println("script-test: " + e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
        ScriptHarness harness;
        try {
            harness = options.builder().build();
        } catch (ScriptCompileException e) {
            out.println(JSON.writeValueAsString(compileFailure(e)));
            return FAILED;
        } catch (IllegalArgumentException e) {
            err.println("script-test: " + e.getMessage());
            return USAGE;
        }
        try (harness) {
            HarnessResult result = harness.run(options.target(), options.input());
            out.println(JSON.writeValueAsString(report(result)));
            return result.succeeded() ? RETURNED : FAILED;
        } catch (IllegalArgumentException e) {
            err.println("script-test: " + e.getMessage());
            return USAGE;
        }
    }

    private static Map<String, Object> compileFailure(ScriptCompileException e) {
        var failure = new LinkedHashMap<String, Object>();
        failure.put("kind", "COMPILE");
        failure.put("message", e.getMessage());
        failure.put("problems", e.problems());
        var out = new LinkedHashMap<String, Object>();
        out.put("ok", false);
        out.put("failure", failure);
        return out;
    }

    private static Map<String, Object> report(HarnessResult result) {
        var out = new LinkedHashMap<String, Object>();
        out.put("ok", result.succeeded());
        out.put("value", result.value());
        out.put("logs", result.logs());
        out.put("refusal", result.refusal().orElse(null));
        out.put("failure", result.failure());
        out.put("created", result.created());
        out.put("updated", result.updated());
        out.put("deleted", result.deleted());
        out.put("httpCalls", result.httpCalls());
        out.put("notifications", result.notifications());
        out.put("processesStarted", result.processesStarted());
        out.put("messagesPublished", result.messagesPublished());
        out.put("sessionMessages", result.sessionMessages());
        return out;
    }

    /** The command line, read. */
    private record Options(ScriptHarness.Builder builder, String target, JsonNode input) {

        static Options parse(String[] args) throws IOException {
            var builder = ScriptHarness.create();
            var modules = new ArrayList<String>();
            String target = null;
            JsonNode input = null;
            String user = null;
            List<String> roles = List.of("DEVELOPER");
            List<String> groups = List.of();
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = args[++i];
                switch (option) {
                    case "--module" -> {
                        String[] pair = pair(option, value);
                        builder.module(pair[0], Path.of(pair[1]));
                        modules.add(pair[0]);
                    }
                    case "--items" -> {
                        String[] pair = pair(option, value);
                        builder.items(pair[0], items(Path.of(pair[1])));
                    }
                    case "--http" -> responses(Path.of(value)).forEach(builder::http);
                    case "--user" -> user = value;
                    case "--roles" -> roles = list(value);
                    case "--groups" -> groups = list(value);
                    case "--time-limit-ms" -> builder.limits(ScriptLimits.DEFAULT.withTime(
                            Duration.ofMillis(Long.parseLong(value))));
                    case "--run" -> target = value;
                    case "--input" -> input = JSON.readTree(value.startsWith("@")
                            ? Files.readString(Path.of(value.substring(1))) : value);
                    default -> throw new IllegalArgumentException("Unknown option " + option);
                }
            }
            if (modules.isEmpty() || target == null) {
                throw new IllegalArgumentException("--module and --run are required");
            }
            builder.user(user == null ? "developer" : user, Set.copyOf(roles), Set.copyOf(groups));
            return new Options(builder, target, input);
        }

        private static String[] pair(String option, String value) {
            int equals = value.indexOf('=');
            if (equals < 1 || equals == value.length() - 1) {
                throw new IllegalArgumentException(option + " is name=file, not " + value);
            }
            return new String[] {value.substring(0, equals), value.substring(equals + 1)};
        }

        private static List<String> list(String value) {
            return value.isBlank() ? List.of() : List.of(value.split(","));
        }

        /** An items file: a JSON array of {"id"?, "version"?, "values": {…}}. */
        @SuppressWarnings("unchecked")
        private static List<Map<String, Object>> items(Path file) throws IOException {
            JsonNode node = JSON.readTree(Files.readString(file));
            if (!node.isArray()) {
                throw new IllegalArgumentException(file + " is a JSON array of items");
            }
            var out = new ArrayList<Map<String, Object>>();
            node.forEach(item -> out.add(JSON.convertValue(item, Map.class)));
            return out;
        }

        /** An HTTP file: a JSON array of {"method", "url", "status", "headers"?, "body"?}; a body not a string is JSON. */
        private static List<CannedResponse> responses(Path file) throws IOException {
            JsonNode node = JSON.readTree(Files.readString(file));
            if (!node.isArray()) {
                throw new IllegalArgumentException(file + " is a JSON array of canned responses");
            }
            var out = new ArrayList<CannedResponse>();
            for (JsonNode r : node) {
                var headers = new LinkedHashMap<String, String>();
                if (r.hasNonNull("headers")) {
                    r.get("headers").properties().forEach(h -> headers.put(h.getKey(), h.getValue().asString()));
                }
                JsonNode body = r.get("body");
                String text = body == null || body.isNull() ? "" : body.isString() ? body.asString() : body.toString();
                if (!r.hasNonNull("method") || !r.hasNonNull("url") || !r.hasNonNull("status")) {
                    throw new IllegalArgumentException(file + ": a canned response has method, url and status");
                }
                out.add(new CannedResponse(r.get("method").asString(), r.get("url").asString(),
                        r.get("status").asInt(), headers, text));
            }
            return out;
        }
    }
}
