package io.atrium.runtime.process.block;

import java.util.Map;
import java.util.Set;

/**
 * A no-code step an analyst puts in a process: a service task whose job type is {@link #type()},
 * handled by a thin worker that calls a platform service. Its settings arrive as task headers
 * (fixed values) or input mappings (FEEL), both read through {@link BlockJob#text(String)} and
 * friends.
 *
 * <p>Each effect is keyed by the job key, so a job delivered twice has one effect.
 */
public interface BuildingBlock {

    /** The job type, e.g. {@code atrium:create-item}. */
    String type();

    /** Settings that must be given, as a task header or an input mapping; checked on publish. */
    Set<String> requiredFields();

    /**
     * Does the work.
     *
     * @return the variables the job completes with
     * @throws BlockFailure with a message a person can act on, raising an incident once retries are spent
     */
    Map<String, Object> run(BlockJob job);

    /**
     * Whether the block keys its effect by the job key itself (e.g. an item whose id is made of the
     * key), so the worker need not record what each job did.
     */
    default boolean idempotentByItself() {
        return false;
    }
}
