/**
 * Deploying published process versions: the drawing is checked, made ready for the engine
 * (process ids per workspace, Camunda user tasks as job-worker user tasks, see ADR 0012) and
 * deployed; the engine's own objections come back on the elements they concern.
 */
package io.atrium.runtime.process.deploy;
