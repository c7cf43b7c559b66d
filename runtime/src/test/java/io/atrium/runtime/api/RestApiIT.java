package io.atrium.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrium.platform.identity.Role;
import io.atrium.platform.identity.UserDirectory;
import io.atrium.runtime.RuntimeTestApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The REST API end to end: tokens, app definitions, items, errors and permissions. */
@SpringBootTest(classes = RuntimeTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RestApiIT {

    private static final String ADMIN_PASSWORD = "rest-api-chief-secret";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int FILE_LIMIT = 64 * 1024;
    private static int namespaces;

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        RuntimeTestApplication.embeddedOnFreePorts(registry, dataDir, ADMIN_PASSWORD);
        registry.add("atrium.files.max-size", () -> FILE_LIMIT);
    }

    @LocalServerPort
    int port;
    @Autowired
    UserDirectory users;

    private final HttpClient http = HttpClient.newHttpClient();
    private String adminToken;
    private String ns;

    record Answer(int status, JsonNode body, HttpResponse<String> raw) {
    }

    private Answer call(String method, String path, String auth, String body, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (auth != null) {
            request.header("Authorization", auth);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isBlank() ? null : JSON.readTree(response.body());
        return new Answer(response.statusCode(), json, response);
    }

    private Answer upload(String path, String auth, String name, String type, byte[] content) throws Exception {
        String boundary = "atrium-" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", auth).build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isBlank() ? null : JSON.readTree(response.body());
        return new Answer(response.statusCode(), json, response);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private String bearer(String token) {
        return "Bearer " + token;
    }

    @BeforeEach
    void bootstrap() throws Exception {
        var created = call("POST", "/api/v1/tokens", basic("admin", ADMIN_PASSWORD), "{\"name\":\"test\"}");
        assertThat(created.status()).isEqualTo(201);
        adminToken = created.body().get("token").asString();
        ns = "crm" + (++namespaces);
        var companies = call("POST", "/api/v1/apps", bearer(adminToken), """
                {"namespace":"%s","code":"companies","name":{"en":"Companies","ru":"Компании"},
                 "fields":[{"code":"name","type":"string","required":true}]}""".formatted(ns));
        assertThat(companies.status()).as(companies.raw().body()).isEqualTo(201);
        assertThat(call("POST", "/api/v1/apps/" + ns + "/companies/publish", bearer(adminToken), null).status())
                .isEqualTo(200);
        var contacts = call("POST", "/api/v1/apps", bearer(adminToken), """
                {"namespace":"%s","code":"contacts","name":{"en":"Contacts","ru":"Контакты"},
                 "fields":[{"code":"name","type":"string","required":true},{"code":"email","type":"email"},
                           {"code":"age","type":"number"},
                           {"code":"company","type":"reference","target":"%s/companies"}]}""".formatted(ns, ns));
        assertThat(contacts.status()).as(contacts.raw().body()).isEqualTo(201);
        var published = call("POST", "/api/v1/apps/" + ns + "/contacts/publish", bearer(adminToken), null);
        assertThat(published.status()).as(published.raw().body()).isEqualTo(200);
        assertThat(published.body().get("version").asInt()).isEqualTo(1);
    }

    @Test
    void shouldCreateReadUpdateAndDeleteAnItem() throws Exception {
        String items = "/api/v1/apps/" + ns + "/contacts/items";
        var acme = call("POST", "/api/v1/apps/" + ns + "/companies/items", bearer(adminToken), "{\"name\":\"Acme\"}");
        var ann = call("POST", items, bearer(adminToken), """
                {"name":"Ann","email":"ann@example.com","age":30,"company":"%s"}""".formatted(acme.body().get("id").asString()));
        assertThat(ann.status()).isEqualTo(201);
        assertThat(ann.raw().headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains(items));
        String id = ann.body().get("id").asString();
        assertThat(ann.body().get("version").asInt()).isEqualTo(1);

        var read = call("GET", items + "/" + id, bearer(adminToken), null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.raw().headers().firstValue("ETag")).contains("\"1\"");
        assertThat(read.body().get("values").get("email").asString()).isEqualTo("ann@example.com");

        var updated = call("PATCH", items + "/" + id, bearer(adminToken), "{\"age\":31}", "If-Match", "\"1\"");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().get("version").asInt()).isEqualTo(2);

        var stale = call("PATCH", items + "/" + id, bearer(adminToken), "{\"age\":40}", "If-Match", "\"1\"");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().get("currentVersion").asInt()).isEqualTo(2);
        assertThat(call("PATCH", items + "/" + id, bearer(adminToken), "{\"age\":40}").status()).isEqualTo(428);

        var search = call("POST", items + "/search", bearer(adminToken),
                "{\"filter\":{\"all\":[{\"field\":\"age\",\"op\":\"range\",\"from\":31},{\"text\":\"ann\"}]}}");
        assertThat(search.status()).as(search.raw().body()).isEqualTo(200);
        assertThat(search.body().get("items")).hasSize(1);

        assertThat(call("DELETE", items + "/" + id + "?version=2", bearer(adminToken), null).status()).isEqualTo(200);
        assertThat(call("GET", items + "/" + id, bearer(adminToken), null).status()).isEqualTo(404);
        assertThat(call("POST", items + "/" + id + "/restore", bearer(adminToken), null, "If-Match", "\"3\"")
                .status()).isEqualTo(200);

        var history = call("GET", items + "/" + id + "/history", bearer(adminToken), null);
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body().valueStream().map(e -> e.get("action").asString()).toList())
                .containsExactly("item.created", "item.updated", "item.deleted", "item.restored");
        assertThat(history.body().get(1).get("changes").get("age").get(0).asInt()).isEqualTo(30);
        assertThat(history.body().get(1).get("changes").get("age").get(1).asInt()).isEqualTo(31);
        assertThat(history.body().get(0).get("actor").asString()).isEqualTo("admin");
    }

    @Test
    void shouldUploadAFileAndServeItOnlyThroughTheItemThatHoldsIt() throws Exception {
        var docs = call("POST", "/api/v1/apps", bearer(adminToken), """
                {"namespace":"%s","code":"documents","name":{"en":"Documents"},
                 "fields":[{"code":"title","type":"string","required":true},{"code":"scan","type":"file"}]}""".formatted(ns));
        assertThat(docs.status()).as(docs.raw().body()).isEqualTo(201);
        call("POST", "/api/v1/apps/" + ns + "/documents/publish", bearer(adminToken), null);
        String files = "/api/v1/apps/" + ns + "/documents/files";
        String items = "/api/v1/apps/" + ns + "/documents/items";
        byte[] content = "%PDF-1.7 contract text, Привет".getBytes(StandardCharsets.UTF_8);

        var uploaded = upload(files + "?field=scan", bearer(adminToken), "contract 2026.pdf", "application/pdf",
                content);
        assertThat(uploaded.status()).as(uploaded.raw().body()).isEqualTo(201);
        assertThat(uploaded.body().get("size").asInt()).isEqualTo(content.length);
        assertThat(uploaded.body().get("name").asString()).isEqualTo("contract 2026.pdf");
        String fileId = uploaded.body().get("id").asString();

        assertThat(upload(files + "?field=title", bearer(adminToken), "a.txt", "text/plain", content).status())
                .isEqualTo(400);
        var tooLarge = upload(files + "?field=scan", bearer(adminToken), "big.bin", "application/octet-stream",
                new byte[FILE_LIMIT + 1]);
        assertThat(tooLarge.status()).as(tooLarge.raw().body()).isEqualTo(413);

        var item = call("POST", items, bearer(adminToken), "{\"title\":\"Contract\",\"scan\":\"" + fileId + "\"}");
        assertThat(item.status()).as(item.raw().body()).isEqualTo(201);
        String itemId = item.body().get("id").asString();
        var download = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + items + "/" + itemId
                + "/files/" + fileId)).header("Authorization", bearer(adminToken)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(content);
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).startsWith("attachment").contains("contract"));
        assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");

        var stolen = call("POST", items, bearer(adminToken), "{\"title\":\"Copy\",\"scan\":\"" + fileId + "\"}");
        assertThat(stolen.status()).as("a file belongs to one item").isEqualTo(400);
        assertThat(stolen.body().get("errors").get(0).get("field").asString()).isEqualTo("scan");
        var other = call("POST", items, bearer(adminToken), "{\"title\":\"Other\"}").body().get("id").asString();
        assertThat(call("GET", items + "/" + other + "/files/" + fileId, bearer(adminToken), null).status())
                .as("only through the item that holds it").isEqualTo(404);
    }

    @Test
    void shouldDesignAFormAndExchangeItAsFormJs() throws Exception {
        String form = "/api/v1/apps/" + ns + "/contacts/forms/edit";
        var generated = call("GET", form, bearer(adminToken), null);
        assertThat(generated.status()).as(generated.raw().body()).isEqualTo(200);
        assertThat(generated.body().get("version").isNull()).isTrue();
        assertThat(generated.body().get("form").get("elements").get(0).get("type").asString()).isEqualTo("row");

        var saved = call("PUT", form + "/draft", bearer(adminToken), """
                {"name": {"en": "Card"}, "elements": [{"type": "tabs", "id": "tabs", "tabs": [
                  {"type": "tab", "id": "main", "label": {"en": "Main"}, "elements": [
                    {"type": "field", "id": "f-name", "field": "name"},
                    {"type": "field", "id": "f-age", "field": "age",
                     "visibleWhen": {"op": "not", "not": {"op": "empty", "field": "email"}}}]}]}]}""");
        assertThat(saved.status()).as(saved.raw().body()).isEqualTo(200);
        var published = call("POST", form + "/publish", bearer(adminToken), null);
        assertThat(published.status()).as(published.raw().body()).isEqualTo(200);
        assertThat(published.body().get("version").asInt()).isEqualTo(1);

        var exported = call("GET", form + "/form-js", bearer(adminToken), null);
        assertThat(exported.status()).isEqualTo(200);
        var components = exported.body().get("schema").get("components");
        assertThat(components.get(0).get("type").asString()).isEqualTo("group");
        assertThat(components.get(0).get("components").get(1).get("conditional").get("hide").asString())
                .isEqualTo("=not(email != null)");
        assertThat(exported.body().get("notCarried").get(0).asString()).contains("no tabs");

        var imported = call("POST", form + "/form-js", bearer(adminToken), """
                {"type": "default", "id": "Form_contact", "components": [
                  {"type": "textfield", "id": "Field_name", "key": "name", "label": "Name"},
                  {"type": "textfield", "id": "Field_x", "key": "nickname", "label": "Nickname"}]}""");
        assertThat(imported.status()).as(imported.raw().body()).isEqualTo(200);
        assertThat(imported.body().get("notCarried").get(0).asString()).contains("nickname");
        var draft = call("GET", form + "/draft", bearer(adminToken), null).body().get("form");
        assertThat(draft.get("elements").get(0).get("field").asString()).isEqualTo("name");
        assertThat(draft.get("formJsId").asString()).isEqualTo("Form_contact");

        var ofDraft = call("GET", form + "/form-js", bearer(adminToken), null);
        assertThat(ofDraft.body().get("source").asString()).as("the draft, not the published form").isEqualTo("draft");
        assertThat(ofDraft.body().get("schema").get("id").asString()).isEqualTo("Form_contact");
        assertThat(ofDraft.body().get("schema").get("components").get(0).get("key").asString()).isEqualTo("name");
        var ofPublished = call("GET", form + "/form-js?source=published", bearer(adminToken), null);
        assertThat(ofPublished.body().get("source").asString()).isEqualTo("published");
        assertThat(ofPublished.body().get("schema").get("components").get(0).get("type").asString())
                .isEqualTo("group");
        assertThat(call("GET", form + "/form-js?source=latest", bearer(adminToken), null).status()).isEqualTo(400);
        var russian = call("GET", form + "/form-js?source=published&language=ru", bearer(adminToken), null);
        assertThat(russian.body().get("notCarried").get(0).asString()).contains("нет вкладок");

        var broken = call("PUT", form + "/draft", bearer(adminToken),
                "{\"elements\": [{\"type\": \"carousel\", \"id\": \"x\"}]}");
        assertThat(broken.status()).isEqualTo(400);
        call("PUT", form + "/draft", bearer(adminToken),
                "{\"elements\": [{\"type\": \"field\", \"id\": \"f\", \"field\": \"ghost\"}]}");
        var refused = call("POST", form + "/publish", bearer(adminToken), null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.raw().body()).contains("ghost");
        assertThat(call("GET", "/api/v1/apps/" + ns + "/contacts/forms/sideways", bearer(adminToken), null).status())
                .isEqualTo(400);
        assertThat(call("GET", "/api/v1/apps/" + ns + "/contacts/forms/task", bearer(adminToken), null).status())
                .as("a task form names its owner").isEqualTo(400);
        var taskForm = call("GET", "/api/v1/apps/" + ns + "/contacts/forms/task?owner=process:qualify/call",
                bearer(adminToken), null);
        assertThat(taskForm.status()).isEqualTo(200);
        assertThat(taskForm.body().get("version").isNull()).isTrue();
    }

    @Test
    void shouldListEveryWrongFieldInAProblemDetail() throws Exception {
        var answer = call("POST", "/api/v1/apps/" + ns + "/contacts/items", bearer(adminToken),
                "{\"email\":\"nope\",\"age\":\"old\",\"nickname\":\"x\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(answer.body().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .containsExactlyInAnyOrder("name", "email", "age", "nickname");
        assertThat(call("POST", "/api/v1/apps/" + ns + "/contacts/items", bearer(adminToken), "{not json").status())
                .isEqualTo(400);
        var badType = call("POST", "/api/v1/apps", bearer(adminToken),
                "{\"namespace\":\"" + ns + "\",\"code\":\"odd\",\"fields\":[{\"code\":\"x\",\"type\":\"colour\"}]}");
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.body().get("errors").get(0).get("field").asString()).isEqualTo("fields[0].type");
    }

    @Test
    void shouldRefuseAnOperatorWithoutRightsAndUnknownCallers() throws Exception {
        if (users.findByUsername("oscar").isEmpty()) {
            users.create("oscar", "Oscar", "operator-secret-1", Set.of(Role.OPERATOR));
        }
        var token = call("POST", "/api/v1/tokens", basic("oscar", "operator-secret-1"), null);
        assertThat(token.status()).isEqualTo(201);
        String operator = bearer(token.body().get("token").asString());
        String items = "/api/v1/apps/" + ns + "/contacts/items";
        call("POST", items, bearer(adminToken), "{\"name\":\"Secret\"}");

        var read = call("GET", items, operator, null);
        assertThat(read.status()).isEqualTo(403);
        assertThat(read.raw().body()).doesNotContain("Secret");
        assertThat(call("POST", items, operator, "{\"name\":\"Mallory\"}").status()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/apps/" + ns + "/contacts/publish", operator, null).status()).isEqualTo(403);

        assertThat(call("GET", items, null, null).status()).isEqualTo(401);
        assertThat(call("GET", items, "Bearer atr_not-a-real-token", null).status()).isEqualTo(401);
        assertThat(call("GET", items, basic("admin", ADMIN_PASSWORD), null).status())
                .as("Basic credentials are for creating tokens only").isEqualTo(401);
        assertThat(call("POST", "/api/v1/tokens", basic("admin", "wrong-password"), null).status()).isEqualTo(401);
    }

    @Test
    void shouldLetAGrantedOperatorSeeOnlyTheirOwnItems() throws Exception {
        if (users.findByUsername("olga").isEmpty()) {
            users.create("olga", "Olga", "operator-secret-2", Set.of(Role.OPERATOR));
        }
        String operator = bearer(call("POST", "/api/v1/tokens", basic("olga", "operator-secret-2"), null).body()
                .get("token").asString());
        String items = "/api/v1/apps/" + ns + "/contacts/items";
        call("POST", items, bearer(adminToken), "{\"name\":\"Admin's\"}");

        var granted = call("PUT", "/api/v1/apps/" + ns + "/contacts/access", bearer(adminToken),
                "{\"grants\":[{\"role\":\"operator\",\"permissions\":[\"read\",\"create\"],\"scope\":\"own\"}]}");
        assertThat(granted.status()).as(granted.raw().body()).isEqualTo(200);
        assertThat(call("PUT", "/api/v1/apps/" + ns + "/contacts/access", operator, "{\"grants\":[]}").status())
                .isEqualTo(403);

        assertThat(call("POST", items, operator, "{\"name\":\"Olga's\"}").status()).isEqualTo(201);
        var page = call("GET", items, operator, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().get("items").valueStream().map(i -> i.get("values").get("name").asString()).toList())
                .containsExactly("Olga's");
    }

    @Test
    void shouldManageUsersAndGroupsAndScopeItemsByGroup() throws Exception {
        String group = "support" + ns;
        assertThat(call("POST", "/api/v1/groups", bearer(adminToken), "{\"code\":\"" + group
                + "\",\"name\":\"Support\"}").status()).isEqualTo(201);
        var created = call("POST", "/api/v1/users", bearer(adminToken), """
                {"username":"gina%s","displayName":"Gina","password":"support-desk-key-1","roles":["operator"],
                 "groups":["%s"]}""".formatted(ns, group));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        assertThat(created.body().get("groups").get(0).asString()).isEqualTo(group);
        assertThat(call("POST", "/api/v1/users", bearer(adminToken),
                "{\"username\":\"weak\",\"password\":\"short\"}").status()).isEqualTo(400);
        assertThat(call("POST", "/api/v1/users", bearer(adminToken),
                "{\"username\":\"x\",\"password\":\"long-enough-1\",\"groups\":[\"nope\"]}").status())
                .isEqualTo(400);

        String gina = bearer(call("POST", "/api/v1/tokens", basic("gina" + ns, "support-desk-key-1"), null).body()
                .get("token").asString());
        assertThat(call("GET", "/api/v1/users", gina, null).status()).isEqualTo(403);

        // items whose "team" field names Gina's group are hers to see
        var teams = call("POST", "/api/v1/apps", bearer(adminToken), """
                {"namespace":"%s","code":"cases","fields":[{"code":"subject","type":"string"},
                 {"code":"team","type":"string"}]}""".formatted(ns));
        assertThat(teams.status()).isEqualTo(201);
        call("POST", "/api/v1/apps/" + ns + "/cases/publish", bearer(adminToken), null);
        call("PUT", "/api/v1/apps/" + ns + "/cases/access", bearer(adminToken), """
                {"grants":[{"role":"operator","permissions":["read"],"scope":"group"}],"groupField":"team"}""");
        String cases = "/api/v1/apps/" + ns + "/cases/items";
        call("POST", cases, bearer(adminToken), "{\"subject\":\"Ours\",\"team\":\"" + group + "\"}");
        call("POST", cases, bearer(adminToken), "{\"subject\":\"Theirs\",\"team\":\"billing\"}");
        var visible = call("GET", cases, gina, null);
        assertThat(visible.body().get("items").valueStream().map(i -> i.get("values").get("subject").asString())
                .toList()).containsExactly("Ours");

        // a user changes their own password, knowing the current one
        assertThat(call("PUT", "/api/v1/users/gina" + ns + "/password", gina,
                "{\"current\":\"wrong\",\"password\":\"support-desk-key-2\"}").status()).isEqualTo(400);
        assertThat(call("PUT", "/api/v1/users/gina" + ns + "/password", gina,
                "{\"current\":\"support-desk-key-1\",\"password\":\"support-desk-key-2\"}").status()).isEqualTo(204);
        assertThat(call("POST", "/api/v1/tokens", basic("gina" + ns, "support-desk-key-2"), null).status()).isEqualTo(201);
    }

    @Test
    void shouldRevokeATokenAndServeTheOpenApiDescription() throws Exception {
        var created = call("POST", "/api/v1/tokens", bearer(adminToken), "{\"name\":\"short-lived\"}");
        String secret = created.body().get("token").asString();
        assertThat(call("GET", "/api/v1/apps", bearer(secret), null).status()).isEqualTo(200);

        assertThat(call("DELETE", "/api/v1/tokens/" + created.body().get("id").asString(), bearer(adminToken), null)
                .status()).isEqualTo(204);

        assertThat(call("GET", "/api/v1/apps", bearer(secret), null).status()).isEqualTo(401);
        var docs = call("GET", "/v3/api-docs", null, null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().get("paths").has("/api/v1/apps/{namespace}/{app}/items/{id}")).isTrue();
    }

    private String operatorToken(String username) throws Exception {
        if (users.findByUsername(username).isEmpty()) {
            users.create(username, username, "operator-passphrase-7", Set.of(Role.OPERATOR));
        }
        return bearer(call("POST", "/api/v1/tokens", basic(username, "operator-passphrase-7"), null).body()
                .get("token").asString());
    }

    @Test
    void shouldAnswerAReferenceToAnUnreadableItemLikeAMissingOne() throws Exception {
        String operator = operatorToken("otto");
        String company = call("POST", "/api/v1/apps/" + ns + "/companies/items", bearer(adminToken),
                "{\"name\":\"Hidden Inc\"}").body().get("id").asString();
        call("PUT", "/api/v1/apps/" + ns + "/contacts/access", bearer(adminToken),
                "{\"grants\":[{\"role\":\"operator\",\"permissions\":[\"read\",\"create\"]}]}");
        String items = "/api/v1/apps/" + ns + "/contacts/items";

        var existing = call("POST", items, operator, "{\"name\":\"Eve\",\"company\":\"" + company + "\"}");
        var missing = call("POST", items, operator, "{\"name\":\"Eve\",\"company\":\"0123456789abcdef01234567\"}");

        assertThat(existing.status()).isEqualTo(400);
        assertThat(existing.body().get("errors")).isEqualTo(missing.body().get("errors"));
        assertThat(call("POST", items, bearer(adminToken), "{\"name\":\"Eve\",\"company\":\"" + company + "\"}")
                .status()).as("the administrator may read the company").isEqualTo(201);
    }

    @Test
    void shouldServeOnlyTheFieldsOfTheCurrentVersionAndRefuseOneThatBreaksTheAccessRules() throws Exception {
        String app = "/api/v1/apps/" + ns + "/tasks";
        assertThat(call("POST", "/api/v1/apps", bearer(adminToken), """
                {"namespace":"%s","code":"tasks","name":"Tasks","fields":[{"code":"title","type":"string"},
                 {"code":"secret","type":"string"},{"code":"owner","type":"user"}]}""".formatted(ns)).status())
                .isEqualTo(201);
        call("POST", app + "/publish", bearer(adminToken), null);
        String id = call("POST", app + "/items", bearer(adminToken), "{\"title\":\"T\",\"secret\":\"s3\"}").body()
                .get("id").asString();
        assertThat(call("PUT", app + "/access", bearer(adminToken), """
                {"grants":[{"role":"operator","permissions":["read"],"scope":"assigned"}],"assigneeField":"owner"}""")
                .status()).isEqualTo(200);

        call("PUT", app + "/draft", bearer(adminToken), """
                {"namespace":"%s","code":"tasks","name":"Tasks","fields":[{"code":"title","type":"string"},
                 {"code":"owner","type":"user"}]}""".formatted(ns));
        assertThat(call("POST", app + "/publish", bearer(adminToken), null).status()).isEqualTo(200);
        var item = call("GET", app + "/items/" + id, bearer(adminToken), null);
        var found = call("POST", app + "/items/search", bearer(adminToken), "{}");

        assertThat(item.body().get("values").has("secret")).as("a dropped field is not served").isFalse();
        assertThat(found.body().get("items").get(0).get("values").has("secret")).isFalse();

        call("PUT", app + "/draft", bearer(adminToken), """
                {"namespace":"%s","code":"tasks","name":"Tasks","fields":[{"code":"title","type":"string"}]}"""
                .formatted(ns));
        var breaking = call("POST", app + "/publish", bearer(adminToken), null);
        assertThat(breaking.status()).as(breaking.raw().body()).isEqualTo(400);
        assertThat(breaking.raw().body()).contains("access rules");
        assertThat(call("GET", app, bearer(adminToken), null).body().toString()).contains("owner");
    }

    @Test
    void shouldKeepAStatusOnItsTransitions() throws Exception {
        String app = "/api/v1/apps/" + ns + "/requests";
        call("POST", "/api/v1/apps", bearer(adminToken), """
                {"namespace":"%s","code":"requests","name":"Requests","fields":[{"code":"stage","type":"status",
                 "states":["new","open","closed"],"initial":"new","transitions":{"new":["open"],"open":["closed"]}}]}"""
                .formatted(ns));
        call("POST", app + "/publish", bearer(adminToken), null);

        assertThat(call("POST", app + "/items", bearer(adminToken), "{\"stage\":\"closed\"}").status())
                .as("a new item starts in the initial state").isEqualTo(400);
        String id = call("POST", app + "/items", bearer(adminToken), "{}").body().get("id").asString();
        var cleared = call("PATCH", app + "/items/" + id, bearer(adminToken), "{\"stage\":null}", "If-Match", "\"1\"");
        var skipped = call("PATCH", app + "/items/" + id, bearer(adminToken), "{\"stage\":\"closed\"}", "If-Match",
                "\"1\"");

        assertThat(cleared.status()).isEqualTo(400);
        assertThat(skipped.status()).isEqualTo(400);
        assertThat(call("GET", app + "/items/" + id, bearer(adminToken), null).body().get("values").get("stage")
                .asString()).isEqualTo("new");
    }

    @Test
    void shouldRefuseNumbersThatWouldExpandBeyondBounds() throws Exception {
        String items = "/api/v1/apps/" + ns + "/contacts/items";
        for (String age : new String[] {"1e1000000", "1" + "0".repeat(401), "1e308"}) {
            var answer = call("POST", items, bearer(adminToken), "{\"name\":\"N\",\"age\":" + age + "}");
            assertThat(answer.status()).as(age).isEqualTo(400);
        }
        var search = call("POST", items + "/search", bearer(adminToken),
                "{\"filter\":{\"field\":\"age\",\"op\":\"range\",\"from\":1e1000000000}}");
        assertThat(search.status()).isEqualTo(400);
        var displayName = call("PATCH", "/api/v1/users/admin", bearer(adminToken),
                "{\"displayName\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}");
        assertThat(displayName.status()).isEqualTo(413);
    }
}
