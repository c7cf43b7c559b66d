package io.atrium.runtime.process.block;

import java.util.Set;

/**
 * A platform job type whose own worker holds the job while people act, and completes it later
 * (an approval waits for its approvers). It is no {@link BuildingBlock}, which finishes at once;
 * the catalog knows it so that publishing accepts service tasks of its type and checks their
 * required settings.
 */
public interface LongRunningBlock {

    /** The job type, e.g. {@code atrium:approval}. */
    String type();

    /** Settings that must be given, as a task header or an input mapping; checked on publish. */
    Set<String> requiredFields();
}
