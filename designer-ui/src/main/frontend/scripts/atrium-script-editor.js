/**
 * <atrium-script-editor>: Monaco for script modules, with the TypeScript language service in a
 * worker. The SDK's declarations and the workspace's other modules are given to it, so a script
 * gets completion and type errors as it is typed, with the same strictness as publishing; the
 * server's own compile errors (on publish) are shown as markers too. The Java side
 * (ScriptEditor) calls setup(), value(), showProblems() and reveal(); a change is told with a
 * debounced "script-changed" event, and the language service's count of errors with
 * "script-diagnostics".
 */
import * as monaco from 'monaco-editor/editor/editor.api.js';
import 'monaco-editor/editor/browser/coreCommands.js';
import 'monaco-editor/editor/browser/widget/codeEditor/codeEditorWidget.js';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching.js';
import 'monaco-editor/editor/contrib/clipboard/browser/clipboard.js';
import 'monaco-editor/editor/contrib/codeAction/browser/codeActionContributions.js';
import 'monaco-editor/editor/contrib/comment/browser/comment.js';
import 'monaco-editor/editor/contrib/contextmenu/browser/contextmenu.js';
import 'monaco-editor/editor/contrib/cursorUndo/browser/cursorUndo.js';
import 'monaco-editor/editor/contrib/find/browser/findController.js';
import 'monaco-editor/editor/contrib/folding/browser/folding.js';
import 'monaco-editor/editor/contrib/format/browser/formatActions.js';
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError.js';
import 'monaco-editor/editor/contrib/gotoError/browser/markerSelectionStatus.js';
import 'monaco-editor/editor/contrib/gotoSymbol/browser/goToCommands.js';
import 'monaco-editor/editor/contrib/gotoSymbol/browser/link/goToDefinitionAtPosition.js';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution.js';
import 'monaco-editor/editor/contrib/indentation/browser/indentation.js';
import 'monaco-editor/editor/contrib/linesOperations/browser/linesOperations.js';
import 'monaco-editor/editor/contrib/multicursor/browser/multicursor.js';
import 'monaco-editor/editor/contrib/parameterHints/browser/parameterHints.js';
import 'monaco-editor/editor/contrib/rename/browser/rename.js';
import 'monaco-editor/editor/contrib/semanticTokens/browser/documentSemanticTokens.js';
import 'monaco-editor/editor/contrib/snippet/browser/snippetController2.js';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController.js';
import 'monaco-editor/editor/contrib/wordHighlighter/browser/wordHighlighter.js';
import 'monaco-editor/editor/contrib/wordOperations/browser/wordOperations.js';
import 'monaco-editor/editor/common/standaloneStrings.js';
import 'monaco-editor/languages/definitions/typescript/register.js';
import 'monaco-editor/languages/definitions/javascript/register.js';
import {
  typescriptDefaults,
  javascriptDefaults,
  ModuleKind,
  ModuleResolutionKind,
  ScriptTarget
} from 'monaco-editor/languages/features/typescript/register.js';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';
import TypeScriptWorker from 'monaco-editor/languages/features/typescript/ts.worker.js?worker';

self.MonacoEnvironment = {
  getWorker(moduleId, label) {
    return label === 'typescript' || label === 'javascript' ? new TypeScriptWorker() : new EditorWorker();
  }
};

/** As publishing compiles: strict, ES2022 without the DOM (scripts have no window or document). */
const COMPILER_OPTIONS = {
  target: ScriptTarget.ES2020 + 2, // ES2022, which the enum here does not name
  module: ModuleKind.ESNext,
  moduleResolution: ModuleResolutionKind.NodeJs,
  lib: ['es2022'],
  strict: true,
  noEmit: true,
  allowNonTsExtensions: true,
  allowJs: true,
  checkJs: false
};
typescriptDefaults.setCompilerOptions(COMPILER_OPTIONS);
javascriptDefaults.setCompilerOptions({ ...COMPILER_OPTIONS, strict: false });
typescriptDefaults.setEagerModelSync(true);

/** The libraries given to the language service, by path, so setup() can replace them. */
const libraries = new Map();

function setLibraries(list) {
  for (const disposable of libraries.values()) {
    disposable.dispose();
  }
  libraries.clear();
  for (const lib of list) {
    libraries.set(lib.path, typescriptDefaults.addExtraLib(lib.content, lib.path));
    javascriptDefaults.addExtraLib(lib.content, lib.path);
  }
}

class AtriumScriptEditor extends HTMLElement {

  connectedCallback() {
    if (this._editor) {
      return;
    }
    // a custom element is inline by default: make it a box the editor fills
    this.style.display = 'block';
    this.style.position = 'relative';
    this.style.border = '1px solid var(--lumo-contrast-20pct)';
    this.style.borderRadius = 'var(--lumo-border-radius-m)';
    this._host = document.createElement('div');
    this._host.className = 'atrium-script-editor-host';
    this._host.style.position = 'absolute';
    this._host.style.inset = '0';
    this.appendChild(this._host);
    this._editor = monaco.editor.create(this._host, {
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 14,
      scrollBeyondLastLine: false,
      tabSize: 2,
      fixedOverflowWidgets: true,
      ariaLabel: this.getAttribute('aria-label') || 'Script'
    });
    this._editor.onDidChangeModelContent(() => {
      clearTimeout(this._changed);
      this._changed = setTimeout(() => this.dispatchEvent(new CustomEvent('script-changed')), 400);
    });
    monaco.editor.onDidChangeMarkers(uris => {
      const model = this._editor.getModel();
      if (model && uris.some(uri => uri.toString() === model.uri.toString())) {
        const errors = monaco.editor.getModelMarkers({ resource: model.uri })
          .filter(m => m.severity === monaco.MarkerSeverity.Error && m.owner !== 'atrium');
        this.dispatchEvent(new CustomEvent('script-diagnostics', { detail: { errors: errors.length } }));
      }
    });
    if (this._pending) {
      this.setup(this._pending);
    }
  }

  /**
   * Shows a module: {path, language, value, readOnly, libraries: [{path, content}]}; the path
   * is file:///<workspace>/<code>.ts so that './other' imports find the workspace's modules.
   */
  setup(config) {
    if (!this._editor) {
      this._pending = config;
      return;
    }
    setLibraries(config.libraries || []);
    const uri = monaco.Uri.parse(config.path);
    const old = this._editor.getModel();
    let model = monaco.editor.getModel(uri);
    if (model) {
      model.setValue(config.value || '');
      monaco.editor.setModelLanguage(model, config.language);
    } else {
      model = monaco.editor.createModel(config.value || '', config.language, uri);
    }
    this._editor.setModel(model);
    if (old && old !== model) {
      old.dispose();
    }
    this._editor.updateOptions({ readOnly: !!config.readOnly });
  }

  /** The text being edited. */
  value() {
    const model = this._editor && this._editor.getModel();
    return model ? model.getValue() : (this._pending ? this._pending.value : '');
  }

  /** The server's problems with the module (from publishing): [{line, column, message, code}]. */
  showProblems(problems) {
    const model = this._editor && this._editor.getModel();
    if (!model) {
      return;
    }
    monaco.editor.setModelMarkers(model, 'atrium', (problems || []).map(p => ({
      severity: monaco.MarkerSeverity.Error,
      message: p.code ? p.code + ': ' + p.message : p.message,
      startLineNumber: Math.max(1, p.line || 1),
      startColumn: Math.max(1, p.column || 1),
      endLineNumber: Math.max(1, p.line || 1),
      endColumn: model.getLineMaxColumn(Math.min(model.getLineCount(), Math.max(1, p.line || 1)))
    })));
  }

  /** Moves the cursor to a place and shows it. */
  reveal(line, column) {
    if (this._editor) {
      this._editor.setPosition({ lineNumber: line, column: column || 1 });
      this._editor.revealLineInCenter(line);
      this._editor.focus();
    }
  }
}

customElements.define('atrium-script-editor', AtriumScriptEditor);
