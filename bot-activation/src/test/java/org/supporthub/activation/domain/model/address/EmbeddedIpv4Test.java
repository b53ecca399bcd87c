package org.supporthub.activation.domain.model.address;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supporthub.activation.domain.model.address.FakeResolver.ip;

/** Which IPv4 addresses an IPv6 address carries: the forms in which the hub's own address could hide. */
class EmbeddedIpv4Test {

    @ParameterizedTest(name = "{0} carries {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ::ffff:45.67.89.10              | 45.67.89.10
            ::45.67.89.10                   | 45.67.89.10
            64:ff9b::2d43:590a              | 45.67.89.10
            2002:2d43:590a::                | 45.67.89.10
            2002:2d43:590a:ffff:1:2:3:4     | 45.67.89.10
            64:ff9b:1:2d43:59:a00::         | 45.67.89.10
            64:ff9b:1:ff2d:0043:590a::      | 45.67.89.10
            64:ff9b:1:ffff:2d:4359:a00:0    | 45.67.89.10
            64:ff9b:1::2d43:590a            | 45.67.89.10
            ::                              |
            ::1                             |
            2a01:4f8::10                    |
            2001::2d43:590a                 |
            45.67.89.10                     |
            """)
    void finds_the_ipv4_address_inside(String address, String carried) {
        InetAddress a = ip(address);
        List<String> found = EmbeddedIpv4.carriedBy(a).stream().map(InetAddress::getHostAddress).toList();
        if (carried == null) {
            assertThat(found).isEmpty();
        } else {
            // A local-use NAT64 address is read at every RFC 6052 position; one of them is the address.
            assertThat(found).contains(carried);
        }
    }
}
