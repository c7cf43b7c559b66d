package io.atrium.runtime.api.internal;

import io.atrium.runtime.security.Actors;
import io.atrium.platform.access.AccessPolicy;
import io.atrium.platform.access.Permission;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.AppDraft;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.PublishedApp;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/apps")
@Tag(name = "Apps", description = "App definitions: drafts, publishing, versions")
class AppsController {

    private final AppCatalog catalog;
    private final AccessPolicy access;

    private final Actors actors;

    AppsController(AppCatalog catalog, AccessPolicy access, Actors actors) {
        this.catalog = catalog;
        this.access = access;
        this.actors = actors;
    }

    @GetMapping
    @Operation(summary = "Published apps the caller may read")
    List<Map<String, Object>> list(Authentication auth) {
        var actor = actors.of(auth);
        return catalog.published().stream()
                .filter(app -> access.scope(actor, app.ref(), Permission.READ).isPresent())
                .map(AppsController::summary).toList();
    }

    @PostMapping
    @Operation(summary = "Create the draft of a new app")
    ResponseEntity<Map<String, Object>> create(@RequestBody JsonNode body, Authentication auth) {
        var definition = DefinitionJson.read(body, null);
        var actor = actors.of(auth);
        access.require(actor, definition.ref(), Permission.ADMINISTER);
        if (catalog.draft(definition.ref()).isPresent() || catalog.current(definition.ref()).isPresent()) {
            throw new ConflictException(definition.ref() + " exists already; change its draft instead");
        }
        var draft = catalog.saveDraft(definition, actor.username());
        return ResponseEntity.created(URI.create("/api/v1/apps/" + definition.ref())).body(draft(draft));
    }

    @GetMapping("/{namespace}/{code}")
    @Operation(summary = "An app's current version and its draft")
    Map<String, Object> get(@PathVariable String namespace, @PathVariable String code, Authentication auth) {
        var ref = new AppRef(namespace, code);
        var actor = actors.of(auth);
        access.require(actor, ref, Permission.READ);
        var current = catalog.current(ref);
        var draft = catalog.draft(ref);
        if (current.isEmpty() && draft.isEmpty()) {
            throw new NoSuchElementException("No app " + ref);
        }
        var out = new LinkedHashMap<String, Object>();
        current.ifPresent(c -> out.put("current", published(c)));
        if (access.scope(actor, ref, Permission.ADMINISTER).isPresent()) {
            draft.ifPresent(d -> out.put("draft", draft(d)));
        }
        return out;
    }

    @PutMapping("/{namespace}/{code}/draft")
    @Operation(summary = "Replace the draft")
    Map<String, Object> saveDraft(@PathVariable String namespace, @PathVariable String code,
            @RequestBody JsonNode body, Authentication auth) {
        var ref = new AppRef(namespace, code);
        var actor = actors.of(auth);
        access.require(actor, ref, Permission.ADMINISTER);
        return draft(catalog.saveDraft(DefinitionJson.read(body, ref), actor.username()));
    }

    @PostMapping("/{namespace}/{code}/publish")
    @Operation(summary = "Validate the draft and publish it as the next version")
    Map<String, Object> publish(@PathVariable String namespace, @PathVariable String code, Authentication auth) {
        var ref = new AppRef(namespace, code);
        var actor = actors.of(auth);
        access.require(actor, ref, Permission.ADMINISTER);
        return published(catalog.publish(ref, actor.username()));
    }

    @GetMapping("/{namespace}/{code}/versions")
    @Operation(summary = "Every published version, oldest first")
    List<Map<String, Object>> versions(@PathVariable String namespace, @PathVariable String code,
            Authentication auth) {
        var ref = new AppRef(namespace, code);
        access.require(actors.of(auth), ref, Permission.ADMINISTER);
        return catalog.versions(ref).stream().map(AppsController::published).toList();
    }

    @PostMapping("/{namespace}/{code}/versions/{version}/restore")
    @Operation(summary = "Make a published version the draft again")
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.OK)
    Map<String, Object> restore(@PathVariable String namespace, @PathVariable String code,
            @PathVariable int version, Authentication auth) {
        var ref = new AppRef(namespace, code);
        var actor = actors.of(auth);
        access.require(actor, ref, Permission.ADMINISTER);
        return draft(catalog.restoreAsDraft(ref, version, actor.username()));
    }

    private static Map<String, Object> summary(PublishedApp app) {
        var out = new LinkedHashMap<String, Object>();
        out.put("namespace", app.ref().namespace());
        out.put("code", app.ref().code());
        out.put("name", Map.of("en", app.definition().name().en(), "ru", app.definition().name().ru()));
        out.put("version", app.version());
        return out;
    }

    private static Map<String, Object> published(PublishedApp app) {
        var out = new LinkedHashMap<String, Object>();
        out.put("version", app.version());
        out.put("publishedAt", app.publishedAt().toString());
        out.put("publishedBy", app.publishedBy());
        out.put("definition", DefinitionJson.write(app.definition()));
        return out;
    }

    private static Map<String, Object> draft(AppDraft draft) {
        var out = new LinkedHashMap<String, Object>();
        out.put("basedOnVersion", draft.basedOnVersion());
        out.put("updatedAt", draft.updatedAt().toString());
        out.put("updatedBy", draft.updatedBy());
        out.put("definition", DefinitionJson.write(draft.definition()));
        return out;
    }
}
