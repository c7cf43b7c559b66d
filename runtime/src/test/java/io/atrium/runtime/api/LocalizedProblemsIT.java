package io.atrium.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrium.runtime.RuntimeTestApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Problems are told in the caller's Accept-Language, with the same codes and fields in every language. */
@SpringBootTest(classes = RuntimeTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LocalizedProblemsIT {

    private static final String ADMIN_PASSWORD = "localized-problems-secret";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String INVALID_CONTACT = "{\"email\":\"nope\",\"age\":\"old\",\"phone\":\"call me\"}";
    private static int namespaces;

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        RuntimeTestApplication.embeddedOnFreePorts(registry, dataDir, ADMIN_PASSWORD);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private String auth;
    private String items;

    @BeforeEach
    void publishContacts() throws Exception {
        auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        var token = call("POST", "/api/v1/tokens", "{\"name\":\"problems\"}");
        assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
        auth = "Bearer " + JSON.readTree(token.body()).get("token").asString();
        String ns = "loc" + (++namespaces);
        var created = call("POST", "/api/v1/apps", """
                {"namespace":"%s","code":"contacts","name":{"en":"Contacts","ru":"Контакты"},
                 "fields":[{"code":"name","type":"string","required":true},{"code":"email","type":"email"},
                           {"code":"age","type":"number"},{"code":"phone","type":"phone"}]}""".formatted(ns));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var published = call("POST", "/api/v1/apps/" + ns + "/contacts/publish", null);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        items = "/api/v1/apps/" + ns + "/contacts/items";
    }

    @Test
    void shouldTellTheSameRefusalInRussianWhenAskedWithTheSameCodes() throws Exception {
        // given
        JsonNode english = JSON.readTree(call("POST", items, INVALID_CONTACT).body());

        // when
        var answer = call("POST", items, INVALID_CONTACT, "Accept-Language", "ru-RU,ru;q=0.9,en;q=0.5");

        // then
        assertThat(answer.statusCode()).isEqualTo(400);
        JsonNode russian = JSON.readTree(answer.body());
        assertThat(codes(russian)).isEqualTo(codes(english));
        assertThat(russian.get("type").asString()).isEqualTo(english.get("type").asString());
        assertThat(russian.get("title").asString()).isEqualTo("Запрос недопустим");
        assertThat(messages(russian)).containsEntry("name", "Значение обязательно")
                .containsEntry("age", "Ожидается число")
                .containsEntry("phone", "Ожидается номер телефона, например +7 912 345-67-89");
        assertThat(russian.get("detail").asString()).contains("name: Значение обязательно");
    }

    @Test
    void shouldTellProblemsInEnglishByDefaultWithAnEnglishPhoneExample() throws Exception {
        // when
        JsonNode plain = JSON.readTree(call("POST", items, INVALID_CONTACT).body());
        JsonNode german = JSON.readTree(call("POST", items, INVALID_CONTACT, "Accept-Language", "de-DE").body());

        // then
        assertThat(plain.get("title").asString()).isEqualTo("The request is not valid");
        assertThat(messages(plain)).containsEntry("name", "A value is required")
                .containsEntry("phone", "A phone number like +1 212 555 0142 is expected");
        assertThat(messages(german)).isEqualTo(messages(plain));
    }

    @Test
    void shouldTellAReaderRefusalInRussian() throws Exception {
        // when
        var answer = call("POST", items + "/search", "{\"filter\":{\"field\":\"age\",\"op\":\"near\"}}",
                "Accept-Language", "ru");

        // then
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        JsonNode error = JSON.readTree(answer.body()).get("errors").get(0);
        assertThat(error.get("code").asString()).isEqualTo("filter");
        assertThat(error.get("message").asString()).startsWith("Неизвестный оператор «near»");
    }

    @Test
    void shouldTellABadAddressAndAMissingDraftInTheReadersLanguage() throws Exception {
        // when
        var badCode = call("GET", "/api/v1/apps/Bad-Space/contacts/items", null, "Accept-Language", "ru");
        var noDraft = call("POST", items.replace("/items", "/forms/view/publish"), null, "Accept-Language", "ru");
        var noDraftEnglish = call("POST", items.replace("/items", "/forms/view/publish"), null);

        // then
        assertThat(badCode.statusCode()).as(badCode.body()).isEqualTo(400);
        assertThat(JSON.readTree(badCode.body()).get("detail").asString())
                .startsWith("Код рабочей области").contains("«Bad-Space» не подходит");
        assertThat(noDraft.statusCode()).as(noDraft.body()).isEqualTo(404);
        assertThat(JSON.readTree(noDraft.body()).get("detail").asString()).startsWith("У формы").contains("нет черновика");
        assertThat(JSON.readTree(noDraftEnglish.body()).get("detail").asString()).startsWith("There is no draft of the form");
    }

    @Test
    void shouldTellAnUnknownAddressInTheReadersLanguage() throws Exception {
        // when
        var russian = call("GET", "/api/v1/no-such-thing", null, "Accept-Language", "ru");
        var english = call("GET", "/api/v1/no-such-thing", null);

        // then
        assertThat(russian.statusCode()).isEqualTo(404);
        JsonNode problem = JSON.readTree(russian.body());
        assertThat(problem.get("title").asString()).isEqualTo("Не найдено");
        assertThat(problem.get("detail").asString()).isEqualTo("По адресу /api/v1/no-such-thing ничего нет");
        assertThat(JSON.readTree(english.body()).get("title").asString()).isEqualTo("Not found");
        assertThat(JSON.readTree(english.body()).get("detail").asString())
                .isEqualTo("There is nothing at /api/v1/no-such-thing");
    }

    private static Map<String, String> codes(JsonNode problem) {
        return problem.get("errors").valueStream().collect(Collectors.toMap(
                e -> e.get("field").asString(), e -> e.get("code").asString()));
    }

    private static Map<String, String> messages(JsonNode problem) {
        return problem.get("errors").valueStream().collect(Collectors.toMap(
                e -> e.get("field").asString(), e -> e.get("message").asString()));
    }

    private HttpResponse<String> call(String method, String path, String body, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Authorization", auth);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
