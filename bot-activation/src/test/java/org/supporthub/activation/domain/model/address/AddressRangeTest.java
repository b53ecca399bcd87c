package org.supporthub.activation.domain.model.address;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.supporthub.activation.domain.model.address.FakeResolver.ip;

/** One CIDR block: what it contains, and which blocks are refused as written. */
class AddressRangeTest {

    @Test
    void contains_up_to_its_boundaries() {
        AddressRange range = new AddressRange("172.16.0.0/12", "PRIVATE");

        assertThat(range.contains(ip("172.16.0.0"))).isTrue();
        assertThat(range.contains(ip("172.31.255.255"))).isTrue();
        assertThat(range.contains(ip("172.15.255.255"))).isFalse();
        assertThat(range.contains(ip("172.32.0.0"))).isFalse();
        assertThat(range.prefixLength()).isEqualTo(12);
        assertThat(range).hasToString("172.16.0.0/12 (PRIVATE)");
    }

    @Test
    void contains_ipv6_on_odd_prefixes() {
        AddressRange range = new AddressRange("fe80::/10", "LINK_LOCAL");

        assertThat(range.contains(ip("fe80::"))).isTrue();
        assertThat(range.contains(ip("febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff"))).isTrue();
        assertThat(range.contains(ip("fec0::"))).isFalse();
        assertThat(range.contains(ip("fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff"))).isFalse();
    }

    @Test
    void families_never_mix() {
        assertThat(new AddressRange("0.0.0.0/0", "ANY").contains(ip("::"))).isFalse();
        assertThat(new AddressRange("::/0", "ANY").contains(ip("0.0.0.0"))).isFalse();
        assertThat(new AddressRange("0.0.0.0/0", "ANY").contains(ip("203.0.113.7"))).isTrue();
    }

    @Test
    void first_and_last_address() {
        AddressRange range = new AddressRange("198.18.0.0/15", "BENCHMARKING");

        assertThat(range.first()).isEqualTo(ip("198.18.0.0"));
        assertThat(range.last()).isEqualTo(ip("198.19.255.255"));
        assertThat(new AddressRange("2001:db8::/32", "DOCUMENTATION").last())
                .isEqualTo(ip("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0", "10.0.0.1/8", "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/8 ",
            "10.0.0.0/0x8", "010.0.0.0/8", "10.0/8", "x/8", "/8", "::/129", "fe80::1/10", "fe80::%1/10",
            "[::1]/128", "10.0.0.0/0008"})
    void a_block_that_is_not_one_is_refused(String cidr) {
        assertThatIllegalArgumentException().isThrownBy(() -> new AddressRange(cidr, "X"));
    }

    @Test
    void only_ipv6_blocks_carry_ipv4() {
        assertThatIllegalArgumentException().isThrownBy(() -> AddressRange.embeddingIpv4("10.0.0.0/8", "X", 0));
        assertThatIllegalArgumentException().isThrownBy(() -> AddressRange.embeddingIpv4("2002::/16", "X", 13));
        assertThat(AddressRange.embeddingIpv4("2002::/16", "SIX_TO_FOUR", 2).carriesIpv4()).isTrue();
        assertThat(new AddressRange("2002::/16", "X").carriesIpv4()).isFalse();
    }
}
