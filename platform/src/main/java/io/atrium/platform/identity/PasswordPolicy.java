package io.atrium.platform.identity;

import io.atrium.platform.app.MessageKey;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The one password rule for every account, administrators included: 12 characters at least
 * (72 bytes at most, bcrypt's limit), not blank, not one character or a short pattern over and
 * over, not a run along the alphabet, the digits or a keyboard row, not containing the username,
 * and not one of the well-known weak passwords (compared case-insensitively, also without
 * trailing digits and symbols and with common letter-for-symbol swaps undone).
 */
public final class PasswordPolicy {

    /** The shortest password accepted. */
    public static final int MIN_LENGTH = 12;
    /** The most bytes (UTF-8) bcrypt takes into account. */
    public static final int MAX_BYTES = 72;

    private static final String[] RUNS = {
        "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz",
        "0123456789012345678901234567890123456789",
        "qwertyuiopasdfghjklzxcvbnm", "qwertyuiop[]asdfghjkl;'zxcvbnm,./", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
        "1234567890-=", "!@#$%^&*()_+", "qazwsxedcrfvtgbyhnujmikolp", "йцукенгшщзхъфывапролджэячсмитьбю",
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    };

    private static final PasswordPolicy STANDARD = new PasswordPolicy(load("common-passwords.txt"));

    private final Set<String> common;

    PasswordPolicy(Set<String> common) {
        this.common = Set.copyOf(common);
    }

    /** The platform's policy, with its built-in list of common passwords. */
    public static PasswordPolicy standard() {
        return STANDARD;
    }

    /**
     * Checks a new password for the account.
     *
     * @param username the account's username (may be null when unknown)
     * @throws InvalidAccountException naming the rule it breaks, field {@code password}
     */
    public void check(String username, String password) {
        if (password == null || password.isBlank()) {
            throw refused("blank", MessageKey.PASSWORD_BLANK);
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw refused("too-short", MessageKey.PASSWORD_TOO_SHORT, MIN_LENGTH);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw refused("too-long", MessageKey.PASSWORD_TOO_LONG, MAX_BYTES, MAX_BYTES / 2);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (lower.codePoints().distinct().count() < 5 || repeatsAShortUnit(lower)) {
            throw refused("trivial", MessageKey.PASSWORD_TRIVIAL);
        }
        if (isRun(lower)) {
            throw refused("sequence", MessageKey.PASSWORD_SEQUENCE);
        }
        if (username != null && username.strip().length() >= 3
                && lower.contains(username.strip().toLowerCase(Locale.ROOT))) {
            throw refused("username", MessageKey.PASSWORD_USERNAME);
        }
        if (isCommon(lower)) {
            throw refused("common", MessageKey.PASSWORD_COMMON);
        }
    }

    private static boolean repeatsAShortUnit(String text) {
        for (int unit = 1; unit <= 4; unit++) {
            if (text.length() > unit && text.length() % unit == 0 && text.substring(0, unit).repeat(text.length() / unit).equals(text)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRun(String text) {
        String reversed = new StringBuilder(text).reverse().toString();
        for (String run : RUNS) {
            if (run.contains(text) || run.contains(reversed)) {
                return true;
            }
        }
        return false;
    }

    private boolean isCommon(String lower) {
        if (common.contains(lower)) {
            return true;
        }
        String core = stripEnds(lower);
        for (String word : java.util.List.of(core, stripEnds(undoSwaps(core)))) {
            if (common.contains(word) || (word.length() < lower.length() && !word.isEmpty() && repeatsAShortUnit(word))) {
                return true;
            }
            // a common word written twice, e.g. "passwordpassword"
            int half = word.length() / 2;
            if (word.length() % 2 == 0 && common.contains(word.substring(0, half))
                    && word.substring(0, half).equals(word.substring(half))) {
                return true;
            }
        }
        return false;
    }

    /** Drops digits, spaces and symbols at either end: "Password2024!" becomes "password". */
    private static String stripEnds(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && !Character.isLetter(text.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetter(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    /** Undoes the usual letter-for-symbol swaps: "p@ssw0rd" becomes "password". */
    private static String undoSwaps(String text) {
        var sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            sb.append(switch (c) {
                case '@', '4' -> 'a';
                case '$', '5' -> 's';
                case '0' -> 'o';
                case '1', '!' -> 'i';
                case '3' -> 'e';
                case '7' -> 't';
                default -> c;
            });
        }
        return sb.toString();
    }

    private static InvalidAccountException refused(String code, MessageKey message, Object... arguments) {
        return new InvalidAccountException("password", code, message, arguments);
    }

    private static Set<String> load(String resource) {
        var words = new HashSet<String>();
        var stream = PasswordPolicy.class.getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("Missing " + resource);
        }
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                String word = line.strip().toLowerCase(Locale.ROOT);
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }
}
