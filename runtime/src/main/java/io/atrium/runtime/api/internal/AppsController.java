package io.atrium.runtime.api.internal;

import io.atrium.runtime.security.Actors;
import io.atrium.platform.access.AccessPolicy;
import io.atrium.platform.access.Permission;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.AppDraft;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.PublishedApp;
import io.swagger.v3.oas.annotations.Operation;
import io.atrium.runtime.api.internal.doc.AppDefinitionDoc;
import io.atrium.runtime.api.internal.doc.AppDraftDoc;
import io.atrium.runtime.api.internal.doc.AppStateDoc;
import io.atrium.runtime.api.internal.doc.AppSummaryDoc;
import io.atrium.runtime.api.internal.doc.AppVersionDoc;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
    @Operation(operationId = "listApps",
            summary = "Published apps the caller may read",
            responses = @ApiResponse(responseCode = "200", description = "The apps",
                    content = @Content(mediaType = "application/json",
                            array = @ArraySchema(schema = @Schema(implementation = AppSummaryDoc.class)))))
    List<Map<String, Object>> list(Authentication auth) {
        var actor = actors.of(auth);
        return catalog.published().stream()
                .filter(app -> access.scope(actor, app.ref(), Permission.READ).isPresent())
                .map(AppsController::summary).toList();
    }

    @PostMapping
    @Operation(operationId = "createApp",
            summary = "Create the draft of a new app",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = AppDefinitionDoc.class))),
            responses = @ApiResponse(responseCode = "201", description = "The draft; Location names the app",
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = AppDraftDoc.class))))
    @Problems({409})
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
    @Operation(operationId = "getApp",
            summary = "An app's current version and its draft",
            responses = @ApiResponse(responseCode = "200", description = "The app",
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = AppStateDoc.class))))
    @Problems({404})
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
    @Operation(operationId = "saveAppDraft",
            summary = "Replace the draft",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = AppDefinitionDoc.class))),
            responses = @ApiResponse(responseCode = "200", description = "The draft as saved",
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = AppDraftDoc.class))))
    @Problems({404})
    Map<String, Object> saveDraft(@PathVariable String namespace, @PathVariable String code,
            @RequestBody JsonNode body, Authentication auth) {
        var ref = new AppRef(namespace, code);
        var actor = actors.of(auth);
        access.require(actor, ref, Permission.ADMINISTER);
        return draft(catalog.saveDraft(DefinitionJson.read(body, ref), actor.username()));
    }

    @PostMapping("/{namespace}/{code}/publish")
    @Operation(operationId = "publishApp",
            summary = "Validate the draft and publish it as the next version",
            responses = @ApiResponse(responseCode = "200", description = "The version published",
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = AppVersionDoc.class))))
    @Problems({400, 404})
    Map<String, Object> publish(@PathVariable String namespace, @PathVariable String code, Authentication auth) {
        var ref = new AppRef(namespace, code);
        var actor = actors.of(auth);
        access.require(actor, ref, Permission.ADMINISTER);
        return published(catalog.publish(ref, actor.username()));
    }

    @GetMapping("/{namespace}/{code}/versions")
    @Operation(operationId = "listAppVersions",
            summary = "Every published version, oldest first",
            responses = @ApiResponse(responseCode = "200", description = "The versions",
                    content = @Content(mediaType = "application/json",
                            array = @ArraySchema(schema = @Schema(implementation = AppVersionDoc.class)))))
    @Problems({404})
    List<Map<String, Object>> versions(@PathVariable String namespace, @PathVariable String code,
            Authentication auth) {
        var ref = new AppRef(namespace, code);
        access.require(actors.of(auth), ref, Permission.ADMINISTER);
        return catalog.versions(ref).stream().map(AppsController::published).toList();
    }

    @PostMapping("/{namespace}/{code}/versions/{version}/restore")
    @Operation(operationId = "restoreAppVersion",
            summary = "Make a published version the draft again",
            responses = @ApiResponse(responseCode = "200", description = "The draft",
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = AppDraftDoc.class))))
    @Problems({400, 404})
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
