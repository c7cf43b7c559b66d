package io.atrium.platform.app;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Picks the plural form of a number: English has one and other; Russian one (1, 21), few (2–4,
 * 22–24) and many (5–20, 25). Fractions read other.
 */
enum PluralRule {
    ENGLISH {
        @Override
        String category(BigDecimal n) {
            return n.compareTo(BigDecimal.ONE) == 0 ? "one" : "other";
        }
    },
    RUSSIAN {
        @Override
        String category(BigDecimal n) {
            if (n.stripTrailingZeros().scale() > 0) {
                return "other";
            }
            long abs = n.abs().longValue();
            long mod10 = abs % 10;
            long mod100 = abs % 100;
            if (mod10 == 1 && mod100 != 11) {
                return "one";
            }
            if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) {
                return "few";
            }
            return "many";
        }
    };

    private static final String MARK = ",plural,";

    static PluralRule of(Locale locale) {
        return "ru".equals(locale.getLanguage()) ? RUSSIAN : ENGLISH;
    }

    abstract String category(BigDecimal n);

    /**
     * Replaces each {@code {i,plural,one{…}other{…}}} of the pattern by the branch for argument i,
     * with {@code #} turned into {@code {i}} so the number is still formatted for the locale.
     */
    String select(String pattern, Object[] arguments) {
        var out = new StringBuilder();
        int from = 0;
        int mark;
        while ((mark = pattern.indexOf(MARK, from)) >= 0) {
            int open = pattern.lastIndexOf('{', mark);
            int index = Integer.parseInt(pattern.substring(open + 1, mark).strip());
            int end = closing(pattern, open);
            String wanted = category(number(arguments[index]));
            String branch = branch(pattern.substring(mark + MARK.length(), end), wanted);
            out.append(pattern, from, open).append(branch.replace("#", "{" + index + "}"));
            from = end + 1;
        }
        return out.append(pattern.substring(from)).toString();
    }

    private static BigDecimal number(Object value) {
        return value instanceof Number n ? new BigDecimal(n.toString()) : BigDecimal.ZERO;
    }

    /** The branch named {@code wanted}, else {@code other}. */
    private static String branch(String branches, String wanted) {
        String other = null;
        int i = 0;
        while (i < branches.length()) {
            int open = branches.indexOf('{', i);
            if (open < 0) {
                break;
            }
            String name = branches.substring(i, open).strip();
            int end = closing(branches, open);
            String text = branches.substring(open + 1, end);
            if (name.equals(wanted)) {
                return text;
            }
            if (name.equals("other")) {
                other = text;
            }
            i = end + 1;
        }
        if (other == null) {
            throw new IllegalArgumentException("A plural needs an other branch: " + branches);
        }
        return other;
    }

    private static int closing(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("Unbalanced braces: " + text);
    }
}
