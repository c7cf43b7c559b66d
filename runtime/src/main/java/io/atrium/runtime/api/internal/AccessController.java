package io.atrium.runtime.api.internal;

import io.atrium.runtime.security.Actors;
import io.atrium.platform.access.AccessPolicy;
import io.atrium.platform.access.AppAccess;
import io.atrium.platform.access.AppGrant;
import io.atrium.platform.access.ItemScope;
import io.atrium.platform.access.Permission;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.MessageKey;
import io.atrium.platform.app.ValidationException;
import io.atrium.platform.identity.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.atrium.runtime.api.internal.doc.AccessRulesDoc;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/apps/{namespace}/{code}/access")
@Tag(name = "Access", description = "Who may do what with an app's items")
class AccessController {

    private final AccessPolicy access;

    private final Actors actors;

    AccessController(AccessPolicy access, Actors actors) {
        this.access = access;
        this.actors = actors;
    }

    @GetMapping
    @Operation(operationId = "getAppAccess",
            summary = "Who may do what with the app's items",
            responses = @ApiResponse(responseCode = "200", description = "The rules",
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = AccessRulesDoc.class))))
    @Problems({404})
    Map<String, Object> get(@PathVariable String namespace, @PathVariable String code, Authentication auth) {
        var ref = new AppRef(namespace, code);
        access.require(actors.of(auth), ref, Permission.ADMINISTER);
        return write(access.rulesOf(ref));
    }

    @PutMapping
    @Operation(operationId = "setAppAccess",
            summary = "Replace the app's grants: {grants: [{role, permissions, scope}], assigneeField, "
            + "groupField}",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = AccessRulesDoc.class))),
            responses = @ApiResponse(responseCode = "200", description = "The rules as stored",
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = AccessRulesDoc.class))))
    @Problems({404})
    Map<String, Object> put(@PathVariable String namespace, @PathVariable String code, @RequestBody JsonNode body,
            Authentication auth) {
        var ref = new AppRef(namespace, code);
        var rules = read(body);
        access.setRules(actors.of(auth), ref, rules);
        return write(access.rulesOf(ref));
    }

    private static AppAccess read(JsonNode body) {
        var errors = new ArrayList<FieldError>();
        var grants = new ArrayList<AppGrant>();
        JsonNode list = body == null ? null : body.get("grants");
        if (list == null || !list.isArray()) {
            throw new ValidationException(List.of(FieldError.of("grants", "type", MessageKey.GRANTS_LIST_EXPECTED)));
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode g = list.get(i);
            String at = "grants[" + i + "]";
            try {
                var role = Role.valueOf(upper(g.path("role").asString("")));
                var permissions = EnumSet.noneOf(Permission.class);
                g.path("permissions").forEach(p -> permissions.add(Permission.valueOf(upper(p.asString("")))));
                var scope = g.hasNonNull("scope") ? ItemScope.valueOf(upper(g.get("scope").asString())) : ItemScope.ALL;
                grants.add(new AppGrant(role, permissions, scope));
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of(at, "invalid", MessageKey.GRANT_FORMAT));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new AppAccess(grants, text(body, "assigneeField"), text(body, "groupField"));
    }

    private static Map<String, Object> write(AppAccess rules) {
        var out = new LinkedHashMap<String, Object>();
        out.put("grants", rules.grants().stream().map(g -> Map.of("role", lower(g.role().name()),
                "permissions", g.permissions().stream().map(p -> lower(p.name())).sorted().toList(),
                "scope", lower(g.scope().name()))).toList());
        out.put("assigneeField", rules.assigneeField());
        out.put("groupField", rules.groupField());
        return out;
    }

    private static String text(JsonNode body, String key) {
        return body.hasNonNull(key) ? body.get(key).asString() : null;
    }

    private static String upper(String value) {
        return value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
