package io.atrium.platform.script;

import java.util.Map;

/** Turns a module into the JavaScript the sandbox runs; the runtime provides it. */
public interface ScriptCompiler {

    /**
     * Checks and compiles the module.
     *
     * @param workspace the other published modules of its workspace, by code, which it may import
     * @throws ScriptCompileException listing every error with its line and column
     */
    ScriptModule.Compiled compile(ScriptModule module, Map<String, ScriptModule> workspace);
}
