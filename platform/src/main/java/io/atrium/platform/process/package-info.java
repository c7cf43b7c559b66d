/**
 * Process definitions: BPMN drawn by analysts, kept as drafts and immutable published versions
 * per workspace, each published version mapped to the engine definition it was deployed as.
 * Deploying is the runtime's ({@link io.atrium.platform.process.ProcessDeployer}); this package
 * knows nothing of the engine.
 */
package io.atrium.platform.process;
