package io.atrium.platform.item;

/** The item changed since the caller read it; read it again and reapply the change. */
public class StaleItemException extends RuntimeException {

    private final long currentVersion;

    public StaleItemException(String message, long currentVersion) {
        super(message);
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
