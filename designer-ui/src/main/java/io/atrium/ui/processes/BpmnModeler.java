package io.atrium.ui.processes;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * bpmn-js as a Vaadin component. In {@link Mode#EDIT} it is the modeler with the Zeebe properties
 * panel, the platform's building blocks as element templates and FEEL fields offered the
 * variables known; in {@link Mode#VIEW} a read-only viewer that colours where an instance stands.
 * Files drawn in Camunda Modeler import unchanged; {@link #xml()} gives standard BPMN 2.0 back.
 */
@Tag("atrium-bpmn")
@NpmPackage(value = "bpmn-js", version = "18.31.1")
@NpmPackage(value = "diagram-js", version = "15.28.1")
@NpmPackage(value = "bpmn-js-properties-panel", version = "5.65.3")
@NpmPackage(value = "@bpmn-io/properties-panel", version = "3.55.0")
@NpmPackage(value = "zeebe-bpmn-moddle", version = "2.0.0")
@NpmPackage(value = "camunda-bpmn-js-behaviors", version = "1.18.0")
@NpmPackage(value = "bpmn-js-element-templates", version = "2.37.0")
@NpmPackage(value = "@bpmn-io/element-template-chooser", version = "3.0.0")
@NpmPackage(value = "@bpmn-io/variable-resolver", version = "3.3.0")
// one Preact for all: left alone, npm puts Preact 11 at the top for a peer range, and diagram-js's
// markup (htm/preact) and renderer (its own Preact 10) no longer match: menus render empty
@NpmPackage(value = "preact", version = "10.29.8")
@JsModule("./bpmn/atrium-bpmn.js")
public class BpmnModeler extends com.vaadin.flow.component.Component implements HasSize {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the component is for. */
    public enum Mode {
        /** Drawing, with the properties panel. */
        EDIT,
        /** Looking, read-only, with an instance's marks. */
        VIEW
    }

    /** The outcome of showing a drawing. */
    public record Imported(boolean ok, String error, List<String> warnings) {
    }

    /** A problem on an element of the drawing; an empty element is the drawing as a whole. */
    public record ElementProblem(String element, String message) {
    }

    /** An incident on an element, with its error. */
    public record ElementIncident(String element, String message) {
    }

    /**
     * Where an instance stands and where it went.
     *
     * @param active    elements it stands at
     * @param passed    elements it went through
     * @param flows     sequence flows it took
     * @param incidents open incidents
     */
    public record InstanceMarks(Collection<String> active, Collection<String> passed, Collection<String> flows,
            List<ElementIncident> incidents) {
    }

    /** The drawing was changed in the modeler. */
    @DomEvent("bpmn-changed")
    public static class ChangedEvent extends ComponentEvent<BpmnModeler> {
        public ChangedEvent(BpmnModeler source, boolean fromClient) {
            super(source, fromClient);
        }
    }

    public BpmnModeler(Mode mode, Locale locale) {
        getElement().setAttribute("mode", mode == Mode.VIEW ? "view" : "edit");
        getElement().setAttribute("language", locale.getLanguage());
    }

    /** Shows a drawing; the future tells whether it could be read. */
    public CompletableFuture<Imported> show(String xml) {
        return getElement().callJsFunction("importXml", xml).toCompletableFuture(String.class)
                .thenApply(json -> JSON.readValue(json, Imported.class));
    }

    /** The drawing as it stands now, as a standard BPMN 2.0 file. */
    public CompletableFuture<String> xml() {
        return getElement().callJsFunction("exportXml").toCompletableFuture(String.class);
    }

    /** Downloads the drawing as it stands to the person's browser. */
    public void download(String fileName) {
        getElement().callJsFunction("download", fileName);
    }

    /** The element templates (a JSON array) the palette, replace menu and panel offer. */
    public void setTemplates(String json) {
        getElement().callJsFunction("setTemplates", json);
    }

    /**
     * Renames the drawing's (first executable) process, e.g. an imported file's, to the code it is
     * kept under; the future gives the id it had, empty if the drawing has no process.
     */
    public CompletableFuture<String> setProcessId(String id) {
        return getElement().callJsFunction("setProcessId", id).toCompletableFuture(String.class);
    }

    /**
     * Marks the elements with problems and shows each message beside its element; clears earlier
     * marks. The future gives the problems whose element is not in the drawing.
     */
    public CompletableFuture<List<String>> showProblems(List<ElementProblem> problems) {
        return getElement().callJsFunction("showProblems", JSON.writeValueAsString(problems))
                .toCompletableFuture(String.class)
                .thenApply(json -> JSON.readValue(json, new TypeReference<List<String>>() { }));
    }

    /** Colours where an instance stands and where it went; clears earlier marks. */
    public void showInstance(InstanceMarks marks) {
        getElement().callJsFunction("showInstance", JSON.writeValueAsString(marks));
    }

    /** Selects an element and scrolls it into view. */
    public void select(String elementId) {
        getElement().callJsFunction("selectElement", elementId);
    }

    public Registration addChangedListener(ComponentEventListener<ChangedEvent> listener) {
        return addListener(ChangedEvent.class, listener);
    }
}
