package io.atrium.platform.form.internal;

import io.atrium.platform.form.Condition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Conditions as FEEL expressions, the language form-js writes its conditions in. Only the
 * subset conditions need is read and written: comparisons of a variable with a literal
 * ({@code =}, {@code !=}, {@code in [...]}, {@code = null}), {@code and}, {@code or},
 * {@code not(...)} and parentheses. Anything else is refused with the reason.
 */
public final class Feel {

    private Feel() {
    }

    /** FEEL for the condition, without the leading {@code =}. */
    public static String write(Condition condition) {
        return switch (condition) {
            case Condition.Equals e -> e.field() + " = " + literal(e.value());
            case Condition.In in -> in.field() + " in [" + in.values().stream().map(Feel::literal)
                    .collect(Collectors.joining(", ")) + "]";
            case Condition.Empty e -> e.field() + " = null";
            case Condition.Not(Condition.Empty e) -> e.field() + " != null";
            case Condition.Not(Condition.Equals e) -> e.field() + " != " + literal(e.value());
            case Condition.Not n -> "not(" + write(n.not()) + ")";
            case Condition.All all -> all.all().stream().map(c -> "(" + write(c) + ")")
                    .collect(Collectors.joining(" and "));
            case Condition.Any any -> any.any().stream().map(c -> "(" + write(c) + ")")
                    .collect(Collectors.joining(" or "));
            case Condition.HasRole r -> throw new IllegalArgumentException(
                    "conditions on the viewer's role have no FEEL equivalent in form-js");
        };
    }

    /**
     * Reads a FEEL expression (with or without the leading {@code =}).
     *
     * @throws IllegalArgumentException with what was not understood
     */
    public static Condition read(String expression) {
        String text = expression.strip();
        if (text.startsWith("=")) {
            text = text.substring(1);
        }
        var parser = new Parser(text);
        Condition result = parser.or();
        parser.skipSpace();
        if (!parser.atEnd()) {
            throw new IllegalArgumentException("unexpected '" + parser.rest() + "' in " + expression.strip());
        }
        return result;
    }

    private static String literal(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Recursive descent over the supported subset. */
    private static final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        Condition or() {
            var parts = new ArrayList<Condition>();
            parts.add(and());
            while (keyword("or")) {
                parts.add(and());
            }
            return parts.size() == 1 ? parts.getFirst() : new Condition.Any(parts);
        }

        Condition and() {
            var parts = new ArrayList<Condition>();
            parts.add(unary());
            while (keyword("and")) {
                parts.add(unary());
            }
            return parts.size() == 1 ? parts.getFirst() : new Condition.All(parts);
        }

        Condition unary() {
            skipSpace();
            if (keyword("not")) {
                expect('(');
                Condition inner = or();
                expect(')');
                return new Condition.Not(inner);
            }
            if (peek('(')) {
                at++;
                Condition inner = or();
                expect(')');
                return inner;
            }
            return comparison();
        }

        Condition comparison() {
            String field = name();
            skipSpace();
            if (text.startsWith("!=", at)) {
                at += 2;
                Object value = literalValue();
                return value == null ? new Condition.Not(new Condition.Empty(field))
                        : new Condition.Not(new Condition.Equals(field, value));
            }
            if (peek('=')) {
                at++;
                Object value = literalValue();
                return value == null ? new Condition.Empty(field) : new Condition.Equals(field, value);
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
                return new Condition.In(field, values);
            }
            throw new IllegalArgumentException("expected =, != or in after '" + field + "' in " + text);
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
            return text.substring(start, at);
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

        boolean keyword(String word) {
            skipSpace();
            int end = at + word.length();
            if (text.startsWith(word, at) && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
                at = end;
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
}
