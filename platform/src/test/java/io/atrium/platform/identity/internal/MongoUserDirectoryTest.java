package io.atrium.platform.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
