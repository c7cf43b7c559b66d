package io.atrium.runtime.api.internal;

import io.atrium.platform.access.AccessDeniedException;
import io.atrium.platform.script.PublishedScript;
import io.atrium.platform.script.ScriptCatalog;
import io.atrium.platform.script.ScriptDraft;
import io.atrium.platform.script.ScriptLanguage;
import io.atrium.platform.script.ScriptModule;
import io.atrium.platform.script.ScriptRef;
import io.atrium.runtime.script.Scripts;
import io.atrium.runtime.security.Actors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Script modules: write a draft, publish it (compiled; a compile or type error is a 400 with its
 * line and column), read versions, and run an exported function of the published module as the
 * caller. Writing takes the developer or administrator role.
 */
@RestController
@RequestMapping("/api/v1/scripts")
@Tag(name = "Scripts", description = "TypeScript and JavaScript modules: drafts, publishing, versions, runs")
class ScriptsController {

    private final ScriptCatalog catalog;
    private final Scripts scripts;
    private final Actors actors;

    ScriptsController(ScriptCatalog catalog, Scripts scripts, Actors actors) {
        this.catalog = catalog;
        this.scripts = scripts;
        this.actors = actors;
    }

    private void requireReader(Authentication auth) {
        var actor = actors.of(auth);
        if (!catalog.mayRead(actor)) {
            throw new AccessDeniedException(actor.username() + " may not read scripts");
        }
    }

    @PostMapping
    @Operation(operationId = "saveScriptDraft", summary = "Create or update a module's draft",
            description = "Body: {\"namespace\", \"code\", \"language\": \"typescript\" | \"javascript\", \"source\"}. "
                    + "201 for a new module, 200 for a changed draft.")
    ResponseEntity<Map<String, Object>> save(@RequestBody JsonNode body, Authentication auth) {
        JsonInput.object(body, "");
        var ref = new ScriptRef(JsonInput.text(body, "namespace", "namespace", 40, null),
                JsonInput.text(body, "code", "code", 64, null));
        var language = ScriptLanguage.parse(JsonInput.text(body, "language", "language", 20, null));
        String source = JsonInput.text(body, "source", "source", ScriptModule.MAX_SOURCE, null);
        if (source == null) {
            throw new IllegalArgumentException("source is required: the module's text");
        }
        boolean existed = catalog.draft(ref).isPresent() || catalog.current(ref).isPresent();
        var draft = catalog.saveDraft(actors.of(auth), new ScriptModule(ref, language, source));
        return ResponseEntity.status(existed ? HttpStatus.OK : HttpStatus.CREATED).body(draft(draft));
    }

    @PostMapping("/{namespace}/{code}/publish")
    @Operation(operationId = "publishScript", summary = "Compile the draft and record it as the next version",
            description = "A syntax, type or import error answers 400 with errors[].line and errors[].column.")
    Map<String, Object> publish(@PathVariable String namespace, @PathVariable String code, Authentication auth) {
        return version(catalog.publish(actors.of(auth), new ScriptRef(namespace, code)));
    }

    @GetMapping
    @Operation(operationId = "listScripts", summary = "Every module with where it stands")
    List<Map<String, Object>> list(Authentication auth) {
        requireReader(auth);
        return catalog.summaries().stream().map(summary -> {
            var out = new LinkedHashMap<String, Object>();
            out.put("namespace", summary.ref().namespace());
            out.put("code", summary.ref().code());
            out.put("language", summary.module().language().apiName());
            out.put("status", ProcessJson.status(summary.status()));
            return (Map<String, Object>) out;
        }).toList();
    }

    @GetMapping("/{namespace}/{code}")
    @Operation(operationId = "getScript", summary = "The module: its draft, its current version and every version")
    Map<String, Object> get(@PathVariable String namespace, @PathVariable String code, Authentication auth) {
        requireReader(auth);
        var ref = new ScriptRef(namespace, code);
        var draft = catalog.draft(ref);
        var current = catalog.current(ref);
        if (draft.isEmpty() && current.isEmpty()) {
            throw new NoSuchElementException("No module " + ref);
        }
        var out = new LinkedHashMap<String, Object>();
        out.put("namespace", namespace);
        out.put("code", code);
        out.put("draft", draft.map(ScriptsController::draft).orElse(null));
        out.put("current", current.map(ScriptsController::version).orElse(null));
        out.put("versions", catalog.versions(ref).stream().map(ScriptsController::version).toList());
        return out;
    }

    @PostMapping("/{namespace}/{code}/versions/{version}/restore")
    @Operation(operationId = "restoreScriptVersion", summary = "Make a published version the draft again")
    Map<String, Object> restore(@PathVariable String namespace, @PathVariable String code, @PathVariable int version,
            Authentication auth) {
        return draft(catalog.restoreAsDraft(actors.of(auth), new ScriptRef(namespace, code), version));
    }

    @PostMapping("/{namespace}/{code}/run")
    @Operation(operationId = "runScript", summary = "Run an exported function of the published module as the caller",
            description = "Body: {\"function\": \"…\", \"input\": {…}}. Answers {result, logs, durationMs}; the "
                    + "script's own error, a refusal or a limit it reached is a 422 problem, a missing module or "
                    + "function a 404.")
    Map<String, Object> run(@PathVariable String namespace, @PathVariable String code, @RequestBody JsonNode body,
            Authentication auth) {
        JsonInput.object(body, "");
        String function = JsonInput.text(body, "function", "function", 100, Scripts.DEFAULT_FUNCTION);
        JsonNode input = body.get("input");
        var result = scripts.runDirectly(actors.of(auth), new ScriptRef(namespace, code), function, input);
        var out = new LinkedHashMap<String, Object>();
        out.put("result", result.value());
        out.put("logs", result.log());
        out.put("durationMs", Math.round(result.durationMs() * 100) / 100.0);
        return out;
    }

    private static Map<String, Object> draft(ScriptDraft draft) {
        var out = new LinkedHashMap<String, Object>();
        out.put("namespace", draft.module().ref().namespace());
        out.put("code", draft.module().ref().code());
        out.put("language", draft.module().language().apiName());
        out.put("source", draft.module().source());
        out.put("basedOnVersion", draft.basedOnVersion());
        out.put("updatedAt", draft.updatedAt().toString());
        out.put("updatedBy", draft.updatedBy());
        return out;
    }

    private static Map<String, Object> version(PublishedScript version) {
        var out = new LinkedHashMap<String, Object>();
        out.put("namespace", version.ref().namespace());
        out.put("code", version.ref().code());
        out.put("language", version.module().language().apiName());
        out.put("version", version.version());
        out.put("publishedAt", version.publishedAt().toString());
        out.put("publishedBy", version.publishedBy());
        out.put("exports", version.module().compiled().exports());
        out.put("imports", version.module().compiled().imports());
        out.put("source", version.module().source());
        return out;
    }
}
