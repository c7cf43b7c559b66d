package io.atrium.platform.definition;

/** Another node published the same version number of a definition first. */
public class VersionConflictException extends RuntimeException {

    public VersionConflictException(String key, int version) {
        super("version " + version + " of " + key + " was published by someone else just now; try again");
    }
}
