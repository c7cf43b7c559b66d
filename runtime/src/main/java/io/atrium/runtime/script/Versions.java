package io.atrium.runtime.script;

/** Versions of the script engine's parts that its resources are found by. */
final class Versions {

    /** The npm typescript package's version, as its webjar in the runtime's pom (a test checks both agree). */
    static final String TYPESCRIPT = "6.0.3";

    private Versions() {
    }
}
