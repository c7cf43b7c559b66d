package io.atrium.platform.app;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Phone numbers as stored and as shown. A phone field stores the number compact — digits with a
 * leading + — so that a customer is found again by the same number however it was typed; people
 * see it grouped the way its country writes it ({@code +7 912 345-67-89}, {@code +44 20 7946 0958}).
 * Grouping follows the number's own country code, not the reader's locale. A number without a
 * country code is shown as stored: its country cannot be known.
 */
public final class PhoneNumbers {

    private static final Pattern COMPACT = Pattern.compile("\\+?[0-9]{5,15}");
    private static final Pattern TYPED_SEPARATORS = Pattern.compile("[\\s().-]");
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /**
     * The number as stored: spaces, dashes, dots and brackets people type are dropped; empty when
     * what is left is not 5–15 digits with an optional leading +.
     */
    public static Optional<String> compact(String typed) {
        String compact = withoutSeparators(typed);
        return COMPACT.matcher(compact).matches() ? Optional.of(compact) : Optional.empty();
    }

    /** What was typed without the spaces, dashes, dots and brackets: part of a number, for a search. */
    public static String withoutSeparators(String typed) {
        return TYPED_SEPARATORS.matcher(typed.strip()).replaceAll("");
    }

    /** The stored number grouped for reading, or as stored when its country is unknown. */
    public static String display(String stored) {
        if (stored == null || !stored.startsWith("+")) {
            return stored;
        }
        try {
            var number = UTIL.parse(stored, null);
            return UTIL.isPossibleNumber(number) ? UTIL.format(number, PhoneNumberFormat.INTERNATIONAL) : stored;
        } catch (NumberParseException e) {
            return stored;
        }
    }
}
