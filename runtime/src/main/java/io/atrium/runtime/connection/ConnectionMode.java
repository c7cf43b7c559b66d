package io.atrium.runtime.connection;

/** Whether a backing service runs inside this JVM or is an external server. */
public enum ConnectionMode {
    EMBEDDED,
    EXTERNAL
}
