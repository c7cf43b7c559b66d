package io.atrium.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrium.PlatformTestSupport;
import io.atrium.platform.identity.Role;
import io.atrium.platform.identity.UserDirectory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A bounded fuzz of every writing endpoint the API describes in its OpenAPI document: random and
 * mutated JSON, wrong media types and broken encodings, as an administrator, an operator and no
 * one. Whatever it sends, the answer is never a 5xx and never a redirect, and every refusal is an
 * RFC 9457 problem. The seed is fixed, so a failure repeats.
 */
class ApiFuzzIT extends PlatformTestSupport {

    private static final long SEED = 20_261_201L;
    private static final int REQUESTS_PER_ENDPOINT = 40;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final List<String> KEYS = List.of("name", "code", "namespace", "fields", "type", "filter",
            "field", "op", "value", "values", "from", "to", "text", "all", "any", "sort", "limit", "after",
            "descending", "deleted", "grants", "role", "permissions", "scope", "assigneeField", "groupField",
            "username", "displayName", "password", "current", "roles", "groups", "enabled", "elements", "version",
            "amount", "currency", "title", "size", "stage", "closeOn", "seenAt", "required", "states", "initial",
            "transitions", "options", "target", "columns", "tabs", "span", "visibleWhen", "readOnlyWhen", "en", "ru");
    private static final List<Object> SCALARS = List.of("", " ", "a", "\u0000", "\r\nforged", "../admin", "<script>",
            "1e1000000", "1e2147483647", "NaN", "-Infinity", "2026-13-45", "2026-11-22T10:15:00Z", "+7 912 345",
            "new", "won", "closed", "eq", "in", "range", "contains", "admin", "operator", "read", "all", "string",
            "number", "money", "status", "reference", "tabs", "field", "EUR", 0, -1, 1, 12.5, Long.MAX_VALUE,
            Double.MAX_VALUE, 1e-300, true, false);

    @LocalServerPort
    int port;
    @Autowired
    UserDirectory users;

    private final Random random = new Random(SEED);

    @Test
    void shouldNeverAnswerAWritingEndpointWithAServerErrorOrARedirect() throws Exception {
        var api = new ApiClient(port);
        String admin = api.token("admin", ADMIN_PASSWORD);
        if (users.findByUsername("fuzz-operator").isEmpty()) {
            users.create("fuzz-operator", "Fuzz", "operator-fuzzing-secret", Set.of(Role.OPERATOR));
        }
        String operator = api.token("fuzz-operator", "operator-fuzzing-secret");
        String id = "fuzz";
        api.publishSampleApp(admin, id);
        String item = api.json("POST", "/api/v1/apps/fuzz/deals/items", admin, "{\"title\":\"Seed\"}").json()
                .get("id").asString();
        Map<String, String> known = Map.of("namespace", "fuzz", "app", "deals", "code", "deals", "id", item,
                "purpose", "edit", "version", "1", "username", "fuzz-operator", "fileId", "000000000000000000000000");

        var endpoints = writingEndpoints(api);
        assertThat(endpoints).as("the OpenAPI document lists the writing endpoints").hasSizeGreaterThan(15);
        var failures = new ArrayList<String>();
        var statuses = new java.util.TreeMap<Integer, Integer>();
        int sent = 0;
        for (String[] endpoint : endpoints) {
            for (int i = 0; i < REQUESTS_PER_ENDPOINT; i++) {
                String method = endpoint[0];
                String path = fill(endpoint[1], known);
                String auth = switch (random.nextInt(6)) {
                    case 0 -> operator;
                    case 1 -> null;
                    default -> admin;
                };
                byte[] body;
                String type;
                switch (random.nextInt(10)) {
                    case 0 -> {
                        type = "multipart/form-data";
                        body = "--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc\r\n".getBytes(
                                StandardCharsets.UTF_8);
                    }
                    case 1 -> {
                        type = "application/x-www-form-urlencoded; charset=UTF-8";
                        body = new byte[] {'n', 'a', 'm', 'e', '=', (byte) 0xC3, (byte) 0x28, '&', 'x'};
                    }
                    case 2 -> {
                        type = random.nextBoolean() ? "text/plain" : "application/json";
                        body = garbage();
                    }
                    default -> {
                        type = "application/json";
                        body = JSON.writeValueAsBytes(value(0));
                    }
                }
                var answer = api.send(method, path, auth, type, body);
                sent++;
                statuses.merge(answer.status(), 1, Integer::sum);
                String problem = judge(answer);
                if (problem != null && failures.size() < 25) {
                    failures.add(method + " " + path + " [" + type + "] " + preview(body) + " → " + problem);
                }
            }
        }
        System.out.printf("API fuzz: %d requests to %d writing endpoints, answers by status %s%n", sent,
                endpoints.size(), statuses);
        assertThat(failures).as("out of " + sent + " requests").isEmpty();
        assertThat(statuses.keySet()).as("the fuzz reached handlers that accept, refuse and deny")
                .contains(200, 400, 401, 403);
    }

    /** Why the answer is wrong, or null. */
    private static String judge(ApiClient.Answer answer) {
        int status = answer.status();
        if (status >= 500) {
            return status + " " + answer.body();
        }
        if (status >= 300 && status < 400) {
            return status + " redirect to " + answer.raw().headers().firstValue("Location").orElse("?");
        }
        if (status >= 400 && !answer.contentType().startsWith("application/problem+json")) {
            return status + " without a problem document: " + answer.contentType();
        }
        return null;
    }

    private static List<String[]> writingEndpoints(ApiClient api) throws Exception {
        JsonNode paths = api.json("GET", "/v3/api-docs", null, null).json().get("paths");
        var endpoints = new ArrayList<String[]>();
        for (var path : paths.properties()) {
            for (String method : List.of("post", "put", "patch", "delete")) {
                if (path.getValue().has(method)) {
                    endpoints.add(new String[] {method.toUpperCase(Locale.ROOT), path.getKey()});
                }
            }
        }
        return endpoints;
    }

    /** Path parameters: mostly the real ones, sometimes junk. */
    private String fill(String template, Map<String, String> known) {
        Matcher matcher = PARAMETER.matcher(template);
        var out = new StringBuilder();
        while (matcher.find()) {
            String value = random.nextInt(4) > 0 && known.containsKey(matcher.group(1)) ? known.get(matcher.group(1))
                    : List.of("x", "0", "-1", "999999999999999999999", "a".repeat(300), "<b>", "ä", " ", "admin")
                            .get(random.nextInt(9));
            matcher.appendReplacement(out, Matcher.quoteReplacement(URLEncoder.encode(value, StandardCharsets.UTF_8)
                    .replace("+", "%20")));
        }
        matcher.appendTail(out);
        if (template.endsWith("/files") && random.nextBoolean()) {
            out.append("?field=").append(random.nextBoolean() ? "title" : "nothing");
        }
        return out.toString();
    }

    /** A random JSON value, objects mostly with keys the API reads. */
    private JsonNode value(int depth) {
        int kind = depth > 4 ? 0 : random.nextInt(depth == 0 ? 3 : 6);
        return switch (kind) {
            case 1 -> {
                ArrayNode array = NODES.arrayNode();
                int size = random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    array.add(value(depth + 1));
                }
                yield array;
            }
            case 0 -> depth == 0 ? object(depth) : scalar();
            default -> object(depth);
        };
    }

    private ObjectNode object(int depth) {
        ObjectNode object = NODES.objectNode();
        int size = 1 + random.nextInt(5);
        for (int i = 0; i < size; i++) {
            String key = random.nextInt(10) == 0 ? "unknown" + i : KEYS.get(random.nextInt(KEYS.size()));
            object.set(key, random.nextInt(3) == 0 ? value(depth + 1) : scalar());
        }
        return object;
    }

    private JsonNode scalar() {
        if (random.nextInt(12) == 0) {
            return NODES.nullNode();
        }
        if (random.nextInt(20) == 0) {
            return NODES.stringNode("x".repeat(10_000));
        }
        if (random.nextInt(20) == 0) {
            return NODES.numberNode(new java.math.BigInteger("9".repeat(1 + random.nextInt(400))));
        }
        return JSON.valueToTree(SCALARS.get(random.nextInt(SCALARS.size())));
    }

    private byte[] garbage() {
        String[] broken = {"{", "[1,2", "{\"a\":}", "nul", "\"unterminated", "{\"name\":\"\\ud800\"}", "1e99999",
                "{\"a\":1,\"a\":2}", "\u0000\u0001", "[" + "[".repeat(3000) + "]".repeat(3000) + "]"};
        if (random.nextBoolean()) {
            return broken[random.nextInt(broken.length)].getBytes(StandardCharsets.UTF_8);
        }
        byte[] bytes = new byte[random.nextInt(64)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String preview(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}", "?");
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}
