package io.atrium.platform.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atrium.platform.identity.Role;
import org.junit.jupiter.api.Test;

class AdministratorBootstrapTest extends UserDirectoryFixture {

    @Test
    void shouldCreateTheAdministratorWithTheConfiguredPassword() {
        var bootstrap = new AdministratorBootstrap(directory, "a-long-configured-secret");

        assertThat(bootstrap.createIfMissing()).isTrue();

        var admin = directory.findByUsername("admin").orElseThrow();
        assertThat(admin.roles()).containsExactly(Role.ADMIN);
        assertThat(encoder.matches("a-long-configured-secret", admin.passwordHash())).isTrue();
    }

    @Test
    void shouldGenerateARandomPasswordWhenNoneIsConfigured() {
        var first = new AdministratorBootstrap(directory, "");
        assertThat(first.createIfMissing()).isTrue();
        String hash = directory.findByUsername("admin").orElseThrow().passwordHash();

        // no guessable default: neither an empty nor a well-known password signs in
        for (String guess : new String[] {"", "admin", "password", "atrium", "changeme"}) {
            assertThat(encoder.matches(guess, hash)).as(guess).isFalse();
        }
    }

    @Test
    void shouldDoNothingWhenAnAdministratorExists() {
        new AdministratorBootstrap(directory, "a-long-configured-secret").createIfMissing();

        boolean createdAgain = new AdministratorBootstrap(directory, "another-long-secret").createIfMissing();

        assertThat(createdAgain).isFalse();
        assertThat(directory.count()).isEqualTo(1);
        var admin = directory.findByUsername("admin").orElseThrow();
        assertThat(encoder.matches("a-long-configured-secret", admin.passwordHash())).isTrue();
    }

    @Test
    void shouldRefuseAShortConfiguredPassword() {
        var bootstrap = new AdministratorBootstrap(directory, "short");

        assertThatThrownBy(bootstrap::createIfMissing).hasMessageContaining("at least 12");
        assertThat(directory.count()).isZero();
    }
}
