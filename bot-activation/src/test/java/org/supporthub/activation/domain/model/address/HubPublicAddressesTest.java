package org.supporthub.activation.domain.model.address;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.supporthub.activation.domain.model.address.FakeResolver.ip;

/** The hub's configured public addresses: names and literals, read as strictly as portal addresses. */
class HubPublicAddressesTest {

    @Test
    void names_and_literals_are_told_apart() {
        HubPublicAddresses hub = HubPublicAddresses.parse(
                " Hub.Vendor.Example., 45.67.89.10 , 2a01:4f8::30, [2a01:4f8::31], ::ffff:45.67.89.12,");

        assertThat(hub.names()).containsExactly("hub.vendor.example");
        assertThat(hub.addresses()).containsExactlyInAnyOrder(ip("45.67.89.10"), ip("2a01:4f8::30"),
                ip("2a01:4f8::31"), ip("45.67.89.12"));
    }

    @Test
    void nothing_configured_is_none() {
        assertThat(HubPublicAddresses.parse(null)).isEqualTo(HubPublicAddresses.NONE);
        assertThat(HubPublicAddresses.parse("  ")).isEqualTo(HubPublicAddresses.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"010.0.0.1", "127.1", "https://hub.example", "hub.example/x", "hub.example:8443",
            "hub.example:443", "user@hub.example", "hub_example", "[fe80::1%eth0]", "2130706433"})
    void anything_but_a_bare_host_stops_the_hub(String entry) {
        assertThatIllegalArgumentException().isThrownBy(() -> HubPublicAddresses.parse("hub.example, " + entry));
    }
}
