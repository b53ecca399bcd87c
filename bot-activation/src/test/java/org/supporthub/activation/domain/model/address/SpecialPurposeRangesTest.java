package org.supporthub.activation.domain.model.address;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supporthub.activation.domain.model.address.FakeResolver.ip;

/**
 * The range table, line by line: every block claims an address inside it and lets go of the addresses
 * just outside it, and the blocks this hub must know are there.
 */
class SpecialPurposeRangesTest {

    static List<AddressRange> entries() {
        return SpecialPurposeRanges.entries();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void every_block_claims_an_address_inside_it(AddressRange range) {
        if (range.carriesIpv4()) {
            // Such a block is never the answer itself; its first and last addresses carry 0.0.0.0 and
            // 255.255.255.255 and are judged as those.
            assertThat(SpecialPurposeRanges.classify(range.first())).isEqualTo(SpecialPurposeRanges.classify(ip("0.0.0.0")));
            assertThat(SpecialPurposeRanges.classify(range.last()))
                    .isEqualTo(SpecialPurposeRanges.classify(ip("255.255.255.255")));
            return;
        }
        List<InetAddress> inside = List.of(range.first(), range.last());
        assertThat(inside).as("an address of %s classified as %s", range.cidr(), range.reason())
                .anySatisfy(address -> assertThat(SpecialPurposeRanges.classify(address)).containsSame(range));
        assertThat(inside).allSatisfy(address -> assertThat(range.contains(address)).isTrue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void every_block_lets_go_of_the_addresses_just_outside_it(AddressRange range) {
        List<InetAddress> outside = new ArrayList<>();
        step(range.first(), -1).ifPresent(outside::add);
        step(range.last(), +1).ifPresent(outside::add);

        assertThat(outside).as("%s has a neighbour", range.cidr()).isNotEmpty();
        assertThat(outside).allSatisfy(address -> {
            assertThat(range.contains(address)).as("%s in %s", address, range.cidr()).isFalse();
            assertThat(SpecialPurposeRanges.classify(address).filter(range::equals)).isEmpty();
        });
    }

    @ParameterizedTest(name = "{0} is in the table")
    @ValueSource(strings = {"0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
            "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15",
            "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4", "255.255.255.255/32",
            "::/128", "::1/128", "::ffff:0:0/96", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/23",
            "2001::/32", "2001:db8::/32", "2002::/16", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8",
            "3fff::/20", "5f00::/16"})
    void the_required_blocks_are_there(String cidr) {
        assertThat(SpecialPurposeRanges.entries()).extracting(AddressRange::cidr).contains(cidr);
    }

    @Test
    void each_block_appears_once_with_a_detail_code_as_reason() {
        assertThat(SpecialPurposeRanges.entries()).extracting(AddressRange::cidr).doesNotHaveDuplicates();
        assertThat(SpecialPurposeRanges.entries()).extracting(AddressRange::reason)
                .allSatisfy(reason -> assertThat(reason).matches("[A-Z][A-Z0-9_]*"));
    }

    @ParameterizedTest(name = "{0} is public")
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.216.34", "100.63.255.255", "100.128.0.0",
            "172.15.255.255", "172.32.0.0", "192.0.1.255", "192.0.3.0", "192.167.255.255", "192.169.0.0",
            "198.17.255.255", "198.20.0.0", "223.255.255.255", "2606:4700:4700::1111", "2a00:1450:4001:80b::200e",
            "2001:200::1", "2001:db7:ffff:ffff:ffff:ffff:ffff:ffff", "3fff:1000::1", "2000::1",
            "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1"})
    void public_addresses_are_in_no_block(String address) {
        assertThat(SpecialPurposeRanges.classify(ip(address))).isEmpty();
    }

    @ParameterizedTest(name = "{0} carries {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ::ffff:127.0.0.1        | LOOPBACK
            ::ffff:10.1.2.3         | PRIVATE
            ::ffff:169.254.169.254  | LINK_LOCAL
            ::ffff:100.64.0.1       | CGNAT
            ::ffff:0.0.0.0          | UNSPECIFIED
            64:ff9b::127.0.0.1      | LOOPBACK
            64:ff9b::192.168.0.1    | PRIVATE
            64:ff9b::224.0.0.1      | MULTICAST
            2002:7f00:1::           | LOOPBACK
            2002:a00:1:1::1         | PRIVATE
            2002:a9fe:a9fe::        | LINK_LOCAL
            2002:ffff:ffff::        | BROADCAST
            """)
    void blocks_carrying_ipv4_are_as_local_as_what_they_carry(String address, String reason) {
        assertThat(SpecialPurposeRanges.classify(ip(address))).map(AddressRange::reason).contains(reason);
    }

    @Test
    void the_most_specific_block_decides() {
        assertThat(SpecialPurposeRanges.classify(ip("2001::1"))).map(AddressRange::reason).contains("TEREDO");
        assertThat(SpecialPurposeRanges.classify(ip("2001:1::1"))).map(AddressRange::reason)
                .contains("IETF_PROTOCOL_ASSIGNMENT");
        assertThat(SpecialPurposeRanges.classify(ip("0.0.0.0"))).map(AddressRange::reason).contains("UNSPECIFIED");
        assertThat(SpecialPurposeRanges.classify(ip("0.0.0.1"))).map(AddressRange::reason).contains("THIS_NETWORK");
        assertThat(SpecialPurposeRanges.classify(ip("::"))).map(AddressRange::reason).contains("UNSPECIFIED");
        assertThat(SpecialPurposeRanges.classify(ip("::2"))).map(AddressRange::reason).contains("RESERVED");
        assertThat(SpecialPurposeRanges.classify(ip("64:ff9b:1::1"))).map(AddressRange::reason).contains("NAT64_LOCAL");
    }

    /** The address {@code delta} after (or before) this one, unless that leaves the address space. */
    private static Optional<InetAddress> step(InetAddress address, int delta) {
        byte[] bytes = address.getAddress();
        BigInteger next = new BigInteger(1, bytes).add(BigInteger.valueOf(delta));
        if (next.signum() < 0 || next.bitLength() > bytes.length * 8) {
            return Optional.empty();
        }
        byte[] raw = next.toByteArray();
        byte[] out = new byte[bytes.length];
        int copy = Math.min(raw.length, out.length);
        System.arraycopy(raw, raw.length - copy, out, out.length - copy, copy);
        return Optional.of(IpLiteral.toInetAddress(out));
    }

    @Test
    void stepping_stays_in_the_address_space() {
        assertThat(step(ip("0.0.0.0"), -1)).isEmpty();
        assertThat(step(ip("255.255.255.255"), 1)).isEmpty();
        assertThat(step(ip("9.255.255.255"), 1)).contains(ip("10.0.0.0"));
        assertThat(step(ip("fc00::"), -1).map(InetAddress::getAddress).map(Arrays::toString))
                .contains(Arrays.toString(ip("fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff").getAddress()));
    }
}
