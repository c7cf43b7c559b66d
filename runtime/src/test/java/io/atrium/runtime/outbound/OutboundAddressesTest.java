package io.atrium.runtime.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundAddressesTest {

    private final OutboundAddresses none = new OutboundAddresses(List.of());

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/", "http://localhost:8080/x", "http://10.1.2.3/", "http://172.16.0.1/",
            "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://[fd00::1]/",
            "http://[fe80::1]/", "http://0.0.0.0/", "http://100.64.0.1/", "http://[::ffff:127.0.0.1]/",
            "http://224.0.0.1/"})
    void shouldRefuseInternalAddresses(String url) {
        assertThatThrownBy(() -> none.resolve(URI.create(url))).isInstanceOf(OutboundRefusedException.class)
                .hasMessageContaining("atrium.outbound.allowed-hosts");
    }

    @Test
    void shouldLetPublicAddressesThrough() {
        assertThat(none.resolve(URI.create("https://93.184.216.34/api"))).hasSize(1);
        assertThat(none.resolve(URI.create("http://[2606:4700::1111]/"))).hasSize(1);
    }

    @Test
    void shouldRefuseOtherSchemesAndMissingHosts() {
        assertThatThrownBy(() -> none.resolve(URI.create("ftp://93.184.216.34/"))).hasMessageContaining("http");
        assertThatThrownBy(() -> none.resolve(URI.create("file:///etc/passwd"))).hasMessageContaining("http");
    }

    @Test
    void shouldLetThroughWhatTheAdministratorAllows() {
        var allowing = new OutboundAddresses(List.of(" 127.0.0.0/8", "localhost", "10.0.0.5", "fd00::/8 "));
        assertThat(allowing.resolve(URI.create("http://127.0.0.2:9000/"))).isNotEmpty();
        assertThat(allowing.resolve(URI.create("http://localhost/"))).isNotEmpty();
        assertThat(allowing.resolve(URI.create("http://10.0.0.5/"))).isNotEmpty();
        assertThat(allowing.resolve(URI.create("http://[fd12::1]/"))).isNotEmpty();
        assertThatThrownBy(() -> allowing.resolve(URI.create("http://10.0.0.6/")))
                .isInstanceOf(OutboundRefusedException.class);
    }

    @Test
    void shouldRefuseAMalformedAllowList() {
        assertThatThrownBy(() -> new OutboundAddresses(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutboundAddresses(List.of("10.0.0.0/x"))).isInstanceOf(IllegalArgumentException.class);
    }
}
