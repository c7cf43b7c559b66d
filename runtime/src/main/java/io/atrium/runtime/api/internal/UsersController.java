package io.atrium.runtime.api.internal;

import io.atrium.platform.access.AccessDeniedException;
import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.MessageKey;
import io.atrium.platform.app.ValidationException;
import io.atrium.platform.identity.ApiTokens;
import io.atrium.platform.identity.GroupDirectory;
import io.atrium.platform.identity.InvalidAccountException;
import io.atrium.platform.identity.Role;
import io.atrium.platform.identity.UserAccount;
import io.atrium.platform.identity.UserDirectory;
import io.atrium.platform.identity.UserGroup;
import io.swagger.v3.oas.annotations.Operation;
import io.atrium.runtime.api.internal.doc.GroupDoc;
import io.atrium.runtime.api.internal.doc.NewUserDoc;
import io.atrium.runtime.api.internal.doc.PasswordChangeDoc;
import io.atrium.runtime.api.internal.doc.UserChangeDoc;
import io.atrium.runtime.api.internal.doc.UserDoc;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Users and groups: managed by administrators; every user may change their own password. */
@RestController
@Tag(name = "Users and groups")
class UsersController {

    private final UserDirectory users;
    private final GroupDirectory groups;
    private final ApiTokens tokens;

    UsersController(UserDirectory users, GroupDirectory groups, ApiTokens tokens) {
        this.users = users;
        this.groups = groups;
        this.tokens = tokens;
    }

    @GetMapping("/api/v1/users")
    @Operation(operationId = "listUsers",
            summary = "Every user (administrators)",
            responses = @ApiResponse(responseCode = "200", description = "The users",
                    content = @Content(mediaType = "application/json",
                            array = @ArraySchema(schema = @Schema(implementation = UserDoc.class)))))
    List<Map<String, Object>> list(Authentication auth) {
        requireAdmin(auth);
        return users.all().stream().map(UsersController::describe).toList();
    }

    @PostMapping("/api/v1/users")
    @Operation(operationId = "createUser",
            summary = "Create a user: {username, displayName, password, roles, groups} (administrators)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = NewUserDoc.class))),
            responses = @ApiResponse(responseCode = "201", description = "The user; Location names it",
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = UserDoc.class))))
    @Problems({409})
    ResponseEntity<Map<String, Object>> create(@RequestBody JsonNode body, Authentication auth) {
        requireAdmin(auth);
        // everything is checked before the one write that stores the account
        Set<Role> roles = roles(body.get("roles"));
        Set<String> memberOf = groups(body.get("groups"));
        String username = text(body, "username");
        try {
            var account = users.create(username, body.hasNonNull("displayName") ? text(body, "displayName") : null,
                    text(body, "password"), roles, memberOf);
            return ResponseEntity.created(URI.create("/api/v1/users/" + account.username())).body(describe(account));
        } catch (UserDirectory.UsernameTakenException e) {
            throw new ConflictException(e.getMessage());
        } catch (InvalidAccountException e) {
            throw new ValidationException(List.of(account(e)));
        }
    }

    @GetMapping("/api/v1/users/{username}")
    @Operation(operationId = "getUser",
            summary = "One user (administrators, or the user)",
            responses = @ApiResponse(responseCode = "200", description = "The user",
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = UserDoc.class))))
    @Problems({404})
    Map<String, Object> get(@PathVariable String username, Authentication auth) {
        if (!auth.getName().equalsIgnoreCase(username)) {
            requireAdmin(auth);
        }
        return describe(users.findByUsername(username).orElseThrow(() -> new NoSuchElementException("No user "
                + username)));
    }

    @PatchMapping("/api/v1/users/{username}")
    @Operation(operationId = "updateUser",
            summary = "Change displayName, roles, groups or enabled (administrators)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = UserChangeDoc.class))),
            responses = @ApiResponse(responseCode = "200", description = "The user as changed",
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = UserDoc.class))))
    @Problems({404})
    Map<String, Object> update(@PathVariable String username, @RequestBody JsonNode body, Authentication auth) {
        requireAdmin(auth);
        Set<Role> roles = body.has("roles") ? roles(body.get("roles")) : null;
        if (roles != null && auth.getName().equalsIgnoreCase(username) && !roles.contains(Role.ADMIN)) {
            throw invalid("roles", MessageKey.OWN_ADMIN_ROLE);
        }
        Boolean enabled = null;
        if (body.hasNonNull("enabled")) {
            if (!body.get("enabled").isBoolean()) {
                throw invalid("enabled", MessageKey.BOOLEAN_EXPECTED);
            }
            enabled = body.get("enabled").asBoolean();
        }
        if (Boolean.FALSE.equals(enabled) && auth.getName().equalsIgnoreCase(username)) {
            throw invalid("enabled", MessageKey.OWN_ACCOUNT_DISABLE);
        }
        Set<String> memberOf = body.has("groups") ? groups(body.get("groups")) : null;
        String displayName = body.hasNonNull("displayName") ? text(body, "displayName") : null;
        try {
            return describe(users.update(username, displayName, roles, memberOf, enabled));
        } catch (InvalidAccountException e) {
            throw new ValidationException(List.of(account(e)));
        }
    }

    @PutMapping("/api/v1/users/{username}/password")
    @Operation(operationId = "setPassword",
            summary = "Set a password: administrators for anyone; a user for themselves with {current, "
            + "password}. The user's API tokens are revoked too unless revokeTokens is false; their sign-ins "
            + "elsewhere end",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = PasswordChangeDoc.class))),
            responses = @ApiResponse(responseCode = "204", description = "Changed"))
    @Problems({404})
    ResponseEntity<Void> password(@PathVariable String username, @RequestBody JsonNode body, Authentication auth) {
        boolean self = auth.getName().equalsIgnoreCase(username);
        if (!self) {
            requireAdmin(auth);
        } else if (!users.passwordMatches(username, body.path("current").asString(""))) {
            throw invalid("current", MessageKey.CURRENT_PASSWORD_WRONG);
        }
        boolean revokeTokens = true;
        if (body.has("revokeTokens")) {
            if (!body.get("revokeTokens").isBoolean()) {
                throw invalid("revokeTokens", MessageKey.BOOLEAN_EXPECTED);
            }
            revokeTokens = body.get("revokeTokens").asBoolean();
        }
        try {
            users.changePassword(username, text(body, "password"));
        } catch (InvalidAccountException e) {
            throw new ValidationException(List.of(account(e)));
        }
        if (revokeTokens) {
            tokens.revokeAll(users.findByUsername(username).orElseThrow().username());
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/groups")
    @Operation(operationId = "listGroups",
            summary = "Groups: every group for administrators and analysts (who grant access by group),"
            + " the caller's own groups for everyone else",
            responses = @ApiResponse(responseCode = "200", description = "The groups",
                    content = @Content(mediaType = "application/json",
                            array = @ArraySchema(schema = @Schema(implementation = GroupDoc.class)))))
    List<UserGroup> groups(Authentication auth) {
        if (hasRole(auth, Role.ADMIN) || hasRole(auth, Role.ANALYST)) {
            return groups.all();
        }
        if (hasRole(auth, Role.PORTAL_USER) && auth.getAuthorities().size() == 1) {
            return List.of(); // an external portal user learns nothing of the organisation
        }
        Set<String> own = users.findByUsername(auth.getName()).map(UserAccount::groups).orElse(Set.of());
        return groups.all().stream().filter(g -> own.contains(g.code())).toList();
    }

    @PostMapping("/api/v1/groups")
    @Operation(operationId = "createGroup",
            summary = "Create a group: {code, name} (administrators)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = GroupDoc.class))),
            responses = @ApiResponse(responseCode = "201", description = "The group; Location names it",
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = GroupDoc.class))))
    @Problems({409})
    ResponseEntity<UserGroup> createGroup(@RequestBody JsonNode body, Authentication auth) {
        requireAdmin(auth);
        try {
            var group = groups.create(text(body, "code"), body.hasNonNull("name") ? text(body, "name") : null);
            return ResponseEntity.created(URI.create("/api/v1/groups/" + group.code())).body(group);
        } catch (InvalidAccountException e) {
            throw new ValidationException(List.of(account(e)));
        } catch (IllegalArgumentException e) {
            if (e.getMessage().contains("exists")) {
                throw new ConflictException(e.getMessage());
            }
            throw invalid("code", e.getMessage());
        }
    }

    @DeleteMapping("/api/v1/groups/{code}")
    @Operation(operationId = "deleteGroup",
            summary = "Delete a group and remove it from its members (administrators)",
            responses = @ApiResponse(responseCode = "204", description = "Deleted"))
    @Problems({404})
    ResponseEntity<Void> deleteGroup(@PathVariable String code, Authentication auth) {
        requireAdmin(auth);
        if (!groups.delete(code)) {
            throw new NoSuchElementException("No group " + code);
        }
        return ResponseEntity.noContent().build();
    }

    private static void requireAdmin(Authentication auth) {
        if (!hasRole(auth, Role.ADMIN)) {
            throw new AccessDeniedException("Only administrators manage users and groups");
        }
    }

    private static boolean hasRole(Authentication auth, Role role) {
        return auth.getAuthorities().stream().anyMatch(a -> role.authority().equals(a.getAuthority()));
    }

    /** A text property; a number, object or array where text belongs is refused, not converted. */
    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return "";
        }
        if (!node.isString()) {
            throw invalid(field, MessageKey.TEXT_EXPECTED);
        }
        return node.asString();
    }

    /** A JSON array of known role names; anything else is refused before anything is written. */
    private static Set<Role> roles(JsonNode node) {
        var roles = EnumSet.noneOf(Role.class);
        if (node == null || node.isNull()) {
            return roles;
        }
        if (!node.isArray()) {
            throw invalid("roles", MessageKey.ROLES_FORMAT);
        }
        var errors = new ArrayList<FieldError>();
        for (JsonNode r : node) {
            String name = r.isString() ? r.asString().strip().toUpperCase(Locale.ROOT).replace('-', '_') : "";
            try {
                roles.add(Role.valueOf(name));
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of("roles", "invalid", MessageKey.ROLE_UNKNOWN, r.toString()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return roles;
    }

    /** A JSON array of the codes of existing groups. */
    private Set<String> groups(JsonNode node) {
        var codes = new LinkedHashSet<String>();
        if (node == null || node.isNull()) {
            return codes;
        }
        if (!node.isArray()) {
            throw invalid("groups", MessageKey.GROUPS_FORMAT);
        }
        for (JsonNode g : node) {
            if (!g.isString() || !groups.exists(g.asString())) {
                throw invalid("groups", MessageKey.GROUP_UNKNOWN, g.toString());
            }
            codes.add(g.asString());
        }
        return codes;
    }

    /** An account rule broken, under the API's stable code {@code invalid}. */
    private static FieldError account(InvalidAccountException e) {
        var error = e.error();
        return new FieldError(error.field(), "invalid", error.message(), error.key(), error.arguments());
    }

    private static ValidationException invalid(String field, MessageKey message, Object... arguments) {
        return new ValidationException(List.of(FieldError.of(field, "invalid", message, arguments)));
    }

    private static ValidationException invalid(String field, String message) {
        return new ValidationException(List.of(new FieldError(field, "invalid", message)));
    }

    private static Map<String, Object> describe(UserAccount account) {
        var out = new LinkedHashMap<String, Object>();
        out.put("username", account.username());
        out.put("displayName", account.displayName());
        out.put("roles", account.roles().stream().map(r -> r.name().toLowerCase(Locale.ROOT)).sorted().toList());
        out.put("groups", account.groups().stream().sorted().toList());
        out.put("enabled", account.enabled());
        out.put("createdAt", account.createdAt().toString());
        return out;
    }
}
