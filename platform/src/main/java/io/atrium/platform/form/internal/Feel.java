package io.atrium.platform.form.internal;

import io.atrium.platform.form.Condition;
import io.atrium.platform.form.Condition.Comparison;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Conditions as FEEL expressions, the language form-js writes its conditions in. Only the
 * subset conditions need is read and written: a boolean variable ({@code flag}), comparisons of a
 * variable with a literal ({@code =}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=},
 * {@code in [...]}, {@code = null}), {@code and}, {@code or}, {@code not(...)} and parentheses.
 * Anything else is refused with the reason.
 *
 * <p>FEEL has a third truth value: {@code amount > 5} is null, not false, while {@code amount} is
 * null, and form-js acts only on true. A condition read from FEEL holds exactly when the
 * expression is true, and the FEEL written for a condition is true exactly when it holds, so
 * {@code not(...)} is pushed inside where a null could pass through it.
 */
public final class Feel {

    private Feel() {
    }

    /** FEEL for the condition, without the leading {@code =}: true exactly when the condition holds. */
    public static String write(Condition condition) {
        return switch (condition) {
            case Condition.Equals e -> e.field() + " = " + literal(e.value());
            case Condition.In in -> in.field() + " in [" + in.values().stream().map(Feel::literal)
                    .collect(Collectors.joining(", ")) + "]";
            case Condition.Empty e -> e.field() + " = null";
            case Condition.Compare c -> c.field() + " " + c.comparison().symbol() + " " + c.value().toPlainString();
            case Condition.Not(Condition.Empty e) -> e.field() + " != null";
            case Condition.Not(Condition.Equals e) -> e.field() + " != " + literal(e.value());
            case Condition.Not n when twoValued(n.not()) -> "not(" + write(n.not()) + ")";
            case Condition.Not n -> write(negated(n.not()));
            case Condition.All all -> all.all().stream().map(c -> "(" + write(c) + ")")
                    .collect(Collectors.joining(" and "));
            case Condition.Any any -> any.any().stream().map(c -> "(" + write(c) + ")")
                    .collect(Collectors.joining(" or "));
            case Condition.HasRole r -> throw new IllegalArgumentException(
                    "conditions on the viewer's role have no FEEL equivalent in form-js");
        };
    }

    /** FEEL that is true exactly when the condition does not hold, as form-js {@code hide} wants. */
    public static String writeNegated(Condition condition) {
        return twoValued(condition) ? "not(" + write(condition) + ")" : write(negated(condition));
    }

    /**
     * Reads a FEEL expression (with or without the leading {@code =}) as the condition that holds
     * exactly when the expression is true.
     *
     * @throws IllegalArgumentException with what was not understood
     */
    public static Condition read(String expression) {
        String text = expression.strip();
        if (text.startsWith("=")) {
            text = text.substring(1);
        }
        var parser = new FeelParser(text);
        var result = parser.or();
        parser.skipSpace();
        if (!parser.atEnd()) {
            throw new IllegalArgumentException("unexpected '" + parser.rest() + "' in " + expression.strip());
        }
        return result.whenTrue();
    }

    /**
     * The condition that holds when this one does not, said the shortest way: {@code not} over a
     * comparison that a FEEL null could pass through is folded back into the comparison.
     */
    public static Condition not(Condition condition) {
        return switch (condition) {
            case Condition.Not n -> n.not();
            case Condition.Any(var parts) when parts.size() == 2 && foldable(parts) != null -> foldable(parts);
            case Condition.Any(var parts) when parts.stream().anyMatch(p -> !twoValued(p)) ->
                    all(parts.stream().map(Feel::not).toList());
            case Condition.All(var parts) when parts.stream().anyMatch(p -> !twoValued(p)) ->
                    any(parts.stream().map(Feel::not).toList());
            default -> new Condition.Not(condition);
        };
    }

    /** {@code field = null or field <= v} is the negation of {@code field > v}. */
    private static Condition foldable(List<Condition> parts) {
        for (int i = 0; i < 2; i++) {
            if (parts.get(i) instanceof Condition.Empty(var field)
                    && parts.get(1 - i) instanceof Condition.Compare c && c.field().equals(field)) {
                return new Condition.Compare(field, flip(c.comparison()), c.value());
            }
        }
        return null;
    }

    /** Whether FEEL written for the condition is never null, so that {@code not(...)} is safe around it. */
    static boolean twoValued(Condition condition) {
        return switch (condition) {
            case Condition.Compare c -> false;
            case Condition.Not n -> twoValued(n.not());
            case Condition.All all -> all.all().stream().allMatch(Feel::twoValued);
            case Condition.Any any -> any.any().stream().allMatch(Feel::twoValued);
            default -> true;
        };
    }

    /** The negation with {@code not} pushed down to the comparisons, in Atrium's two-valued logic. */
    private static Condition negated(Condition condition) {
        return switch (condition) {
            case Condition.Compare c -> new Condition.Any(List.of(new Condition.Empty(c.field()),
                    new Condition.Compare(c.field(), flip(c.comparison()), c.value())));
            case Condition.Not n -> n.not();
            case Condition.All all -> any(all.all().stream().map(Feel::negated).toList());
            case Condition.Any any -> all(any.any().stream().map(Feel::negated).toList());
            default -> new Condition.Not(condition);
        };
    }

    static Comparison flip(Comparison comparison) {
        return switch (comparison) {
            case LESS -> Comparison.GREATER_OR_EQUAL;
            case LESS_OR_EQUAL -> Comparison.GREATER;
            case GREATER -> Comparison.LESS_OR_EQUAL;
            case GREATER_OR_EQUAL -> Comparison.LESS;
        };
    }

    static Condition all(List<Condition> parts) {
        return parts.size() == 1 ? parts.getFirst() : new Condition.All(parts);
    }

    static Condition any(List<Condition> parts) {
        return parts.size() == 1 ? parts.getFirst() : new Condition.Any(parts);
    }

    private static String literal(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
