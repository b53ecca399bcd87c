package org.supporthub.activation.domain.model.address;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written IP literal readers: the WHATWG IPv4 parser, strict dotted quads, and IPv6 text. */
class IpLiteralTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.1            | 127.0.0.1
            127.1                | 127.0.0.1
            127.0.1              | 127.0.0.1
            2130706433           | 127.0.0.1
            0x7f000001           | 127.0.0.1
            0X7F000001           | 127.0.0.1
            0x7f.0.0.1           | 127.0.0.1
            0x7f.1               | 127.0.0.1
            0177.0.0.1           | 127.0.0.1
            0177.1               | 127.0.0.1
            017700000001         | 127.0.0.1
            127.000.000.001      | 127.0.0.1
            0x000000007f.1       | 127.0.0.1
            127.0.0.1.           | 127.0.0.1
            10.0.258             | 10.0.1.2
            10.65538             | 10.1.0.2
            192.168.257          | 192.168.1.1
            0                    | 0.0.0.0
            0x                   | 0.0.0.0
            00                   | 0.0.0.0
            0x.0x.0x.0x1         | 0.0.0.1
            4294967295           | 255.255.255.255
            0xffffffff           | 255.255.255.255
            037777777777         | 255.255.255.255
            1.2.65535            | 1.2.255.255
            1.16777215           | 1.255.255.255
            """)
    void reads_every_spelling_browsers_accept(String host, String dotted) {
        assertThat(IpLiteral.parseIpv4(host)).hasValueSatisfying(
                bytes -> assertThat(IpLiteral.formatIpv4(bytes)).isEqualTo(dotted));
    }

    @ParameterizedTest(name = "{0} is no IPv4 address")
    @ValueSource(strings = {"4294967296", "0x100000000", "256.0.0.1", "1.256.0.1", "1.2.3.256", "1.2.65536",
            "1.16777216", "1.2.3.4.5", "08.0.0.1", "09", "0xg", "0xg.1", "1..1", ".1", "1.2.3.4..", "",
            "example.com", "1.2.3.a", "\u0661.2.3.4", "1.2.3.\uff14"})
    void refuses_what_is_not_a_number(String host) {
        assertThat(IpLiteral.parseIpv4(host)).isEmpty();
    }

    @ParameterizedTest(name = "{0} ends in a number: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.1            | true
            127.0.0.1.           | true
            example.123          | true
            example.0x1f         | true
            example.0x           | true
            1.2.3.4.5            | true
            example.com          | false
            example.0xg          | false
            example.1a           | false
            123.example          | false
            0x7f.example         | false
            .                    | false
            """)
    void knows_which_hosts_must_be_ipv4(String host, boolean endsInNumber) {
        assertThat(IpLiteral.endsInNumber(host)).isEqualTo(endsInNumber);
    }

    @ParameterizedTest(name = "{0} is ambiguous: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            192.0.2.1            | false
            0.0.0.0              | false
            010.0.0.1            | true
            1.02.3.4             | true
            8.8.8.08             | true
            08.0.0.1             | true
            00.0.0.0             | true
            1.2.3.0004           | true
            127.1                | true
            10.0.258             | true
            0x7f.0.0.1           | true
            0X7F.0.0.1           | true
            0177.0.0.1           | true
            2130706433           | true
            0x7f000001           | true
            0                    | true
            0x                   | true
            256.0.0.1            | false
            1.2.3.4.5            | false
            4294967296           | false
            example.123          | false
            """)
    void refuses_every_spelling_but_plain_dotted_decimal(String host, boolean ambiguous) {
        assertThat(IpLiteral.isAmbiguousIpv4(host)).isEqualTo(ambiguous);
    }

    @ParameterizedTest(name = "{0} is a plain dotted quad: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0.0.0.0              | true
            192.0.2.1            | true
            255.255.255.255      | true
            010.0.0.0            | false
            0x7f.0.0.1           | false
            127.1                | false
            256.0.0.0            | false
            1.2.3.4.             | false
            1.2.3.-4             | false
            1.2.3.0004           | false
            """)
    void dotted_quads_are_strict(String text, boolean valid) {
        assertThat(IpLiteral.parseDottedQuad(text).isPresent()).isEqualTo(valid);
    }

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ::                                      | ::
            ::1                                     | ::1
            0:0:0:0:0:0:0:1                         | ::1
            1::                                     | 1::
            1:0:0:0:0:0:0:0                         | 1::
            2001:DB8::0001                          | 2001:db8::1
            2001:db8:0:0:1:0:0:1                    | 2001:db8::1:0:0:1
            2001:db8:0:1:1:1:1:1                    | 2001:db8:0:1:1:1:1:1
            2001:0:0:1::1                           | 2001:0:0:1::1
            1:2:3:4:5:6:7::                         | 1:2:3:4:5:6:7:0
            ::ffff:127.0.0.1                        | ::ffff:127.0.0.1
            ::ffff:7f00:1                           | ::ffff:127.0.0.1
            64:ff9b::8.8.8.8                        | 64:ff9b::808:808
            ::127.0.0.1                             | ::7f00:1
            fe80::1:2:3:4                           | fe80::1:2:3:4
            """)
    void reads_and_writes_ipv6(String text, String canonical) {
        assertThat(IpLiteral.parseIpv6(text.toLowerCase(Locale.ROOT))).hasValueSatisfying(
                bytes -> assertThat(IpLiteral.formatIpv6(bytes)).isEqualTo(canonical));
    }

    @ParameterizedTest(name = "{0} is no IPv6 address")
    @ValueSource(strings = {"", ":", ":::", ":::1", "1:::", "1::2::3", "::1:", ":1::", "12345::", "g::1",
            "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::8", "::ffff:127.1", "::ffff:127.0.0.01",
            "::1.2.3.4:1", "1.2.3.4::", "127.0.0.1", "fe80::1%eth0", "::\u0661"})
    void refuses_malformed_ipv6(String text) {
        assertThat(IpLiteral.parseIpv6(text)).isEmpty();
    }

    @Test
    void sixteen_bytes_stay_ipv6_even_when_mapped() {
        byte[] mapped = IpLiteral.parseIpv6("::ffff:10.0.0.1").orElseThrow();

        assertThat(IpLiteral.toInetAddress(mapped)).isInstanceOf(Inet6Address.class);
        assertThat(IpLiteral.unmapped(IpLiteral.toInetAddress(mapped)))
                .isInstanceOf(Inet4Address.class)
                .isEqualTo(FakeResolver.ip("10.0.0.1"));
        assertThat(IpLiteral.unmapped(FakeResolver.ip("2001:db8::1"))).isEqualTo(FakeResolver.ip("2001:db8::1"));
    }
}
