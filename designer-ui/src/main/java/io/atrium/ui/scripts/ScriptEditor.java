package io.atrium.ui.scripts;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import io.atrium.platform.script.ScriptCompileException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Monaco as a Vaadin component, for script modules: highlighting, the TypeScript language
 * service's errors and completion from the SDK's declarations and the workspace's other modules,
 * and the server's compile errors as markers.
 */
@Tag("atrium-script-editor")
@NpmPackage(value = "monaco-editor", version = "0.57.0")
@JsModule("./scripts/atrium-script-editor.js")
public class ScriptEditor extends com.vaadin.flow.component.Component implements HasSize {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A file the language service knows besides the one edited, e.g. {@code file:///sales/money.ts}. */
    public record Library(String path, String content) {
    }

    public ScriptEditor() {
        setWidthFull();
        setHeight("28rem");
    }

    /** Shows a module; {@code path} names it for imports between the workspace's modules. */
    public void show(String path, String language, String value, boolean readOnly, List<Library> libraries) {
        var config = new LinkedHashMap<String, Object>();
        config.put("path", path);
        config.put("language", language);
        config.put("value", value);
        config.put("readOnly", readOnly);
        config.put("libraries", libraries);
        getElement().executeJs("this.setup(JSON.parse($0))", JSON.writeValueAsString(config));
    }

    /** Hands the text in the editor now to {@code then}, on the UI's thread. */
    public void value(com.vaadin.flow.function.SerializableConsumer<String> then) {
        getElement().executeJs("return this.value()").then(String.class, then);
    }

    /** Shows what publishing found wrong, where it is; an empty list clears them. */
    public void showProblems(List<ScriptCompileException.Problem> problems) {
        var list = problems.stream().map(p -> {
            var out = new LinkedHashMap<String, Object>();
            out.put("line", p.line());
            out.put("column", p.column());
            out.put("code", p.code());
            out.put("message", p.message());
            return (Map<String, Object>) out;
        }).toList();
        getElement().executeJs("this.showProblems(JSON.parse($0))", JSON.writeValueAsString(list));
    }

    public void reveal(int line, int column) {
        getElement().executeJs("this.reveal($0, $1)", line, column);
    }

    public Registration addChangeListener(ComponentEventListener<ChangeEvent> listener) {
        return addListener(ChangeEvent.class, listener);
    }

    public Registration addDiagnosticsListener(ComponentEventListener<DiagnosticsEvent> listener) {
        return addListener(DiagnosticsEvent.class, listener);
    }

    /** The text changed (told a moment after typing stops). */
    @DomEvent("script-changed")
    public static class ChangeEvent extends ComponentEvent<ScriptEditor> {
        public ChangeEvent(ScriptEditor source, boolean fromClient) {
            super(source, fromClient);
        }
    }

    /** How many errors the language service sees in the text now. */
    @DomEvent("script-diagnostics")
    public static class DiagnosticsEvent extends ComponentEvent<ScriptEditor> {
        private final int errors;

        public DiagnosticsEvent(ScriptEditor source, boolean fromClient,
                @EventData("event.detail.errors") int errors) {
            super(source, fromClient);
            this.errors = errors;
        }

        public int errors() {
            return errors;
        }
    }
}
