package io.atrium.platform.definition;

/** Another node published the same version number of a definition first. */
public class VersionConflictException extends RuntimeException {

    private final String key;
    private final int version;

    public VersionConflictException(String key, int version) {
        super("Version " + version + " of " + key + " was published by someone else just now; try again");
        this.key = key;
        this.version = version;
    }

    /** The definition's key in its store. */
    public String key() {
        return key;
    }

    /** The version number someone else took. */
    public int version() {
        return version;
    }
}
