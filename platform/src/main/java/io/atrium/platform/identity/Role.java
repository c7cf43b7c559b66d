package io.atrium.platform.identity;

/**
 * The platform's built-in roles. Each grants only what its holder's work needs; finer,
 * per-app permissions are granted on top of them.
 */
public enum Role {
    /** Manages users, security settings and everything else. */
    ADMIN,
    /** Builds apps, forms, processes, bots, portals and lines. */
    ANALYST,
    /** Writes scripts and integrations against the scripts SDK and the REST API. */
    DEVELOPER,
    /** Watches the contact center's flow, distributes sessions, controls SLA. */
    SUPERVISOR,
    /** Answers customer sessions and works with requests. */
    OPERATOR,
    /** An external user of a portal: sees only their own requests. */
    PORTAL_USER;

    /** The authority name Spring Security uses for this role, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
