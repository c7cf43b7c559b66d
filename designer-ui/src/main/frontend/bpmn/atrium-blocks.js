/**
 * The platform's building blocks as ready choices: a palette group with one entry per block
 * template, the same entries in a task's replace menu, and the variables the blocks write offered
 * to the FEEL fields of the elements after them.
 */
import VariableProvider from '@bpmn-io/variable-resolver/lib/VariableProvider';
import { is, getBusinessObject } from 'bpmn-js/lib/util/ModelUtil';

/** Templates of the platform's blocks have ids with this prefix. */
export const BLOCK_TEMPLATE_PREFIX = 'io.atrium.block.';

function blockTemplates(elementTemplates) {
  return elementTemplates.getAll().filter(t => t.id && t.id.startsWith(BLOCK_TEMPLATE_PREFIX));
}

function blockName(template) {
  return template.id.substring(BLOCK_TEMPLATE_PREFIX.length);
}

class BlockPalette {
  constructor(palette, create, elementTemplates, translate, eventBus) {
    this._create = create;
    this._elementTemplates = elementTemplates;
    this._translate = translate;
    palette.registerProvider(500, this);
    eventBus.on('elementTemplates.changed', () => palette._rebuild());
  }

  getPaletteEntries() {
    const entries = {};
    for (const template of blockTemplates(this._elementTemplates)) {
      const start = event => this._create.start(event, this._elementTemplates.createElement(template));
      entries['atrium-block-' + blockName(template)] = {
        group: 'atrium-blocks',
        imageUrl: template.icon && template.icon.contents,
        title: this._translate('Create {block}', { block: template.name }),
        action: { dragstart: start, click: start }
      };
    }
    return entries;
  }
}
BlockPalette.$inject = ['palette', 'create', 'elementTemplates', 'translate', 'eventBus'];

/** "Change element" on a task offers the blocks too, turning the task into one. */
class BlockReplaceMenu {
  constructor(popupMenu, elementTemplates, translate) {
    this._elementTemplates = elementTemplates;
    this._translate = translate;
    popupMenu.registerProvider('bpmn-replace', 400, this);
  }

  getPopupMenuEntries(target) {
    if (!is(target, 'bpmn:Task')) {
      return {};
    }
    const entries = {};
    const current = this._elementTemplates.get(target);
    for (const template of blockTemplates(this._elementTemplates)) {
      if (current && current.id === template.id) {
        continue;
      }
      entries['replace-with-atrium-block-' + blockName(template)] = {
        label: template.name,
        imageUrl: template.icon && template.icon.contents,
        group: { id: 'atrium-blocks', name: this._translate('Atrium blocks') },
        action: () => this._elementTemplates.applyTemplate(target, template)
      };
    }
    return entries;
  }
}
BlockReplaceMenu.$inject = ['popupMenu', 'elementTemplates', 'translate'];

/** The defaults of the blocks' result variables, as the workers use them. */
const RESULT_DEFAULTS = {
  'atrium:create-item': ['itemId', 'String'],
  'atrium:update-item': ['itemVersion', 'Number'],
  'atrium:find-items': ['itemIds', 'List'],
  'atrium:notify': ['notified', 'Number'],
  'atrium:http': ['response', 'Context'],
  'atrium:start-process': ['startedInstanceKey', 'Number'],
  'atrium:send-message': ['messageId', 'String']
};

function extension(bo, type) {
  return (bo.extensionElements && bo.extensionElements.values || []).find(v => v.$type === type);
}

/** The variables a block writes, so a FEEL field after it offers them. */
class BlockVariables extends VariableProvider {
  getVariables(element) {
    const bo = getBusinessObject(element);
    if (!is(bo, 'bpmn:ServiceTask')) {
      return;
    }
    const type = extension(bo, 'zeebe:TaskDefinition')?.type;
    const known = RESULT_DEFAULTS[type];
    if (!known) {
      return;
    }
    const headers = extension(bo, 'zeebe:TaskHeaders')?.values || [];
    const given = headers.find(h => h.key === 'resultVariable')?.value;
    const name = given && given.trim() ? given.trim() : known[0];
    const label = bo.name || bo.id;
    const variables = [{ name, type: known[1], info: label }];
    if (type === 'atrium:find-items') {
      variables.push({ name: name + 'Count', type: 'Number', info: label });
      variables.push({ name: name + 'First', type: 'String', info: label });
    }
    if (type === 'atrium:http') {
      variables[0].entries = [{ name: 'status', type: 'Number' }, { name: 'body', type: 'Context' }];
    }
    return variables;
  }
}

export default {
  __init__: ['atriumBlockPalette', 'atriumBlockReplaceMenu', 'atriumBlockVariables'],
  atriumBlockPalette: ['type', BlockPalette],
  atriumBlockReplaceMenu: ['type', BlockReplaceMenu],
  atriumBlockVariables: ['type', BlockVariables]
};
