package io.atrium.runtime.process.block;

import io.atrium.platform.access.Actor;
import io.atrium.platform.identity.Role;
import io.atrium.platform.process.ProcessRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One job of a building block: where it runs, its settings and the variables it sees.
 *
 * @param key       the engine's job key; effects are keyed by it
 * @param process   the process it belongs to, when it is one of the platform's
 * @param headers   the task's headers (fixed settings)
 * @param variables the variables in the task's scope, input mappings included
 */
public record BlockJob(long key, Optional<ProcessRef> process, long instanceKey, String elementId,
        Map<String, String> headers, Map<String, Object> variables) {

    /**
     * Who the block acts as: the process itself, holding every permission (an analyst published
     * it), named so the audit trail says which process did what.
     */
    public Actor actor() {
        return new Actor(process.map(p -> "process:" + p).orElse("process"), Set.of(Role.ADMIN), Set.of());
    }

    /**
     * A setting: the task header when the task has one (a fixed value drawn on the task wins over a
     * process variable of the same name), else the variable, which an input mapping sets.
     */
    public Optional<Object> value(String name) {
        String header = headers.get(name);
        if (header != null && !header.isBlank()) {
            return Optional.of(header.strip());
        }
        return Optional.ofNullable(variables.get(name));
    }

    /** A setting as text. */
    public Optional<String> text(String name) {
        return value(name).map(String::valueOf).map(String::strip).filter(s -> !s.isEmpty());
    }

    /** A setting that must be given. */
    public String requiredText(String name) {
        return text(name).orElseThrow(() -> new BlockFailure("The setting " + name + " is empty"));
    }

    /** A setting that must be a map (a FEEL context). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String name) {
        Object value = value(name).orElse(Map.of());
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new BlockFailure("The setting " + name + " must be a context like {field: value}, not " + value);
    }

    /** A setting that is a list: a FEEL list, text separated by commas (as a header holds it), or one value. */
    public List<Object> list(String name) {
        Object value = value(name).orElse(List.of());
        if (value instanceof List<?> list) {
            return java.util.Collections.unmodifiableList(new java.util.ArrayList<>(list));
        }
        if (value instanceof String text) {
            return java.util.Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .map(s -> (Object) s).toList();
        }
        return List.of(value);
    }

    /** Where the block puts its result: the setting {@code resultVariable}, else the default. */
    public String resultVariable(String fallback) {
        return text("resultVariable").orElse(fallback);
    }
}
