package io.atrium.platform.access;

/** What a role may do with an app's items. ADMINISTER also covers the app's definition and grants. */
public enum Permission {
    READ,
    CREATE,
    UPDATE,
    DELETE,
    ADMINISTER
}
