package io.atrium.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AccountNamesTest {

    @Test
    void shouldNormalizeAValidUsername() {
        assertThat(AccountNames.username("  Maria.Lee@Branch_1 ")).isEqualTo("maria.lee@branch_1");
        assertThat(AccountNames.username("a".repeat(64))).hasSize(64);
    }

    @Test
    void shouldRefuseUnsafeUsernames() {
        for (String bad : new String[] {"", "   ", "ann\u0000", "ann\nroot", "<script>", "../admin", "a/b", ".hidden",
                "-dash", "two words", "a".repeat(65), "ann\"", "имя"}) {
            assertThatThrownBy(() -> AccountNames.username(bad)).as(bad)
                    .isInstanceOf(InvalidAccountException.class);
            assertThat(AccountNames.isUsername(bad)).as(bad).isFalse();
        }
    }

    @Test
    void shouldCapDisplayAndGroupNames() {
        assertThat(AccountNames.displayName("  Maria Lee ")).isEqualTo("Maria Lee");
        assertThat(AccountNames.displayName(" ")).isNull();
        assertThatThrownBy(() -> AccountNames.displayName("x".repeat(201))).hasMessageContaining("200");
        assertThatThrownBy(() -> AccountNames.displayName("Maria\nLee")).hasMessageContaining("Control characters");
        assertThatThrownBy(() -> AccountNames.groupName("g".repeat(101))).hasMessageContaining("100");
    }
}
