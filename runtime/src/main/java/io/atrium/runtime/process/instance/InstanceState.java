package io.atrium.runtime.process.instance;

/** Where a process instance stands. */
public enum InstanceState {
    ACTIVE, COMPLETED, CANCELED
}
