package io.atrium.runtime.process.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApprovalRuleTest {

    @Test
    void shouldApproveUnderAnyAtTheFirstApprovalAndRejectOnlyWhenAllRejected() {
        assertThat(ApprovalRule.ANY.decide(3, 0, 0)).isEmpty();
        assertThat(ApprovalRule.ANY.decide(3, 1, 0)).contains(true);
        assertThat(ApprovalRule.ANY.decide(3, 0, 2)).isEmpty();
        assertThat(ApprovalRule.ANY.decide(3, 0, 3)).contains(false);
    }

    @Test
    void shouldRejectUnderAllAtTheFirstRejectionAndApproveOnlyWhenAllApproved() {
        assertThat(ApprovalRule.ALL.decide(3, 2, 0)).isEmpty();
        assertThat(ApprovalRule.ALL.decide(3, 3, 0)).contains(true);
        assertThat(ApprovalRule.ALL.decide(3, 2, 1)).contains(false);
        assertThat(ApprovalRule.ALL.decide(3, 0, 1)).contains(false);
    }

    @Test
    void shouldApproveByMoreThanHalfAndRejectByAtLeastHalf() {
        assertThat(ApprovalRule.MAJORITY.decide(3, 1, 1)).isEmpty();
        assertThat(ApprovalRule.MAJORITY.decide(3, 2, 0)).contains(true);
        assertThat(ApprovalRule.MAJORITY.decide(3, 1, 2)).contains(false);
        assertThat(ApprovalRule.MAJORITY.decide(4, 2, 0)).as("half is no majority").isEmpty();
        assertThat(ApprovalRule.MAJORITY.decide(4, 2, 2)).as("half rejecting is").contains(false);
        assertThat(ApprovalRule.MAJORITY.decide(4, 3, 1)).contains(true);
        assertThat(ApprovalRule.MAJORITY.decide(1, 1, 0)).contains(true);
        assertThat(ApprovalRule.MAJORITY.decide(1, 0, 1)).contains(false);
    }

    @Test
    void shouldDecideOneVoterAloneUnderEveryRule() {
        for (ApprovalRule rule : ApprovalRule.values()) {
            assertThat(rule.decide(1, 1, 0)).as(rule.name()).isEqualTo(Optional.of(true));
            assertThat(rule.decide(1, 0, 1)).as(rule.name()).isEqualTo(Optional.of(false));
        }
    }

    @Test
    void shouldReadTheRuleInAnyCaseWithAnyAsTheDefault() {
        assertThat(ApprovalRule.parse(" Majority ")).isEqualTo(ApprovalRule.MAJORITY);
        assertThat(ApprovalRule.parse(null)).isEqualTo(ApprovalRule.ANY);
        assertThat(ApprovalRule.parse("")).isEqualTo(ApprovalRule.ANY);
        assertThatThrownBy(() -> ApprovalRule.parse("most")).hasMessageContaining("all, any or majority, not most");
    }

    @Test
    void shouldRefuseMoreVotesThanVoters() {
        assertThatThrownBy(() -> ApprovalRule.ANY.decide(2, 2, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
