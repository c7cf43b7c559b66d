package io.atrium.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrium.PlatformTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI description explains the API: a real title and version, a bearer scheme Swagger
 * UI can authorize with, stable operation ids, typed bodies and the problems each operation answers.
 */
class OpenApiIT extends PlatformTestSupport {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final Set<String> WRITING = Set.of("post", "put", "patch");

    @LocalServerPort
    int port;

    private JsonNode document;

    @BeforeEach
    void readDocument() throws Exception {
        var answer = new ApiClient(port).json("GET", "/v3/api-docs", null, null);
        assertThat(answer.status()).isEqualTo(200);
        document = answer.json();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "openapi.json"), answer.body());
    }

    @Test
    void shouldNameTheApiAndThePlatformVersion() {
        // given the document, when its info is read
        JsonNode info = document.get("info");

        // then it names the API and a version that is not springdoc's placeholder
        assertThat(info.get("title").asString()).isEqualTo("Atrium API");
        assertThat(info.get("version").asString()).isNotBlank().isNotEqualTo("v0");
        assertThat(info.get("description").asString()).contains("/api/v1/tokens");
    }

    @Test
    void shouldDeclareABearerSchemeForApiTokensAndBasicOnTheTokensEndpoint() {
        // given the security schemes
        JsonNode schemes = document.at("/components/securitySchemes");

        // then a bearer scheme explains the atr_ tokens and applies to every operation by default
        JsonNode bearer = schemes.get("bearerToken");
        assertThat(bearer.get("type").asString()).isEqualTo("http");
        assertThat(bearer.get("scheme").asString()).isEqualTo("bearer");
        assertThat(bearer.get("description").asString()).contains("atr_", "POST /api/v1/tokens");
        assertThat(document.at("/security/0").has("bearerToken")).isTrue();
        // and HTTP Basic is offered where it is accepted: creating a token
        assertThat(schemes.at("/basicPassword/scheme").asString()).isEqualTo("basic");
        var tokenSecurity = new ArrayList<String>();
        document.at("/paths/~1api~1v1~1tokens/post/security").forEach(s -> tokenSecurity.addAll(s.propertyNames()));
        assertThat(tokenSecurity).contains("basicPassword", "bearerToken");
    }

    @Test
    void shouldGiveEveryOperationAUniqueStableIdATagAndItsProblems() {
        // given every operation
        var ids = new HashSet<String>();
        var missing = new ArrayList<String>();
        operations((name, operation) -> {
            // then its id is unique and chosen, not generated (create_1)
            String id = operation.path("operationId").asString("");
            if (id.isEmpty() || id.matches(".*_\\d+$") || !ids.add(id)) {
                missing.add(name + ": operationId '" + id + "'");
            }
            if (operation.path("tags").isEmpty()) {
                missing.add(name + ": no tag");
            }
            // and it documents its 4xx problems with the Problem schema
            boolean problem4xx = false;
            for (String status : operation.get("responses").propertyNames()) {
                String ref = operation.at("/responses/" + status + "/content/application~1problem+json/schema/$ref")
                        .asString("");
                if (status.startsWith("4") && ref.equals("#/components/schemas/Problem")) {
                    problem4xx = true;
                }
            }
            if (!problem4xx) {
                missing.add(name + ": no 4xx problem response");
            }
            if (!operation.at("/responses/401").isObject() || !operation.at("/responses/500").isObject()) {
                missing.add(name + ": 401 or 500 undocumented");
            }
        });
        assertThat(missing).isEmpty();
        assertThat(ids).contains("createItem", "searchItems", "listApps", "createToken", "saveFormDraft");
        assertThat(ids).hasSizeGreaterThan(30);
    }

    @Test
    void shouldDescribeTheProblemSchema() {
        // given the Problem schema
        JsonNode problem = document.at("/components/schemas/Problem/properties");

        // then it has the RFC 9457 members and the field errors
        assertThat(problem.propertyNames()).contains("type", "title", "status", "detail", "instance", "errors");
        assertThat(resolve(problem.at("/errors/items")).get("properties").propertyNames())
                .contains("field", "code", "message");
    }

    @Test
    void shouldTypeTheBodyOfEveryWritingOperation() {
        // given the writing operations with a body
        var untyped = new ArrayList<String>();
        int bodies = 0;
        for (var path : document.get("paths").properties()) {
            for (String method : WRITING) {
                JsonNode content = path.getValue().path(method).path("requestBody").path("content");
                for (var media : content.properties()) {
                    bodies++;
                    // then each names its properties (an item's values: its field codes, as a map)
                    JsonNode schema = resolve(media.getValue().get("schema"));
                    boolean typed = schema.path("properties").size() > 0
                            || schema.path("additionalProperties").isObject();
                    if (!typed) {
                        untyped.add(method + " " + path.getKey() + " " + media.getKey() + ": " + schema);
                    }
                }
            }
        }
        assertThat(untyped).isEmpty();
        assertThat(bodies).isGreaterThan(12);
        // and the answers are typed too
        assertThat(document.at("/paths/~1api~1v1~1apps~1{namespace}~1{app}~1items/post/responses/201/content")
                .toString()).contains("#/components/schemas/Item");
        assertThat(document.at("/components/schemas").propertyNames()).noneMatch(name -> name.endsWith("Doc"));
        // and an app's fields are field definitions, not the form element of the same simple name
        assertThat(document.at("/components/schemas/AppDefinition/properties/fields/items/$ref").asString())
                .isEqualTo("#/components/schemas/FieldDefinition");
        assertThat(document.at("/components/schemas/FieldDefinition/properties").propertyNames())
                .contains("code", "type", "options", "target", "columns", "default");
        assertThat(document.at("/components/schemas").propertyNames()).doesNotContain("LocalizedText");
        assertThat(document.at("/components/schemas/Search/properties/filter/$ref").asString())
                .isEqualTo("#/components/schemas/Filter");
    }

    private JsonNode resolve(JsonNode schema) {
        if (schema != null && schema.has("$ref")) {
            String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
            return document.at("/components/schemas/" + name);
        }
        return schema;
    }

    private void operations(java.util.function.BiConsumer<String, JsonNode> check) {
        List<String> seen = new ArrayList<>();
        for (var path : document.get("paths").properties()) {
            for (var method : path.getValue().properties()) {
                if (METHODS.contains(method.getKey())) {
                    seen.add(method.getKey() + " " + path.getKey());
                    check.accept(method.getKey() + " " + path.getKey(), method.getValue());
                }
            }
        }
        assertThat(seen).isNotEmpty();
    }
}
