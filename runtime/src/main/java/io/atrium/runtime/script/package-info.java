/**
 * User scripts in GraalJS: sandboxed contexts from one shared engine, no host classes, no IO,
 * time limits. Data crosses the boundary as JSON; the SDK's objects are the only host objects a
 * script sees.
 */
package io.atrium.runtime.script;
