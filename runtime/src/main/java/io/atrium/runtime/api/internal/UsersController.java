package io.atrium.runtime.api.internal;

import io.atrium.platform.access.AccessDeniedException;
import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.ValidationException;
import io.atrium.platform.identity.GroupDirectory;
import io.atrium.platform.identity.Role;
import io.atrium.platform.identity.UserAccount;
import io.atrium.platform.identity.UserDirectory;
import io.atrium.platform.identity.UserGroup;
import io.swagger.v3.oas.annotations.Operation;
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

    UsersController(UserDirectory users, GroupDirectory groups) {
        this.users = users;
        this.groups = groups;
    }

    @GetMapping("/api/v1/users")
    @Operation(summary = "Every user (administrators)")
    List<Map<String, Object>> list(Authentication auth) {
        requireAdmin(auth);
        return users.all().stream().map(UsersController::describe).toList();
    }

    @PostMapping("/api/v1/users")
    @Operation(summary = "Create a user: {username, displayName, password, roles, groups} (administrators)")
    ResponseEntity<Map<String, Object>> create(@RequestBody JsonNode body, Authentication auth) {
        requireAdmin(auth);
        String username = body.path("username").asString("");
        try {
            users.create(username, body.path("displayName").asString(username), body.path("password").asString(""),
                    roles(body.get("roles")));
        } catch (UserDirectory.UsernameTakenException e) {
            throw new ConflictException(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw invalid("password", e.getMessage());
        }
        var account = users.update(username, null, null, groups(body.get("groups")), null);
        return ResponseEntity.created(URI.create("/api/v1/users/" + account.username())).body(describe(account));
    }

    @GetMapping("/api/v1/users/{username}")
    @Operation(summary = "One user (administrators, or the user)")
    Map<String, Object> get(@PathVariable String username, Authentication auth) {
        if (!auth.getName().equalsIgnoreCase(username)) {
            requireAdmin(auth);
        }
        return describe(users.findByUsername(username).orElseThrow(() -> new NoSuchElementException("No user "
                + username)));
    }

    @PatchMapping("/api/v1/users/{username}")
    @Operation(summary = "Change displayName, roles, groups or enabled (administrators)")
    Map<String, Object> update(@PathVariable String username, @RequestBody JsonNode body, Authentication auth) {
        requireAdmin(auth);
        Set<Role> roles = body.has("roles") ? roles(body.get("roles")) : null;
        if (roles != null && auth.getName().equalsIgnoreCase(username) && !roles.contains(Role.ADMIN)) {
            throw invalid("roles", "you cannot take the administrator role from yourself");
        }
        Boolean enabled = body.hasNonNull("enabled") ? body.get("enabled").asBoolean() : null;
        if (Boolean.FALSE.equals(enabled) && auth.getName().equalsIgnoreCase(username)) {
            throw invalid("enabled", "you cannot disable your own account");
        }
        return describe(users.update(username, body.hasNonNull("displayName") ? body.get("displayName").asString()
                : null, roles, body.has("groups") ? groups(body.get("groups")) : null, enabled));
    }

    @PutMapping("/api/v1/users/{username}/password")
    @Operation(summary = "Set a password: administrators for anyone; a user for themselves with {current, password}")
    ResponseEntity<Void> password(@PathVariable String username, @RequestBody JsonNode body, Authentication auth) {
        boolean self = auth.getName().equalsIgnoreCase(username);
        if (!self) {
            requireAdmin(auth);
        } else if (!users.passwordMatches(username, body.path("current").asString(""))) {
            throw invalid("current", "the current password is not right");
        }
        try {
            users.changePassword(username, body.path("password").asString(""));
        } catch (IllegalArgumentException e) {
            throw invalid("password", e.getMessage());
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/groups")
    @Operation(summary = "Every group")
    List<UserGroup> groups() {
        return groups.all();
    }

    @PostMapping("/api/v1/groups")
    @Operation(summary = "Create a group: {code, name} (administrators)")
    ResponseEntity<UserGroup> createGroup(@RequestBody JsonNode body, Authentication auth) {
        requireAdmin(auth);
        try {
            var group = groups.create(body.path("code").asString(""), body.path("name").asString(""));
            return ResponseEntity.created(URI.create("/api/v1/groups/" + group.code())).body(group);
        } catch (IllegalArgumentException e) {
            if (e.getMessage().contains("exists")) {
                throw new ConflictException(e.getMessage());
            }
            throw invalid("code", e.getMessage());
        }
    }

    @DeleteMapping("/api/v1/groups/{code}")
    @Operation(summary = "Delete a group and remove it from its members (administrators)")
    ResponseEntity<Void> deleteGroup(@PathVariable String code, Authentication auth) {
        requireAdmin(auth);
        if (!groups.delete(code)) {
            throw new NoSuchElementException("No group " + code);
        }
        return ResponseEntity.noContent().build();
    }

    private static void requireAdmin(Authentication auth) {
        if (auth.getAuthorities().stream().noneMatch(a -> Role.ADMIN.authority().equals(a.getAuthority()))) {
            throw new AccessDeniedException("Only administrators manage users and groups");
        }
    }

    private Set<Role> roles(JsonNode node) {
        var roles = EnumSet.noneOf(Role.class);
        if (node == null || node.isNull()) {
            return roles;
        }
        var errors = new ArrayList<FieldError>();
        node.forEach(r -> {
            try {
                roles.add(Role.valueOf(r.asString("").strip().toUpperCase(Locale.ROOT).replace('-', '_')));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("roles", "invalid", "unknown role '" + r.asString("") + "'"));
            }
        });
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return roles;
    }

    private Set<String> groups(JsonNode node) {
        var codes = new LinkedHashSet<String>();
        if (node == null || node.isNull()) {
            return codes;
        }
        for (JsonNode g : node) {
            String code = g.asString("");
            if (!groups.exists(code)) {
                throw invalid("groups", "there is no group '" + code + "'");
            }
            codes.add(code);
        }
        return codes;
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
