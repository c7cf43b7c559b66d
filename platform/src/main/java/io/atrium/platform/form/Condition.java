package io.atrium.platform.form;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.atrium.platform.identity.Role;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * When an element is shown or read-only: a test on the values on the form and on the viewer's
 * roles. Values are compared in their stored form; a field holding a list matches when one of
 * its values does.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "op")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Condition.Equals.class, name = "eq"),
        @JsonSubTypes.Type(value = Condition.In.class, name = "in"),
        @JsonSubTypes.Type(value = Condition.Empty.class, name = "empty"),
        @JsonSubTypes.Type(value = Condition.Compare.class, name = "compare"),
        @JsonSubTypes.Type(value = Condition.HasRole.class, name = "role"),
        @JsonSubTypes.Type(value = Condition.All.class, name = "all"),
        @JsonSubTypes.Type(value = Condition.Any.class, name = "any"),
        @JsonSubTypes.Type(value = Condition.Not.class, name = "not")})
public sealed interface Condition {

    boolean test(Map<String, ?> values, Set<Role> roles);

    /** The fields the condition reads. */
    List<String> fields();

    /** The field holds the value (or, for a list, contains it). */
    record Equals(String field, Object value) implements Condition {
        @Override
        public boolean test(Map<String, ?> values, Set<Role> roles) {
            return holds(values.get(field), value);
        }

        @Override
        public List<String> fields() {
            return List.of(field);
        }
    }

    /** The field holds one of the values. */
    record In(String field, List<Object> values) implements Condition {
        public In {
            values = values == null ? List.of() : List.copyOf(values);
        }

        @Override
        public boolean test(Map<String, ?> current, Set<Role> roles) {
            return values.stream().anyMatch(v -> holds(current.get(field), v));
        }

        @Override
        public List<String> fields() {
            return List.of(field);
        }
    }

    /** The field has no value (an empty text or list counts as none). */
    record Empty(String field) implements Condition {
        @Override
        public boolean test(Map<String, ?> values, Set<Role> roles) {
            Object value = values.get(field);
            return value == null || value instanceof String s && s.isBlank()
                    || value instanceof java.util.Collection<?> c && c.isEmpty();
        }

        @Override
        public List<String> fields() {
            return List.of(field);
        }
    }

    /**
     * The field holds a number on the given side of the value (or, for a list, one such number). A
     * field with no value, or a value that is not a number, does not hold, as in FEEL.
     */
    record Compare(String field, Comparison comparison, BigDecimal value) implements Condition {
        public Compare {
            Objects.requireNonNull(comparison, "comparison");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public boolean test(Map<String, ?> values, Set<Role> roles) {
            return compares(values.get(field));
        }

        private boolean compares(Object actual) {
            if (actual instanceof java.util.Collection<?> list) {
                return list.stream().anyMatch(this::compares);
            }
            if (!(actual instanceof Number) && !(actual instanceof String)) {
                return false;
            }
            try {
                return comparison.holds(new BigDecimal(actual.toString()).compareTo(value));
            } catch (NumberFormatException notANumber) {
                return false;
            }
        }

        @Override
        public List<String> fields() {
            return List.of(field);
        }
    }

    /** How a {@link Compare} orders the field's number against the value. */
    enum Comparison {
        LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">=");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as FEEL writes it, e.g. {@code <=}. */
        public String symbol() {
            return symbol;
        }

        boolean holds(int order) {
            return switch (this) {
                case LESS -> order < 0;
                case LESS_OR_EQUAL -> order <= 0;
                case GREATER -> order > 0;
                case GREATER_OR_EQUAL -> order >= 0;
            };
        }
    }

    /** The viewer has one of the roles. */
    record HasRole(Set<Role> roles) implements Condition {
        public HasRole {
            roles = Set.copyOf(roles);
        }

        @Override
        public boolean test(Map<String, ?> values, Set<Role> viewer) {
            return viewer.stream().anyMatch(roles::contains);
        }

        @Override
        public List<String> fields() {
            return List.of();
        }
    }

    record All(List<Condition> all) implements Condition {
        public All {
            all = List.copyOf(all);
        }

        @Override
        public boolean test(Map<String, ?> values, Set<Role> roles) {
            return all.stream().allMatch(c -> c.test(values, roles));
        }

        @Override
        public List<String> fields() {
            return all.stream().flatMap(c -> c.fields().stream()).toList();
        }
    }

    record Any(List<Condition> any) implements Condition {
        public Any {
            any = List.copyOf(any);
        }

        @Override
        public boolean test(Map<String, ?> values, Set<Role> roles) {
            return any.stream().anyMatch(c -> c.test(values, roles));
        }

        @Override
        public List<String> fields() {
            return any.stream().flatMap(c -> c.fields().stream()).toList();
        }
    }

    record Not(Condition not) implements Condition {
        @Override
        public boolean test(Map<String, ?> values, Set<Role> roles) {
            return !not.test(values, roles);
        }

        @Override
        public List<String> fields() {
            return not.fields();
        }
    }

    /** Whether a stored value is (or, as a list, contains) the expected one; numbers by value. */
    private static boolean holds(Object actual, Object expected) {
        if (actual instanceof java.util.Collection<?> list) {
            return list.stream().anyMatch(a -> holds(a, expected));
        }
        if (actual instanceof Number a && expected instanceof Number e) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(e.toString())) == 0;
        }
        if (actual instanceof Number a && expected instanceof String e) {
            try {
                return new BigDecimal(a.toString()).compareTo(new BigDecimal(e)) == 0;
            } catch (NumberFormatException notANumber) {
                return false;
            }
        }
        return Objects.equals(actual, expected) || actual != null && expected != null
                && actual.toString().equals(expected.toString());
    }
}
