package io.atrium.runtime.api.internal;

import io.atrium.platform.identity.ApiToken;
import io.atrium.platform.identity.ApiTokens;
import io.swagger.v3.oas.annotations.Operation;
import io.atrium.runtime.api.internal.doc.NewTokenDoc;
import io.atrium.runtime.api.internal.doc.TokenDoc;
import io.atrium.runtime.api.internal.doc.TokenRequestDoc;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "Tokens", description = "Personal API tokens; create one with HTTP Basic credentials to bootstrap")
class TokensController {

    private final ApiTokens tokens;

    TokensController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping
    @Operation(operationId = "createToken",
            summary = "Create a token for the caller; the secret is in this answer only. Accepts HTTP "
            + "Basic credentials, to bootstrap the first token",
            security = {@SecurityRequirement(name = ApiDescription.BEARER),
                    @SecurityRequirement(name = ApiDescription.BASIC)},
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = TokenRequestDoc.class))),
            responses = @ApiResponse(responseCode = "201", description = "The token with its secret",
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = NewTokenDoc.class))))
    @Problems({429})
    ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) JsonNode body, Authentication auth) {
        String name = JsonInput.text(body, "name", "name", JsonInput.NAME_MAX, null);
        try {
            var issued = tokens.issue(auth.getName(), name);
            var out = describe(issued.token());
            out.put("token", issued.secret());
            return ResponseEntity.status(HttpStatus.CREATED).body(out);
        } catch (IllegalArgumentException e) {
            throw new io.atrium.platform.app.ValidationException(List.of(
                    new io.atrium.platform.app.FieldError("name", "invalid", e.getMessage())));
        }
    }

    @GetMapping
    @Operation(operationId = "listTokens",
            summary = "The caller's tokens, without secrets",
            security = {@SecurityRequirement(name = ApiDescription.BEARER),
                    @SecurityRequirement(name = ApiDescription.BASIC)},
            responses = @ApiResponse(responseCode = "200", description = "The tokens",
                    content = @Content(mediaType = "application/json",
                            array = @ArraySchema(schema = @Schema(implementation = TokenDoc.class)))))
    @Problems({429})
    List<Map<String, Object>> list(Authentication auth) {
        return tokens.of(auth.getName()).stream().map(TokensController::describe).toList();
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "revokeToken",
            summary = "Revoke one of the caller's tokens",
            security = {@SecurityRequirement(name = ApiDescription.BEARER),
                    @SecurityRequirement(name = ApiDescription.BASIC)},
            responses = @ApiResponse(responseCode = "204", description = "Revoked"))
    @Problems({404, 429})
    ResponseEntity<Void> revoke(@PathVariable String id, Authentication auth) {
        if (!tokens.revoke(auth.getName(), id)) {
            throw new NoSuchElementException("You have no token " + id);
        }
        return ResponseEntity.noContent().build();
    }

    private static Map<String, Object> describe(ApiToken token) {
        var out = new LinkedHashMap<String, Object>();
        out.put("id", token.id());
        out.put("name", token.name());
        out.put("createdAt", token.createdAt().toString());
        out.put("lastUsedAt", token.lastUsedAt() == null ? null : token.lastUsedAt().toString());
        out.put("revoked", token.revoked());
        return out;
    }
}
