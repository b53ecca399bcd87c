package org.supporthub.activation.domain.model.address;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The ports activation may connect to: 443 alone by default, more only when listed. */
class AllowedPortsTest {

    @Test
    void the_default_is_443_alone() {
        assertThat(AllowedPorts.HTTPS_ONLY.allows(443)).isTrue();
        assertThat(AllowedPorts.HTTPS_ONLY.httpsOnly()).isTrue();
        for (int port : new int[] {1, 22, 80, 442, 444, 8080, 8181, 8443, 65535}) {
            assertThat(AllowedPorts.HTTPS_ONLY.allows(port)).as("port " + port).isFalse();
        }
    }

    @Test
    void lists_and_ranges_allow_exactly_what_they_name() {
        AllowedPorts ports = AllowedPorts.parse(" 443, 8443 ,9000-9002,,");

        assertThat(ports.allows(443)).isTrue();
        assertThat(ports.allows(8443)).isTrue();
        assertThat(ports.allows(9000)).isTrue();
        assertThat(ports.allows(9002)).isTrue();
        assertThat(ports.allows(8999)).isFalse();
        assertThat(ports.allows(9003)).isFalse();
        assertThat(ports.allows(80)).isFalse();
        assertThat(ports.httpsOnly()).isFalse();
        assertThat(AllowedPorts.parse("443").httpsOnly()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " , ", "0", "65536", "https", "-1", "443-80", "1-2-3", "0x1bb", "+443", "44 3",
            "\u0664\u0664\u0663", "123456"})
    void anything_else_is_refused(String list) {
        assertThatIllegalArgumentException().isThrownBy(() -> AllowedPorts.parse(list));
    }
}
