package io.atrium.runtime.api.internal;

import io.atrium.platform.PlatformVersion;
import io.atrium.platform.app.LocalizedText;
import io.atrium.runtime.api.internal.doc.LocalizedNameDoc;
import io.atrium.runtime.api.internal.doc.ProblemDoc;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import java.util.TreeSet;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's OpenAPI description: title, the platform's version, how to authenticate (a bearer
 * API token everywhere; HTTP Basic to create one), and the RFC 9457 problems each operation may
 * answer, all with one Problem schema.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    static final String BEARER = "bearerToken";
    static final String BASIC = "basicPassword";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    /** What each documented problem status means in this API. */
    private static final Map<Integer, String> MEANINGS = Map.ofEntries(
            Map.entry(400, "The request is not valid: a property, parameter or the JSON itself (errors name them)"),
            Map.entry(401, "No valid credentials: send Authorization: Bearer atr_…"),
            Map.entry(403, "The caller may not do this"),
            Map.entry(404, "There is no such thing, or the caller may not see it"),
            Map.entry(409, "Conflict: it exists already, or the item changed since it was read (currentVersion)"),
            Map.entry(413, "The body is larger than the server accepts"),
            Map.entry(415, "The body's media type is not accepted"),
            Map.entry(428, "The version read is missing: send If-Match: \"<version>\""),
            Map.entry(429, "Too many failed sign-ins: wait Retry-After seconds (retryAfter)"),
            Map.entry(500, "Unforeseen failure; the incident names it in the server's log"),
            Map.entry(504, "The query took longer than the server allows; narrow the filter"));

    static {
        // the platform's record has an isBlank() that is no part of the JSON
        SpringDocUtils.getConfig().replaceWithClass(LocalizedText.class, LocalizedNameDoc.class);
    }

    @Bean
    OpenAPI atriumOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Atrium API").version(PlatformVersion.current()).description("""
                        The REST API of the Atrium low-code platform: apps (drafts, publishing, versions, \
                        access), their items and files, forms, users, groups and personal API tokens. \
                        JSON over HTTP under /api/v1; every refusal is an RFC 9457 problem \
                        (application/problem+json).

                        **Authorize:** create a token with `POST /api/v1/tokens` (HTTP Basic with your \
                        username and password, also from here: Authorize → basicPassword), copy the \
                        `token` of the answer (`atr_…`) and enter it under Authorize → bearerToken."""))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("atr_…").description("""
                                        A personal API token (atr_…) sent as Authorization: Bearer atr_…. \
                                        Create one with POST /api/v1/tokens using HTTP Basic, or in the UI: \
                                        user menu → My API tokens. It carries the rights of its user."""))
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic").description("""
                                        Username and password; accepted on /api/v1/tokens only, to create \
                                        the first token. Throttled after failed attempts (429).""")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** The problems every operation may answer, and those of a body wherever there is one. */
    @Bean
    GlobalOperationCustomizer problemResponses() {
        return (operation, handler) -> {
            var statuses = new TreeSet<Integer>();
            statuses.add(401);
            statuses.add(403);
            statuses.add(500);
            if (operation.getRequestBody() != null) {
                statuses.add(400);
                statuses.add(413);
                statuses.add(415);
            }
            Problems declared = handler.getMethodAnnotation(Problems.class);
            if (declared != null) {
                for (int status : declared.value()) {
                    statuses.add(status);
                }
            }
            statuses.forEach(status -> document(operation, status));
            return operation;
        };
    }

    /** The Problem schema itself, which the responses above refer to. */
    @Bean
    GlobalOpenApiCustomizer problemSchema() {
        return openApi -> ModelConverters.getInstance().readAll(ProblemDoc.class)
                .forEach((name, schema) -> openApi.getComponents().addSchemas(name, schema));
    }

    private static void document(Operation operation, int status) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        String meaning = MEANINGS.get(status);
        if (meaning == null) {
            throw new IllegalStateException("No meaning documented for problem status " + status);
        }
        operation.getResponses().addApiResponse(String.valueOf(status), new ApiResponse().description(meaning)
                .content(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref(PROBLEM_REF)))));
    }
}
