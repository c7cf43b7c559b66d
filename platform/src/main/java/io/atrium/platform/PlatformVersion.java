package io.atrium.platform;

import java.util.Objects;

/**
 * The platform's version, as the build wrote it into the platform jar's manifest
 * ({@code Implementation-Version}, the Maven project version). Running from classes (tests, an
 * IDE) there is no manifest: the version then reads {@value #DEVELOPMENT}.
 */
public final class PlatformVersion {

    /** The version of a platform that runs from classes instead of its jar. */
    public static final String DEVELOPMENT = "development";

    private static final String CURRENT = Objects.requireNonNullElse(
            PlatformVersion.class.getPackage().getImplementationVersion(), DEVELOPMENT);

    private PlatformVersion() {
    }

    /** The running platform's version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String current() {
        return CURRENT;
    }
}
