package io.atrium.runtime.api.internal;

import io.atrium.platform.access.AccessDeniedException;
import io.atrium.platform.app.FieldError;
import io.atrium.platform.app.MessageKey;
import io.atrium.platform.app.Messages;
import io.atrium.platform.app.ValidationException;
import io.atrium.platform.process.ProcessCatalog;
import io.atrium.platform.process.ProcessDefinition;
import io.atrium.platform.process.ProcessRef;
import io.atrium.runtime.process.deploy.BpmnPreparation;
import io.atrium.runtime.process.instance.ProcessInstances;
import io.atrium.runtime.security.Actors;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Process definitions: upload a BPMN file as the draft (its process id is the code), publish it
 * (checked, then deployed), read versions and export the BPMN back. Designing takes the analyst
 * or administrator role.
 */
@RestController
@RequestMapping("/api/v1/processes")
@Tag(name = "Processes", description = "BPMN process definitions: drafts, publishing and deployment, versions")
class ProcessesController {

    private final ProcessCatalog catalog;
    private final ProcessInstances instances;
    private final Actors actors;

    ProcessesController(ProcessCatalog catalog, ProcessInstances instances, Actors actors) {
        this.catalog = catalog;
        this.instances = instances;
        this.actors = actors;
    }

    /** Reading processes is for those who design, run or watch them. */
    private void requireReader(Authentication auth) {
        var actor = actors.of(auth);
        if (!catalog.mayDesign(actor) && !instances.mayWatch(actor)) {
            throw new AccessDeniedException(actor.username() + " may not read processes");
        }
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(operationId = "uploadProcess", summary = "Create or update the draft from a BPMN file",
            description = "The file's executable process id becomes the code; an existing draft of that code is replaced.")
    ResponseEntity<Map<String, Object>> upload(@RequestPart("file") MultipartFile file,
            @RequestParam String namespace, Authentication auth, Locale locale) throws IOException {
        if (file.getSize() > BpmnPreparation.MAX_BYTES) {
            throw new ValidationException(List.of(FieldError.of("file", "size", MessageKey.BPMN_TOO_LARGE,
                    BpmnPreparation.MAX_BYTES)));
        }
        String xml = new String(file.getBytes(), StandardCharsets.UTF_8);
        var process = executableProcess(xml);
        var ref = new ProcessRef(namespace, process.getId());
        boolean existed = catalog.draft(ref).isPresent() || catalog.current(ref).isPresent();
        var draft = catalog.saveDraft(actors.of(auth), new ProcessDefinition(ref, process.getName(), xml));
        var body = ProcessJson.draft(draft);
        body.put("problems", problems(catalog.check(ref), locale));
        return ResponseEntity.status(existed ? HttpStatus.OK : HttpStatus.CREATED).body(body);
    }

    @PostMapping("/{namespace}/{code}/publish")
    @Operation(operationId = "publishProcess", summary = "Publish the draft: check it, deploy it to the engine and record it as the next version")
    Map<String, Object> publish(@PathVariable String namespace, @PathVariable String code, Authentication auth) {
        return ProcessJson.version(catalog.publish(actors.of(auth), new ProcessRef(namespace, code)));
    }

    @GetMapping
    @Operation(operationId = "listProcesses", summary = "Every process with where it stands")
    List<Map<String, Object>> list(Authentication auth) {
        requireReader(auth);
        return catalog.summaries().stream().map(summary -> {
            var out = new LinkedHashMap<String, Object>();
            out.put("namespace", summary.ref().namespace());
            out.put("code", summary.ref().code());
            out.put("name", summary.definition().name());
            out.put("status", ProcessJson.status(summary.status()));
            return (Map<String, Object>) out;
        }).toList();
    }

    @GetMapping("/{namespace}/{code}")
    @Operation(operationId = "getProcess", summary = "The process: its draft, its current version and every version")
    Map<String, Object> get(@PathVariable String namespace, @PathVariable String code, Authentication auth) {
        requireReader(auth);
        var ref = new ProcessRef(namespace, code);
        var draft = catalog.draft(ref);
        var current = catalog.current(ref);
        if (draft.isEmpty() && current.isEmpty()) {
            throw new NoSuchElementException("No process " + ref);
        }
        var out = new LinkedHashMap<String, Object>();
        out.put("namespace", namespace);
        out.put("code", code);
        out.put("draft", draft.map(ProcessJson::draft).orElse(null));
        out.put("current", current.map(ProcessJson::version).orElse(null));
        out.put("versions", catalog.versions(ref).stream().map(ProcessJson::version).toList());
        return out;
    }

    @GetMapping(path = "/{namespace}/{code}/bpmn", produces = MediaType.APPLICATION_XML_VALUE)
    @Operation(operationId = "getProcessBpmn", summary = "The BPMN file as drawn: the draft's, or with ?version= a published version's")
    ResponseEntity<String> bpmn(@PathVariable String namespace, @PathVariable String code,
            @RequestParam(required = false) Integer version, Authentication auth) {
        requireReader(auth);
        var ref = new ProcessRef(namespace, code);
        String xml = version == null
                ? catalog.draft(ref).map(d -> d.definition().bpmn())
                        .or(() -> catalog.current(ref).map(c -> c.definition().bpmn()))
                        .orElseThrow(() -> new NoSuchElementException("No process " + ref))
                : catalog.version(ref, version).map(v -> v.definition().bpmn())
                        .orElseThrow(() -> new NoSuchElementException("The process " + ref + " has no version " + version));
        return ResponseEntity.ok().header("Content-Disposition", "attachment; filename=\"" + code + ".bpmn\"")
                .contentType(MediaType.APPLICATION_XML).body(xml);
    }

    @PostMapping("/{namespace}/{code}/versions/{version}/restore")
    @Operation(operationId = "restoreProcessVersion", summary = "Make a published version the draft again")
    Map<String, Object> restore(@PathVariable String namespace, @PathVariable String code, @PathVariable int version,
            Authentication auth) {
        return ProcessJson.draft(catalog.restoreAsDraft(actors.of(auth), new ProcessRef(namespace, code), version));
    }

    private static List<Map<String, Object>> problems(List<FieldError> errors, Locale locale) {
        return errors.stream().map(e -> {
            var out = new LinkedHashMap<String, Object>();
            out.put("element", e.field());
            out.put("code", e.code());
            out.put("message", Messages.text(e, locale));
            return (Map<String, Object>) out;
        }).toList();
    }

    /** The file's executable process, read only to learn its id and name. */
    private static Process executableProcess(String xml) {
        if (xml.toUpperCase(Locale.ROOT).contains("<!DOCTYPE")) {
            throw new ValidationException(List.of(FieldError.of("file", "format", MessageKey.BPMN_UNREADABLE,
                    "a DOCTYPE is not allowed")));
        }
        try {
            var model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            return model.getModelElementsByType(Process.class).stream().filter(Process::isExecutable).findFirst()
                    .orElseThrow(() -> new ValidationException(List.of(FieldError.of("file", "process",
                            MessageKey.BPMN_NO_PROCESS))));
        } catch (ValidationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ValidationException(List.of(FieldError.of("file", "format", MessageKey.BPMN_UNREADABLE,
                    String.valueOf(e.getMessage()))));
        }
    }
}
