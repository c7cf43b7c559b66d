package io.atrium.runtime.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class AtriumPropertiesTest {

    private static AtriumProperties.EmbeddedMongodb mongodb(String username, String password) {
        return new AtriumProperties.EmbeddedMongodb("127.0.0.1", 0, true, DataSize.ofMegabytes(16), username, password);
    }

    private static AtriumProperties.EmbeddedZeebe zeebe(String username, String password) {
        return new AtriumProperties.EmbeddedZeebe("127.0.0.1", 0, true, Duration.ofSeconds(30),
                DataSize.ofMegabytes(64), DataSize.ofMegabytes(128), username, password);
    }

    @Test
    void shouldRefuseHalfAPairOfEngineCredentials() {
        assertThatThrownBy(() -> mongodb("ops", null))
                .hasMessageContaining("atrium.embedded.mongodb.username and atrium.embedded.mongodb.password");
        assertThatThrownBy(() -> zeebe(null, "a-long-enough-password"))
                .hasMessageContaining("atrium.embedded.zeebe.username and atrium.embedded.zeebe.password");
    }

    @Test
    void shouldRefuseShortPasswordsAndAColonInTheGatewayUser() {
        assertThatThrownBy(() -> mongodb("ops", "short")).hasMessageContaining("at least 12");
        assertThatThrownBy(() -> zeebe("ops:x", "a-long-enough-password")).hasMessageContaining("':'");
    }

    @Test
    void shouldAcceptBothOrNeither() {
        assertThatCode(() -> mongodb(null, null)).doesNotThrowAnyException();
        assertThatCode(() -> zeebe("ops", "a-long-enough-password")).doesNotThrowAnyException();
    }
}
