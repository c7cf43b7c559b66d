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

    /** A setting, from the input mappings first, then the headers. */
    public Optional<Object> value(String name) {
        Object variable = variables.get(name);
        if (variable != null) {
            return Optional.of(variable);
        }
        return Optional.ofNullable(headers.get(name)).filter(h -> !h.isBlank()).map(h -> (Object) h.strip());
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

    /** A setting that is a list, or one value taken as a list of one. */
    public List<Object> list(String name) {
        Object value = value(name).orElse(List.of());
        if (value instanceof List<?> list) {
            return java.util.Collections.unmodifiableList(new java.util.ArrayList<>(list));
        }
        return List.of(value);
    }

    /** Where the block puts its result: the setting {@code resultVariable}, else the default. */
    public String resultVariable(String fallback) {
        return text("resultVariable").orElse(fallback);
    }
}
