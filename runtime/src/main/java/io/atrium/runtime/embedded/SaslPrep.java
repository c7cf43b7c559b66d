package io.atrium.runtime.embedded;

import java.text.Normalizer;

/**
 * SASLprep (RFC 4013) of a stored password, as the MongoDB drivers apply it before SCRAM-SHA-256:
 * the same password typed into mongosh or given to the Java driver then yields the same keys.
 * Unassigned code points are refused, as for stored strings.
 */
final class SaslPrep {

    private SaslPrep() {
    }

    static String prepare(String value) {
        var mapped = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            if (mappedToNothing(c)) {
                return;
            }
            mapped.appendCodePoint(nonAsciiSpace(c) ? ' ' : c);
        });
        String normalized = Normalizer.normalize(mapped, Normalizer.Form.NFKC);
        boolean randAl = false;
        boolean leftToRight = false;
        for (int i = 0; i < normalized.length(); ) {
            int c = normalized.codePointAt(i);
            if (prohibited(c)) {
                throw new IllegalArgumentException("The password contains a character SASLprep prohibits (U+"
                        + Integer.toHexString(c).toUpperCase() + ")");
            }
            byte direction = Character.getDirectionality(c);
            randAl |= direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                    || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
            leftToRight |= direction == Character.DIRECTIONALITY_LEFT_TO_RIGHT;
            i += Character.charCount(c);
        }
        if (randAl && (leftToRight || !rightToLeft(normalized.codePointAt(0))
                || !rightToLeft(normalized.codePointBefore(normalized.length())))) {
            throw new IllegalArgumentException("The password mixes right-to-left and left-to-right text");
        }
        return normalized;
    }

    /** RFC 3454 table B.1. */
    private static boolean mappedToNothing(int c) {
        return c == 0x00AD || c == 0x034F || c == 0x1806 || (c >= 0x180B && c <= 0x180D)
                || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF;
    }

    /** RFC 3454 table C.1.2. */
    private static boolean nonAsciiSpace(int c) {
        return c != ' ' && Character.getType(c) == Character.SPACE_SEPARATOR;
    }

    /** RFC 3454 tables C.2 to C.9 and A.1 (unassigned). */
    private static boolean prohibited(int c) {
        int type = Character.getType(c);
        return Character.isISOControl(c)
                || type == Character.PRIVATE_USE || type == Character.SURROGATE || type == Character.UNASSIGNED
                || (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE // non-characters
                || (c >= 0xFFF9 && c <= 0xFFFD) // inappropriate for plain text
                || (c >= 0x2FF0 && c <= 0x2FFB) // inappropriate for canonical representation
                || c == 0x0340 || c == 0x0341 || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x206A && c <= 0x206F) // change display properties or deprecated
                || c == 0xE0001 || (c >= 0xE0020 && c <= 0xE007F) // tagging
                || c == 0x06DD || c == 0x070F || c == 0x180E || c == 0x200C || c == 0x200D
                || c == 0x2028 || c == 0x2029 || (c >= 0x2060 && c <= 0x2063) || (c >= 0x1D173 && c <= 0x1D17A);
    }

    private static boolean rightToLeft(int c) {
        byte direction = Character.getDirectionality(c);
        return direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
    }
}
