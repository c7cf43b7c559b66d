/**
 * <atrium-bpmn>: bpmn-js for the designer and the monitor.
 *
 * mode="edit" draws with the Zeebe properties panel, the platform's blocks as element templates
 * and FEEL fields offered the variables known; mode="view" is a read-only viewer that colours
 * where an instance stands and where it went. The Java side (BpmnModeler) calls the methods
 * below; changes are told with a "bpmn-changed" event.
 */
import BpmnModeler from 'bpmn-js/lib/Modeler';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  ZeebePropertiesProviderModule,
  ZeebeTooltipProvider
} from 'bpmn-js-properties-panel';
import { CloudElementTemplatesPropertiesProviderModule } from 'bpmn-js-element-templates';
import ElementTemplateChooserModule from '@bpmn-io/element-template-chooser';
import { ZeebeVariableResolverModule } from '@bpmn-io/variable-resolver';
import ZeebeBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
import { is } from 'bpmn-js/lib/util/ModelUtil';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';

import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-element-templates/dist/assets/element-templates.css';
import '@bpmn-io/element-template-chooser/dist/element-template-chooser.css';
import './atrium-bpmn.css';

import AtriumBlocksModule from './atrium-blocks.js';
import { RUSSIAN } from './atrium-bpmn-ru.js';

function translator(language) {
  const texts = language === 'ru' ? RUSSIAN : {};
  const translate = (template, replacements) => {
    const text = texts[template] || template;
    return text.replace(/{([^}]+)}/g, (all, key) => replacements && key in replacements
      ? (texts[replacements[key]] || replacements[key]) : all);
  };
  return { translate: ['value', translate] };
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

class AtriumBpmn extends HTMLElement {

  connectedCallback() {
    this._ensure();
  }

  _ensure() {
    if (this._bpmn) {
      return this._bpmn;
    }
    const edit = this.getAttribute('mode') !== 'view';
    this.classList.add(edit ? 'atrium-bpmn-edit' : 'atrium-bpmn-view');
    this._canvas = document.createElement('div');
    this._canvas.className = 'atrium-bpmn-canvas';
    this.appendChild(this._canvas);
    const language = (this.getAttribute('language') || 'en').substring(0, 2);
    if (edit) {
      this._panel = document.createElement('div');
      this._panel.className = 'atrium-bpmn-panel';
      this.appendChild(this._panel);
      this._bpmn = new BpmnModeler({
        container: this._canvas,
        propertiesPanel: { parent: this._panel, tooltip: ZeebeTooltipProvider },
        additionalModules: [
          BpmnPropertiesPanelModule,
          BpmnPropertiesProviderModule,
          ZeebePropertiesProviderModule,
          CloudElementTemplatesPropertiesProviderModule,
          ElementTemplateChooserModule,
          ZeebeVariableResolverModule,
          ZeebeBehaviorsModule,
          AtriumBlocksModule,
          translator(language)
        ],
        moddleExtensions: { zeebe: zeebeModdle }
      });
      let pending;
      this._bpmn.on('commandStack.changed', () => {
        clearTimeout(pending);
        pending = setTimeout(() => this.dispatchEvent(new CustomEvent('bpmn-changed')), 250);
      });
      this._bpmn.on('elementTemplates.errors', event => console.warn('Element templates refused', event.errors));
    } else {
      this._bpmn = new NavigatedViewer({
        container: this._canvas,
        additionalModules: [translator(language)],
        moddleExtensions: { zeebe: zeebeModdle }
      });
    }
    this._marked = [];
    // the canvas follows its box: a phone turned, a drawer opened; a viewer fits the drawing again
    let last = 0;
    new ResizeObserver(() => {
      const width = this._canvas.clientWidth;
      if (!width || width === last) {
        return;
      }
      last = width;
      this._bpmn.get('canvas').resized();
      // a drawing nobody has touched yet fits its new box; once edited, the zoom stays the analyst's
      if (this._imported && (!edit || !this._bpmn.get('commandStack').canUndo())) {
        this._fit();
      }
    }).observe(this._canvas);
    return this._bpmn;
  }

  /** Shows a drawing; answers JSON {ok, error, warnings}. */
  async importXml(xml) {
    const bpmn = this._ensure();
    try {
      const result = await bpmn.importXML(xml);
      this._marked = [];
      this._imported = true;
      this._fit();
      return JSON.stringify({ ok: true, warnings: (result.warnings || []).map(w => w.message) });
    } catch (e) {
      return JSON.stringify({ ok: false, error: e.message, warnings: (e.warnings || []).map(w => w.message) });
    }
  }

  /** The drawing as a standard BPMN 2.0 file. */
  async exportXml() {
    const { xml } = await this._ensure().saveXML({ format: true });
    return xml;
  }

  /** Downloads the drawing as a .bpmn file, exactly as drawn. */
  async download(fileName) {
    const xml = await this.exportXml();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([xml], { type: 'application/xml' }));
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  }

  /** Gives the modeler the element templates (a JSON array) the palette and panel offer. */
  setTemplates(json) {
    const bpmn = this._ensure();
    const loader = bpmn.get('elementTemplatesLoader', false);
    if (loader) {
      loader.setTemplates(JSON.parse(json));
    }
  }

  /** Changes the id of the (first executable) process, e.g. of an imported file, to the code it is kept under. */
  setProcessId(id) {
    const bpmn = this._ensure();
    const root = bpmn.get('canvas').getRootElement();
    let target = root;
    let process = root.businessObject;
    if (!is(root, 'bpmn:Process')) {
      const pools = bpmn.get('elementRegistry').filter(e => is(e, 'bpmn:Participant') && e.businessObject.processRef);
      target = pools.find(p => p.businessObject.processRef.isExecutable) || pools[0];
      process = target && target.businessObject.processRef;
    }
    const before = process ? process.id : '';
    if (process && process.id !== id) {
      bpmn.get('modeling').updateModdleProperties(target, process, { id });
    }
    return before;
  }

  /**
   * Marks the elements with problems: JSON [{element, message}]. Answers the ids not found in the
   * drawing, so the caller can list those elsewhere.
   */
  showProblems(json) {
    const bpmn = this._ensure();
    this._clear();
    const registry = bpmn.get('elementRegistry');
    const byElement = new Map();
    const missing = [];
    for (const problem of JSON.parse(json)) {
      if (!problem.element || !registry.get(problem.element)) {
        missing.push(problem.element || '');
        continue;
      }
      byElement.set(problem.element, [...(byElement.get(problem.element) || []), problem.message]);
    }
    for (const [id, messages] of byElement) {
      this._mark(id, 'atrium-problem');
      this._overlay(id, 'atrium-problem', 'atrium-problem-note', messages);
    }
    return JSON.stringify(missing);
  }

  /**
   * Colours an instance: JSON {active: [ids], passed: [ids], flows: [ids], incidents: [{element, message}]}.
   */
  showInstance(json) {
    const bpmn = this._ensure();
    this._clear();
    const state = JSON.parse(json);
    const registry = bpmn.get('elementRegistry');
    const known = id => registry.get(id);
    (state.passed || []).filter(known).forEach(id => this._mark(id, 'atrium-passed'));
    (state.flows || []).filter(known).forEach(id => this._mark(id, 'atrium-flow-taken'));
    (state.active || []).filter(known).forEach(id => this._mark(id, 'atrium-active'));
    const incidents = new Map();
    (state.incidents || []).filter(i => known(i.element))
      .forEach(i => incidents.set(i.element, [...(incidents.get(i.element) || []), i.message]));
    for (const [id, messages] of incidents) {
      this._mark(id, 'atrium-incident');
      this._overlay(id, 'atrium-incident', 'atrium-incident-note', messages);
    }
  }

  /** Selects the element and scrolls it into view. */
  selectElement(id) {
    const bpmn = this._ensure();
    const element = bpmn.get('elementRegistry').get(id);
    if (!element) {
      return;
    }
    bpmn.get('canvas').scrollToElement(element);
    const selection = bpmn.get('selection', false);
    if (selection) {
      selection.select(element);
    }
  }

  _fit() {
    const canvas = this._bpmn.get('canvas');
    canvas.zoom('fit-viewport', 'auto');
    if (canvas.zoom() > 1) {
      canvas.zoom(1, 'auto');
    }
  }

  _mark(id, marker) {
    this._bpmn.get('canvas').addMarker(id, marker);
    this._marked.push([id, marker]);
  }

  _overlay(id, type, className, messages) {
    const text = messages.map(escapeHtml).join('<br>');
    this._bpmn.get('overlays').add(id, type, {
      position: { bottom: -6, left: 0 },
      html: `<div class="${className}" title="${escapeHtml(messages.join('\n'))}">${text}</div>`
    });
  }

  _clear() {
    const canvas = this._bpmn.get('canvas');
    this._marked.forEach(([id, marker]) => canvas.removeMarker(id, marker));
    this._marked = [];
    const overlays = this._bpmn.get('overlays');
    overlays.remove({ type: 'atrium-problem' });
    overlays.remove({ type: 'atrium-incident' });
  }
}

customElements.define('atrium-bpmn', AtriumBpmn);
