package io.atrium.platform.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordPolicyTest {

    private final PasswordPolicy policy = PasswordPolicy.standard();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "'            '|blank",
        "short-one|too-short",
        "aaaaaaaaaaaa|trivial",
        "abababababab|trivial",
        "abcabcabcabc|trivial",
        "121212121212|trivial",
        "123456789012|sequence",
        "abcdefghijkl|sequence",
        "qwertyuiopas|sequence",
        "lkjhgfdsapoi|sequence",
        "zyxwvutsrqpo|sequence",
        "Password2024!|common",
        "p@ssw0rd12345|common",
        "Welcome123456|common",
        "Qwerty123456|common",
        "iloveyou!!!!2|common",
        "passwordpassword|common",
        "changeme2025!|common",
        "пароль123456|common",
    })
    void shouldRefuseWeakPasswords(String password, String code) {
        assertThatThrownBy(() -> policy.check("maria", password))
                .isInstanceOfSatisfying(InvalidAccountException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(code);
                    org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo("password");
                });
    }

    @Test
    void shouldRefuseAPasswordThatContainsTheUsername() {
        assertThatThrownBy(() -> policy.check("admin", "integration-admin-secret"))
                .hasMessageContaining("username");
        assertThatThrownBy(() -> policy.check("Maria", "my-MARIA-is-great-7")).hasMessageContaining("username");
    }

    @Test
    void shouldRefuseAPasswordLongerThanBcryptReads() {
        assertThatThrownBy(() -> policy.check("maria", "Ъ".repeat(20) + "x-y-z-1-2-3-long-enough".repeat(2)))
                .hasMessageContaining("72 bytes");
    }

    @Test
    void shouldAcceptLongUnusualPasswords() {
        for (String good : new String[] {"correct horse battery", "integration-test-secret", "operator-secret-1",
                "Tr0ub4dour&3-staple", "синий-трамвай-42", "a-long-configured-secret", "xK9#mQ2$vL7!"}) {
            assertThatCode(() -> policy.check("maria", good)).as(good).doesNotThrowAnyException();
        }
    }
}
