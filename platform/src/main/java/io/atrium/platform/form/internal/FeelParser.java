package io.atrium.platform.form.internal;

import io.atrium.platform.form.Condition;
import io.atrium.platform.form.Condition.Comparison;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive descent over the FEEL subset {@link Feel} reads. Every part is read twice over: the
 * condition under which it is true and the one under which it is false, since FEEL's null is
 * neither and {@code not(null)} stays null.
 */
final class FeelParser {

    /** What a part of the expression means: when it is true, when false; neither may hold (FEEL null). */
    record Meaning(Condition whenTrue, Condition whenFalse, boolean twoValued) {

        static Meaning twoValued(Condition whenTrue) {
            return new Meaning(whenTrue, Feel.not(whenTrue), true);
        }

        Meaning negated() {
            return new Meaning(whenFalse, whenTrue, twoValued);
        }
    }

    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "null", "true", "false");

    private final String text;
    private int at;

    FeelParser(String text) {
        this.text = text;
    }

    Meaning or() {
        var parts = new ArrayList<Meaning>();
        parts.add(and());
        while (keyword("or")) {
            parts.add(and());
        }
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        var whenTrue = Feel.any(parts.stream().map(Meaning::whenTrue).toList());
        boolean exact = parts.stream().allMatch(Meaning::twoValued);
        return exact ? Meaning.twoValued(whenTrue)
                : new Meaning(whenTrue, Feel.all(parts.stream().map(Meaning::whenFalse).toList()), false);
    }

    Meaning and() {
        var parts = new ArrayList<Meaning>();
        parts.add(unary());
        while (keyword("and")) {
            parts.add(unary());
        }
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        var whenTrue = Feel.all(parts.stream().map(Meaning::whenTrue).toList());
        boolean exact = parts.stream().allMatch(Meaning::twoValued);
        return exact ? Meaning.twoValued(whenTrue)
                : new Meaning(whenTrue, Feel.any(parts.stream().map(Meaning::whenFalse).toList()), false);
    }

    Meaning unary() {
        skipSpace();
        if (keyword("not")) {
            expect('(');
            Meaning inner = or();
            expect(')');
            return inner.negated();
        }
        if (peek('(')) {
            at++;
            Meaning inner = or();
            expect(')');
            return inner;
        }
        return comparison();
    }

    Meaning comparison() {
        String field = name();
        skipSpace();
        for (Comparison comparison : List.of(Comparison.LESS_OR_EQUAL, Comparison.GREATER_OR_EQUAL,
                Comparison.LESS, Comparison.GREATER)) {
            if (text.startsWith(comparison.symbol(), at)) {
                at += comparison.symbol().length();
                int start = at;
                if (!(literalValue() instanceof Number number)) {
                    throw new IllegalArgumentException(comparison.symbol() + " compares numbers only, not '"
                            + text.substring(start).strip() + "' in " + text);
                }
                var value = new BigDecimal(number.toString());
                return new Meaning(new Condition.Compare(field, comparison, value),
                        new Condition.Compare(field, Feel.flip(comparison), value), false);
            }
        }
        if (text.startsWith("!=", at)) {
            at += 2;
            Object value = literalValue();
            return Meaning.twoValued(value == null ? new Condition.Not(new Condition.Empty(field))
                    : new Condition.Not(new Condition.Equals(field, value)));
        }
        if (peek('=')) {
            at++;
            Object value = literalValue();
            return Meaning.twoValued(value == null ? new Condition.Empty(field) : new Condition.Equals(field, value));
        }
        if (keyword("in")) {
            expect('[');
            var values = new ArrayList<Object>();
            skipSpace();
            if (!peek(']')) {
                do {
                    values.add(literalValue());
                    skipSpace();
                } while (consume(','));
            }
            expect(']');
            return Meaning.twoValued(new Condition.In(field, values));
        }
        if (atEnd() || peek(')') || lookingAt("and") || lookingAt("or")) {
            // a variable on its own: true when it is true, false when false, null otherwise
            return new Meaning(new Condition.Equals(field, true), new Condition.Equals(field, false), false);
        }
        throw new IllegalArgumentException("expected =, !=, <, <=, >, >= or in after '" + field + "' in " + text);
    }

    String name() {
        skipSpace();
        int start = at;
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
            at++;
        }
        if (start == at || !Character.isLetter(text.charAt(start))) {
            throw new IllegalArgumentException("expected a field name at '" + rest() + "' in " + text);
        }
        String name = text.substring(start, at);
        if (KEYWORDS.contains(name)) {
            throw new IllegalArgumentException("expected a field name, not '" + name + "', in " + text);
        }
        return name;
    }

    Object literalValue() {
        skipSpace();
        if (peek('"')) {
            var out = new StringBuilder();
            at++;
            while (at < text.length() && text.charAt(at) != '"') {
                char c = text.charAt(at++);
                if (c == '\\' && at < text.length()) {
                    c = text.charAt(at++);
                }
                out.append(c);
            }
            expect('"');
            return out.toString();
        }
        for (String word : List.of("null", "true", "false")) {
            if (keyword(word)) {
                return word.equals("null") ? null : Boolean.valueOf(word);
            }
        }
        int start = at;
        while (at < text.length() && "+-.0123456789".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        try {
            var number = new BigDecimal(text.substring(start, at));
            return number.scale() <= 0 ? (Object) number.longValueExact() : number.doubleValue();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("expected a text, number, true, false or null at '"
                    + text.substring(start) + "' in " + text);
        }
    }

    private boolean lookingAt(String word) {
        int end = at + word.length();
        return text.startsWith(word, at) && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)));
    }

    boolean keyword(String word) {
        skipSpace();
        if (lookingAt(word)) {
            at += word.length();
            return true;
        }
        return false;
    }

    void expect(char c) {
        skipSpace();
        if (!consume(c)) {
            throw new IllegalArgumentException("expected '" + c + "' at '" + rest() + "' in " + text);
        }
    }

    boolean consume(char c) {
        skipSpace();
        if (peek(c)) {
            at++;
            return true;
        }
        return false;
    }

    boolean peek(char c) {
        return at < text.length() && text.charAt(at) == c;
    }

    void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    boolean atEnd() {
        return at >= text.length();
    }

    String rest() {
        return text.substring(Math.min(at, text.length()));
    }
}
