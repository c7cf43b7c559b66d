package io.atrium.platform.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atrium.platform.identity.InvalidAccountException;
import io.atrium.platform.identity.Role;
import io.atrium.platform.identity.UserDirectory.UsernameTakenException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MongoUserDirectoryTest extends UserDirectoryFixture {

    @Test
    void shouldStoreAHashNeverThePassword() {
        directory.create("ann", "Ann Lee", "correct horse battery", Set.of(Role.OPERATOR));

        var stored = mongo.database().getCollection(MongoUserDirectory.COLLECTION).find().first();
        assertThat(stored.toJson()).doesNotContain("correct horse battery");
        var account = directory.findByUsername("ann").orElseThrow();
        assertThat(account.passwordHash()).startsWith("{bcrypt}");
        assertThat(encoder.matches("correct horse battery", account.passwordHash())).isTrue();
        assertThat(account.toString()).doesNotContain(account.passwordHash());
    }

    @Test
    void shouldFindUsersCaseInsensitively() {
        directory.create("  Ann ", "Ann", "correct horse battery", Set.of(Role.OPERATOR));

        assertThat(directory.findByUsername("ANN")).map(a -> a.username()).contains("ann");
        assertThat(directory.findByUsername("bob")).isEmpty();
        assertThat(directory.findByUsername("")).isEmpty();
    }

    @Test
    void shouldRefuseADuplicateUsername() {
        directory.create("ann", "Ann", "correct horse battery", Set.of(Role.OPERATOR));

        assertThatThrownBy(() -> directory.create("ANN", "Other Ann", "another password", Set.of(Role.ADMIN)))
                .isInstanceOf(UsernameTakenException.class)
                .hasMessageContaining("ann");
        assertThat(directory.count()).isEqualTo(1);
        assertThat(directory.anyWithRole(Role.ADMIN)).isFalse();
    }

    @Test
    void shouldTellWhetherAnyoneHoldsARole() {
        assertThat(directory.anyWithRole(Role.SUPERVISOR)).isFalse();

        directory.create("sam", "Sam", "correct horse battery", Set.of(Role.SUPERVISOR, Role.OPERATOR));

        assertThat(directory.anyWithRole(Role.SUPERVISOR)).isTrue();
        assertThat(directory.anyWithRole(Role.OPERATOR)).isTrue();
        assertThat(directory.anyWithRole(Role.ADMIN)).isFalse();
    }

    @Test
    void shouldRefuseABadUsernameOrPasswordWithoutStoringAnything() {
        for (String bad : new String[] {"ann\u0000", "ann\nroot", "<b>ann</b>", "../admin", "a".repeat(65)}) {
            assertThatThrownBy(() -> directory.create(bad, "Ann", "correct horse battery", Set.of(Role.OPERATOR)))
                    .as(bad).isInstanceOfSatisfying(InvalidAccountException.class,
                            e -> assertThat(e.field()).isEqualTo("username"));
        }
        assertThatThrownBy(() -> directory.create("ann", "Ann", "password2024", Set.of(Role.OPERATOR)))
                .isInstanceOfSatisfying(InvalidAccountException.class, e -> assertThat(e.code()).isEqualTo("common"));
        assertThatThrownBy(() -> directory.create("ann", "x".repeat(201), "correct horse battery", Set.of()))
                .isInstanceOfSatisfying(InvalidAccountException.class,
                        e -> assertThat(e.field()).isEqualTo("displayName"));

        assertThat(directory.count()).isZero();
    }

    @Test
    void shouldChangeTheSecurityStampWhenRolesTheFlagOrThePasswordChange() {
        String first = directory.create("ann", "Ann", "correct horse battery", Set.of(Role.OPERATOR)).securityStamp();
        assertThat(first).isNotBlank();

        String same = directory.update("ann", "Ann Lee", Set.of(Role.OPERATOR), Set.of("support"), true)
                .securityStamp();
        assertThat(same).as("display name, groups and unchanged values keep the sessions").isEqualTo(first);

        String afterRoles = directory.update("ann", null, Set.of(Role.SUPERVISOR), null, null).securityStamp();
        String afterDisable = directory.update("ann", null, null, null, false).securityStamp();
        directory.changePassword("ann", "another horse battery");
        String afterPassword = directory.findByUsername("ann").orElseThrow().securityStamp();

        assertThat(java.util.List.of(first, afterRoles, afterDisable, afterPassword)).doesNotHaveDuplicates();
    }

    @Test
    void shouldApplyThePasswordPolicyToAPasswordChange() {
        directory.create("ann", "Ann", "correct horse battery", Set.of(Role.OPERATOR));
        String stamp = directory.findByUsername("ann").orElseThrow().securityStamp();

        assertThatThrownBy(() -> directory.changePassword("ann", "123456789012")).isInstanceOf(
                InvalidAccountException.class);

        var account = directory.findByUsername("ann").orElseThrow();
        assertThat(encoder.matches("correct horse battery", account.passwordHash())).isTrue();
        assertThat(account.securityStamp()).isEqualTo(stamp);
    }
}
