/**
 * The process designer: bpmn-js wrapped as a Vaadin component ({@link io.atrium.ui.processes.BpmnModeler}),
 * the platform's building blocks as element templates, and the views to create, draw, check, publish,
 * import, export and restore processes.
 */
package io.atrium.ui.processes;
