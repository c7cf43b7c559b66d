/**
 * Script modules: TypeScript or JavaScript that developers write, versioned like the other
 * definitions. Compiling and running them belongs to the runtime ({@link io.atrium.platform.script.ScriptCompiler}).
 */
package io.atrium.platform.script;
