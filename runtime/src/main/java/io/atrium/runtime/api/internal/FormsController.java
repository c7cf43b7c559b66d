package io.atrium.runtime.api.internal;

import io.atrium.platform.access.AccessPolicy;
import io.atrium.platform.access.Permission;
import io.atrium.platform.app.AppCatalog;
import io.atrium.platform.app.AppDefinition;
import io.atrium.platform.app.AppRef;
import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.MessageKey;
import io.atrium.platform.app.LocalizedText;
import io.atrium.platform.app.PublishedApp;
import io.atrium.platform.app.ValidationException;
import io.atrium.platform.form.FormCatalog;
import io.atrium.platform.form.FormDefinition;
import io.atrium.platform.form.FormElement;
import io.atrium.platform.form.FormJs;
import io.atrium.platform.form.FormPurpose;
import io.atrium.platform.form.FormRef;
import io.atrium.platform.form.FormScripts;
import io.atrium.platform.form.PublishedForm;
import io.atrium.runtime.security.Actors;
import io.swagger.v3.oas.annotations.Operation;
import io.atrium.runtime.api.internal.doc.EffectiveFormDoc;
import io.atrium.runtime.api.internal.doc.FormDoc;
import io.atrium.runtime.api.internal.doc.FormDraftDoc;
import io.atrium.runtime.api.internal.doc.FormJsExportDoc;
import io.atrium.runtime.api.internal.doc.FormJsImportDoc;
import io.atrium.runtime.api.internal.doc.FormJsSchemaDoc;
import io.atrium.runtime.api.internal.doc.FormPublishedDoc;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An app's forms: the one people see, the draft, publishing, and Camunda Forms (form-js)
 * schemas in and out. Reading the form needs read access to the app; the rest needs administer.
 * Forms of a task, a pre-chat or a portal page name their owner with {@code ?owner=}.
 */
@RestController
@RequestMapping("/api/v1/apps/{namespace}/{app}/forms/{purpose}")
@Tag(name = "Forms", description = "Design an app's forms and exchange them as Camunda Forms (form-js) schemas")
class FormsController {

    /** Flags left out of a request (required, readOnly, collapsible, …) mean false. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    /**
     * The body of a draft: the form's name and layout, and the id of the form-js schema it came from
     * (kept for the way back to Camunda), and the scripts it runs on its events; the app and
     * purpose come from the path.
     */
    record FormBody(LocalizedText name, List<FormElement> elements, String formJsId, FormScripts scripts) {
    }

    private final FormCatalog forms;
    private final AppCatalog apps;
    private final AccessPolicy access;
    private final Actors actors;

    FormsController(FormCatalog forms, AppCatalog apps, AccessPolicy access, Actors actors) {
        this.forms = forms;
        this.apps = apps;
        this.access = access;
        this.actors = actors;
    }

    @GetMapping
    @Operation(operationId = "getForm",
            summary = "The form people see for the purpose: published, or generated from the fields",
            responses = @ApiResponse(responseCode = "200", description = "The form",
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = EffectiveFormDoc.class))))
    @Problems({400, 404})
    Map<String, Object> effective(@PathVariable String namespace, @PathVariable String app,
            @PathVariable String purpose, @RequestParam(required = false) String owner, Authentication auth) {
        var ref = ref(namespace, app, purpose, owner);
        access.require(actors.of(auth), ref.app(), Permission.READ);
        var definition = published(ref.app());
        var current = forms.current(ref);
        var out = new LinkedHashMap<String, Object>();
        out.put("version", current.map(PublishedForm::version).orElse(null));
        out.put("form", tree(forms.effective(definition, ref)));
        return out;
    }

    @GetMapping("/draft")
    @Operation(operationId = "getFormDraft",
            summary = "The draft being designed",
            responses = @ApiResponse(responseCode = "200", description = "The draft",
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = FormDraftDoc.class))))
    @Problems({400, 404})
    Map<String, Object> draft(@PathVariable String namespace, @PathVariable String app, @PathVariable String purpose,
            @RequestParam(required = false) String owner, Authentication auth) {
        var ref = ref(namespace, app, purpose, owner);
        access.require(actors.of(auth), ref.app(), Permission.ADMINISTER);
        var draft = forms.draft(ref).orElseThrow(() -> new NoSuchElementException("There is no draft of " + ref));
        return Map.of("basedOnVersion", draft.basedOnVersion(), "form", tree(draft.form()));
    }

    @PutMapping("/draft")
    @Operation(operationId = "saveFormDraft",
            summary = "Replace the draft: {name: {en, ru}, elements: [...]}, elements typed by \"type\"",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = FormDoc.class))),
            responses = @ApiResponse(responseCode = "200", description = "The draft as saved",
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = FormDraftDoc.class))))
    @Problems({404})
    Map<String, Object> saveDraft(@PathVariable String namespace, @PathVariable String app,
            @PathVariable String purpose, @RequestParam(required = false) String owner, @RequestBody JsonNode body,
            Authentication auth) {
        var ref = ref(namespace, app, purpose, owner);
        JsonInput.object(body, "body");
        FormBody parsed;
        try {
            parsed = JSON.treeToValue(body, FormBody.class);
        } catch (JacksonException e) {
            throw new ValidationException(List.of(FieldError.of("elements", "format", MessageKey.JSON_INVALID, e.getOriginalMessage())));
        }
        var draft = forms.saveDraft(actors.of(auth), new FormDefinition(ref, parsed.name(), parsed.elements(),
                parsed.formJsId(), parsed.scripts()));
        return Map.of("basedOnVersion", draft.basedOnVersion(), "form", tree(draft.form()));
    }

    @PostMapping("/publish")
    @Operation(operationId = "publishForm",
            summary = "Check the draft against the app and publish it as the next version",
            responses = @ApiResponse(responseCode = "200", description = "The version published",
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = FormPublishedDoc.class))))
    @Problems({400, 404})
    Map<String, Object> publish(@PathVariable String namespace, @PathVariable String app,
            @PathVariable String purpose, @RequestParam(required = false) String owner, Authentication auth) {
        var published = forms.publish(actors.of(auth), ref(namespace, app, purpose, owner));
        return Map.of("version", published.version(), "publishedBy", published.publishedBy());
    }

    @GetMapping("/form-js")
    @Operation(operationId = "exportFormJs",
            summary = "The form as a form-js schema, with what it could not carry",
            description = "Which form is written is chosen by source: draft (the draft being designed; needs the "
                    + "administer permission), or published (the form people see: the published version, or the "
                    + "one generated from the fields). Without source, the draft is written when there is one, "
                    + "else the form people see; the answer's source says which it was. The schema's id is the "
                    + "one the form was imported with, else <app>_<purpose>.",
            responses = @ApiResponse(responseCode = "200", description = "The schema",
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = FormJsExportDoc.class))))
    @Problems({400, 404})
    Map<String, Object> exportFormJs(@PathVariable String namespace, @PathVariable String app,
            @PathVariable String purpose, @RequestParam(required = false) String owner,
            @RequestParam(required = false) String source,
            @RequestParam(defaultValue = "en") String language, Authentication auth) {
        var ref = ref(namespace, app, purpose, owner);
        var actor = actors.of(auth);
        access.require(actor, ref.app(), Permission.READ);
        var definition = published(ref.app());
        boolean draftWanted = switch (source == null ? "" : source) {
            case "" -> forms.draft(ref).isPresent();
            case "draft" -> true;
            case "published" -> false;
            default -> throw new IllegalArgumentException("The source of a form-js export is draft or published: '"
                    + source + "'");
        };
        FormDefinition form;
        if (draftWanted) {
            access.require(actor, ref.app(), Permission.ADMINISTER);
            form = forms.draft(ref).orElseThrow(() -> new NoSuchElementException("There is no draft of " + ref))
                    .form();
        } else {
            form = forms.effective(definition, ref);
        }
        var export = FormJs.write(form, definition, Locale.forLanguageTag(language));
        return Map.of("source", draftWanted ? "draft" : "published", "schema", JSON.readTree(export.schema()),
                "notCarried", export.notCarried());
    }

    @PostMapping("/form-js")
    @Operation(operationId = "importFormJs",
            summary = "Read a form-js schema (the body) into the draft; answers what was not carried over",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = FormJsSchemaDoc.class))),
            responses = @ApiResponse(responseCode = "200", description = "The draft and what was not carried over",
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = FormJsImportDoc.class))))
    @Problems({404})
    Map<String, Object> importFormJs(@PathVariable String namespace, @PathVariable String app,
            @PathVariable String purpose, @RequestParam(required = false) String owner,
            @RequestParam(defaultValue = "en") String language, @RequestBody JsonNode body, Authentication auth) {
        var ref = ref(namespace, app, purpose, owner);
        var actor = actors.of(auth);
        access.require(actor, ref.app(), Permission.ADMINISTER);
        var imported = FormJs.read(body.toString(), ref, published(ref.app()), Locale.forLanguageTag(language));
        // form-js has no scripts: the form keeps those of its draft, else of its published version
        var scripts = forms.draft(ref).map(d -> d.form().scripts())
                .or(() -> forms.current(ref).map(p -> p.form().scripts())).orElse(FormScripts.NONE);
        var draft = forms.saveDraft(actor, imported.form().withScripts(scripts));
        return Map.of("notCarried", imported.notCarried(), "form", tree(draft.form()));
    }

    private AppDefinition published(AppRef app) {
        return apps.current(app).map(PublishedApp::definition)
                .orElseThrow(() -> new NoSuchElementException("The app " + app + " is not published"));
    }

    private static FormRef ref(String namespace, String app, String purpose, String owner) {
        FormPurpose parsed;
        try {
            parsed = FormPurpose.valueOf(purpose.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A form's purpose is view, edit, create, compact, task, pre_chat or "
                    + "portal: '" + purpose + "'");
        }
        return new FormRef(new AppRef(namespace, app), parsed, owner);
    }

    /** The form's name and layout as JSON. */
    private static JsonNode tree(FormDefinition form) {
        return JSON.valueToTree(new FormBody(form.name(), form.elements(), form.formJsId(), form.scripts()));
    }
}
