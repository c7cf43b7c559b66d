package io.atrium.runtime.process.task;

import java.util.Locale;
import java.util.Optional;

/** How the votes of an approval's approvers decide it. */
public enum ApprovalRule {
    /** Approved at the first approval; rejected when every approver rejected. */
    ANY,
    /** Approved when every approver approved; rejected at the first rejection. */
    ALL,
    /** Approved when more than half approved; rejected when at least half rejected. */
    MAJORITY;

    /**
     * The outcome once the votes decide it.
     *
     * @param voters     how many votes the approval asks for
     * @param approvals  approvals so far
     * @param rejections rejections so far
     * @return true for approved, false for rejected, empty while undecided
     */
    public Optional<Boolean> decide(int voters, int approvals, int rejections) {
        if (voters < 1 || approvals < 0 || rejections < 0 || approvals + rejections > voters) {
            throw new IllegalArgumentException("Votes " + approvals + "+" + rejections + " of " + voters + " voters");
        }
        return switch (this) {
            case ANY -> approvals > 0 ? Optional.of(true) : rejections == voters ? Optional.of(false) : Optional.empty();
            case ALL -> rejections > 0 ? Optional.of(false) : approvals == voters ? Optional.of(true) : Optional.empty();
            case MAJORITY -> 2 * approvals > voters ? Optional.of(true)
                    : 2 * rejections >= voters ? Optional.of(false) : Optional.empty();
        };
    }

    /**
     * The rule a setting names: {@code any}, {@code all} or {@code majority}, any case; blank is {@link #ANY}.
     *
     * @throws IllegalArgumentException naming the three rules
     */
    public static ApprovalRule parse(String text) {
        if (text == null || text.isBlank()) {
            return ANY;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The approval rule is all, any or majority, not " + text.strip());
        }
    }
}
