package io.atrium.platform.app;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A field code made from the name an analyst gives the field: "Phone number" becomes
 * {@code phoneNumber}, "Дата рождения" {@code dataRozhdeniya}. The code is valid, not reserved
 * and not one of the codes already taken.
 */
public final class FieldCode {

    private static final int MAX_LENGTH = 40;
    private static final String FALLBACK = "field";
    private static final Map<Character, String> CYRILLIC = Map.ofEntries(Map.entry('а', "a"), Map.entry('б', "b"),
            Map.entry('в', "v"), Map.entry('г', "g"), Map.entry('д', "d"), Map.entry('е', "e"), Map.entry('ё', "e"),
            Map.entry('ж', "zh"), Map.entry('з', "z"), Map.entry('и', "i"), Map.entry('й', "y"), Map.entry('к', "k"),
            Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('о', "o"), Map.entry('п', "p"),
            Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"), Map.entry('у', "u"), Map.entry('ф', "f"),
            Map.entry('х', "kh"), Map.entry('ц', "ts"), Map.entry('ч', "ch"), Map.entry('ш', "sh"),
            Map.entry('щ', "shch"), Map.entry('ъ', ""), Map.entry('ы', "y"), Map.entry('ь', ""), Map.entry('э', "e"),
            Map.entry('ю', "yu"), Map.entry('я', "ya"));

    private FieldCode() {
    }

    /**
     * The code for a field named so, among fields whose codes are taken: the name in lower camel
     * case, Cyrillic spelled in Latin letters, with a number added when the code is taken.
     */
    public static String suggest(String name, Set<String> taken) {
        String base = of(name);
        String code = base;
        for (int n = 2; taken.contains(code) || ItemValidator.SYSTEM_FIELDS.contains(code); n++) {
            String suffix = String.valueOf(n);
            code = base.substring(0, Math.min(base.length(), MAX_LENGTH - suffix.length())) + suffix;
        }
        return code;
    }

    /** The name in lower camel case: words joined, each after the first capitalised. */
    static String of(String name) {
        var code = new StringBuilder();
        boolean wordStart = false;
        for (char c : latin(name == null ? "" : name).toCharArray()) {
            if (!isAsciiLetterOrDigit(c)) {
                wordStart = true;
            } else if (code.isEmpty() && Character.isDigit(c)) {
                wordStart = false; // a code starts with a letter: leading digits are left out
            } else {
                code.append(wordStart && !code.isEmpty() ? Character.toUpperCase(c) : c);
                wordStart = false;
            }
        }
        if (code.isEmpty()) {
            return FALLBACK;
        }
        return code.length() > MAX_LENGTH ? code.substring(0, MAX_LENGTH) : code.toString();
    }

    /** Lower case, Cyrillic transliterated, accents taken off other letters. */
    private static String latin(String name) {
        var spelled = new StringBuilder();
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            spelled.append(CYRILLIC.getOrDefault(c, String.valueOf(c)));
        }
        return Normalizer.normalize(spelled, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }
}
