package io.atrium.sdk;

/** {@code CallContext}, read once per call: {@code current} answers the whole context as JSON. */
public interface ScriptContext {

    String current();
}
