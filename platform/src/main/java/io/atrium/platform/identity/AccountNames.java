package io.atrium.platform.identity;

import io.atrium.platform.app.MessageKey;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules for usernames, display names and group names, checked before anything is stored.
 * Usernames are the subset of what user fields of items accept that is safe in URLs, logs and
 * HTML: lower-case letters, digits, {@code . _ - @}, 1 to 64 characters, not starting with
 * {@code .} or {@code -}.
 */
public final class AccountNames {

    /** The longest username. */
    public static final int MAX_USERNAME = 64;
    /** The longest display name of a user. */
    public static final int MAX_DISPLAY_NAME = 200;
    /** The longest name of a group. */
    public static final int MAX_GROUP_NAME = 100;

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9_@][a-z0-9._@-]{0," + (MAX_USERNAME - 1) + "}");

    private AccountNames() {
    }

    /**
     * The username as it is stored (trimmed, lower-case).
     *
     * @throws InvalidAccountException if it breaks the rules
     */
    public static String username(String raw) {
        String normalized = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(normalized).matches()) {
            throw new InvalidAccountException("username", "invalid", MessageKey.USERNAME_FORMAT, MAX_USERNAME);
        }
        return normalized;
    }

    /** Whether the text is a valid username (as typed, before normalizing). */
    public static boolean isUsername(String raw) {
        try {
            username(raw);
            return true;
        } catch (InvalidAccountException e) {
            return false;
        }
    }

    /**
     * A display name trimmed, or null when blank (the account then shows its username).
     *
     * @throws InvalidAccountException if it is too long or holds control characters
     */
    public static String displayName(String raw) {
        return label(raw, "displayName", MAX_DISPLAY_NAME);
    }

    /**
     * A group's name trimmed, or null when blank.
     *
     * @throws InvalidAccountException if it is too long or holds control characters
     */
    public static String groupName(String raw) {
        return label(raw, "name", MAX_GROUP_NAME);
    }

    private static String label(String raw, String field, int max) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String label = raw.strip();
        if (label.length() > max) {
            throw new InvalidAccountException(field, "too-long", MessageKey.TEXT_MAX_LENGTH, max);
        }
        if (label.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidAccountException(field, "control", MessageKey.CONTROL_CHARACTERS);
        }
        return label;
    }
}
