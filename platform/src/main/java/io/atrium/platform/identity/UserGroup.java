package io.atrium.platform.identity;

/**
 * A named set of users, e.g. a skill group of operators or a branch office. Membership is kept
 * on the user accounts.
 *
 * @param code lower-case identifier used in grants, item fields and routing rules
 * @param name label shown to people
 */
public record UserGroup(String code, String name) {
}
