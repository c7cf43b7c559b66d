package io.atrium.runtime.process.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.atrium.platform.access.Actor;
import io.atrium.platform.identity.Role;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaskVisibilityTest {

    private static final Actor ANN = new Actor("ann", Set.of(Role.OPERATOR), Set.of("sales"));
    private static final Actor BOB = new Actor("bob", Set.of(Role.OPERATOR), Set.of("support"));
    private static final Actor ADMIN = new Actor("chief", Set.of(Role.ADMIN), Set.of());
    private static final Actor PORTAL = new Actor("client", Set.of(Role.PORTAL_USER), Set.of("sales"));

    @Test
    void shouldShowAnAssignedTaskOnlyToItsAssigneeAndAdministrators() {
        var task = task("ann", List.of("support"), List.of("bob"));
        assertThat(TaskInbox.sees(ANN, task)).isTrue();
        assertThat(TaskInbox.sees(BOB, task)).as("a candidate, but the task is taken").isFalse();
        assertThat(TaskInbox.sees(ADMIN, task)).isTrue();
    }

    @Test
    void shouldShowAnUnassignedTaskToItsCandidateUsersAndGroups() {
        var task = task(null, List.of("sales"), List.of("bob"));
        assertThat(TaskInbox.sees(ANN, task)).as("in the group").isTrue();
        assertThat(TaskInbox.sees(BOB, task)).as("named").isTrue();
        assertThat(TaskInbox.sees(new Actor("eve", Set.of(Role.OPERATOR), Set.of("support")), task)).isFalse();
    }

    @Test
    void shouldShowATaskWithoutCandidatesToEveryStaffMemberButNotToPortalUsers() {
        var task = task(null, List.of(), List.of());
        assertThat(TaskInbox.sees(ANN, task)).isTrue();
        assertThat(TaskInbox.sees(BOB, task)).isTrue();
        assertThat(TaskInbox.sees(PORTAL, task)).isFalse();
        assertThat(TaskInbox.sees(PORTAL, task(null, List.of("sales"), List.of()))).as("even in the group").isFalse();
    }

    @Test
    void shouldKeepAnApprovalGivenBackWithItsApprover() {
        // an approver's task names them as its candidate too, so giving it back hides it from everyone else
        var returned = new ProcessTask("7-ann", 1, null, 0, "Approve", "Approve", null, List.of(), List.of("ann"),
                null, null, 50, null, null, Map.of(), new ProcessTask.Approval(7, "Offer", ApprovalRule.ANY),
                ProcessTask.State.OPEN, Instant.now(), null, null);
        assertThat(TaskInbox.sees(ANN, returned)).isTrue();
        assertThat(TaskInbox.sees(BOB, returned)).isFalse();
        assertThat(returned.jobKey()).isEqualTo(7);
    }

    private static ProcessTask task(String assignee, List<String> groups, List<String> users) {
        return new ProcessTask("42", 1, null, 0, "Review", "Review", assignee, groups, users, null, null, 50, null,
                null, Map.of(), null, ProcessTask.State.OPEN, Instant.now(), null, null);
    }
}
