package io.atrium.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrium.runtime.RuntimeTestApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Paging cursors over the REST API: opaque, signed, tied to their listing; anything else is a 400. */
@SpringBootTest(classes = RuntimeTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CursorsIT {

    private static final String ADMIN_PASSWORD = "cursors-paging-secret";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int ITEMS = 23;

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        RuntimeTestApplication.embeddedOnFreePorts(registry, dataDir, ADMIN_PASSWORD);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private static String token;
    private static final String ITEMS_PATH = "/api/v1/apps/sales/deals/items";
    private final String items = ITEMS_PATH;

    record Answer(int status, JsonNode body) {
    }

    private Answer call(String method, String path, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        request.header("Authorization", token != null ? "Bearer " + token : "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isBlank() ? null : JSON.readTree(response.body()));
    }

    @BeforeEach
    void givenDealsWithTiedAndMissingAmounts() throws Exception {
        if (token != null) { // one set of deals for all tests of the class; they only read
            return;
        }
        token = call("POST", "/api/v1/tokens", "{\"name\":\"cursors\"}").body().get("token").asString();
        assertThat(call("POST", "/api/v1/apps", """
                {"namespace":"sales","code":"deals","name":{"en":"Deals","ru":"Сделки"},
                 "fields":[{"code":"name","type":"string","required":true},{"code":"amount","type":"number"}]}""")
                .status()).isEqualTo(201);
        assertThat(call("POST", "/api/v1/apps/sales/deals/publish", null).status()).isEqualTo(200);
        for (int i = 0; i < ITEMS; i++) {
            String amount = i % 4 == 0 ? "" : ",\"amount\":" + (i % 3 == 0 ? "1.5" : String.valueOf(i % 3));
            assertThat(call("POST", items, "{\"name\":\"Deal " + i + "\"" + amount + "}").status()).isEqualTo(201);
        }
    }

    private String firstCursor(String sort, boolean descending) throws Exception {
        var page = call("GET", items + "?limit=5&sort=" + sort + "&descending=" + descending, null);
        assertThat(page.status()).isEqualTo(200);
        return page.body().get("next").asString();
    }

    @Test
    void shouldPageThroughEveryItemOnceInBothDirections() throws Exception {
        for (boolean descending : new boolean[] {false, true}) {
            // when
            var seen = new ArrayList<String>();
            String after = null;
            do {
                var page = call("POST", items + "/search", JSON.writeValueAsString(java.util.Map.of("sort", "amount",
                        "descending", descending, "limit", 4, "after", after == null ? "" : after)).replace(
                                ",\"after\":\"\"", "").replace("\"after\":\"\",", ""));
                assertThat(page.status()).as(String.valueOf(page.body())).isEqualTo(200);
                page.body().get("items").forEach(item -> seen.add(item.get("id").asString()));
                after = page.body().get("next").isNull() ? null : page.body().get("next").asString();
            } while (after != null);

            // then
            assertThat(seen).hasSize(ITEMS);
            assertThat(new HashSet<>(seen)).hasSize(ITEMS);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"v\":{\"$regex\":\"(.*a){12}$\"},\"id\":\"\"}",
            "{\"v\":{\"$exists\":true},\"id\":\"\"}", "{\"v\":\"\",\"id\":5}", "{\"v\":{\"$where\":\"true\"}}"})
    void shouldAnswerTheInjectionsOfUnsignedCursorsWithABadRequest(String extendedJson) throws Exception {
        // given a cursor made the way earlier versions made them
        String forged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(extendedJson.getBytes(StandardCharsets.UTF_8));

        // when / then
        assertBadCursor(call("GET", items + "?after=" + forged, null));
        assertBadCursor(call("POST", items + "/search", "{\"after\":\"" + forged + "\"}"));
    }

    @Test
    void shouldAnswerACursorWithAFlippedByteWithABadRequest() throws Exception {
        // given
        byte[] token = Base64.getUrlDecoder().decode(firstCursor("createdAt", false));
        token[token.length / 2] ^= 0x20;
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(token);

        // when / then
        assertBadCursor(call("GET", items + "?after=" + tampered, null));
    }

    @Test
    void shouldAnswerACursorOfAnotherSortWithABadRequest() throws Exception {
        // given
        String byAmount = firstCursor("amount", false);
        assertThat(call("GET", items + "?sort=amount&after=" + byAmount, null).status()).isEqualTo(200);

        // when / then
        assertBadCursor(call("GET", items + "?sort=name&after=" + byAmount, null));
        assertBadCursor(call("GET", items + "?sort=amount&descending=true&after=" + byAmount, null));
        assertBadCursor(call("POST", items + "/search", "{\"sort\":\"createdAt\",\"after\":\"" + byAmount + "\"}"));
    }

    private static void assertBadCursor(Answer answer) {
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(400);
        assertThat(answer.body().get("type").asString()).isEqualTo("https://atrium.io/problems/invalid");
        assertThat(List.of(answer.body().get("errors").get(0).get("field").asString(),
                answer.body().get("errors").get(0).get("code").asString())).containsExactly("after", "cursor");
    }
}
