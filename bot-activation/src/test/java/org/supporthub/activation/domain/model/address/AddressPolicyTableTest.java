package org.supporthub.activation.domain.model.address;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.supporthub.activation.domain.model.address.AddressVerdict.Verdict;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supporthub.activation.domain.model.address.FakeResolver.ip;

/**
 * The public-address check, one row per address an administrator might enter (or an attacker might try):
 * the address, the verdict, and the detail code (empty when OK).
 *
 * <p>Names resolve through a fake resolver, so rows never depend on real DNS; hosts not listed in it do not
 * exist. A row that expects {@code DNS_NO_SUCH_HOST} therefore also proves the address was read as a
 * valid name. The hub's own addresses and the allow-list are set up as a development machine would have them.
 */
class AddressPolicyTableTest {

    static final FakeResolver RESOLVER = new FakeResolver()
            .with("portal.example.com", "93.184.216.34")
            .with("www.example.org", "93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946")
            .with("xn--bcher-kva.example", "93.184.216.34")
            .with("mixed.example.com", "93.184.216.34", "10.0.0.5")
            .with("mixed6.example.com", "2606:2800:220:1::1", "fd00::5")
            .with("rebind.example.com", "127.0.0.1")
            .with("metadata.example.com", "169.254.169.254")
            .with("cgnat.example.com", "100.100.100.100")
            .with("mapped.example.com", "::ffff:192.168.0.10")
            .with("nat64.example.com", "64:ff9b::a00:1")
            .with("127.0.0.1.nip.io", "127.0.0.1")
            .with("empty.example.com")
            .with("hub.example.com", "185.199.108.153")
            .with("dev.example.com", "127.77.0.1")
            // The hub's configured public name, and a portal name that points at what it resolves to.
            .with("hub.vendor.example", "45.67.89.11", "2a01:4f8::20")
            .with("alias.example.com", "93.184.216.34", "45.67.89.11")
            .with("alias6.example.com", "2a01:4f8::20")
            // Would be public if anyone asked; nobody may.
            .with("localhost", "93.184.216.34")
            .with("foo.localhost", "93.184.216.34");

    /**
     * Ports: 443 and 8443, and the two ends of the port range so that the parser's rows below show where
     * a port stops being a port at all; any other port is not allowed.
     */
    static final AddressPolicy POLICY = new AddressPolicy(
            RESOLVER,
            Set.of(ip("127.0.0.1"), ip("::1"), ip("127.77.0.1"), ip("185.199.108.153"), ip("2a01:4f8::10"),
                    ip("fe80::1")),
            HubPublicAddresses.parse("hub.vendor.example, 45.67.89.10, [2a01:4f8::30]"),
            Set.of("127.77.0.0/16", "fd77::/16"),
            AllowedPorts.parse("1, 443, 8443, 65535"));

    @ParameterizedTest(name = "[{index}] {0} -> {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # --- nothing, or not https
            ''                                            | INVALID_PUBLIC_ADDRESS  | EMPTY
            '   '                                         | INVALID_PUBLIC_ADDRESS  | EMPTY
            portal.example.com                            | INVALID_PUBLIC_ADDRESS  | NOT_HTTPS
            http://portal.example.com                     | INVALID_PUBLIC_ADDRESS  | NOT_HTTPS
            HTTP://portal.example.com                     | INVALID_PUBLIC_ADDRESS  | NOT_HTTPS
            http://127.0.0.1                              | INVALID_PUBLIC_ADDRESS  | NOT_HTTPS
            ftp://portal.example.com                      | INVALID_PUBLIC_ADDRESS  | NOT_HTTPS
            ws://portal.example.com                       | INVALID_PUBLIC_ADDRESS  | NOT_HTTPS
            wss://portal.example.com                      | INVALID_PUBLIC_ADDRESS  | NOT_HTTPS
            file:///etc/passwd                            | INVALID_PUBLIC_ADDRESS  | NOT_HTTPS
            gopher://127.0.0.1:25/                        | INVALID_PUBLIC_ADDRESS  | NOT_HTTPS
            javascript:alert(1)                           | INVALID_PUBLIC_ADDRESS  | NOT_HTTPS
            //portal.example.com                          | INVALID_PUBLIC_ADDRESS  | NOT_HTTPS
            httpss://portal.example.com                   | INVALID_PUBLIC_ADDRESS  | NOT_HTTPS
            https//portal.example.com                     | INVALID_PUBLIC_ADDRESS  | NOT_HTTPS
            http\u017f://portal.example.com               | INVALID_PUBLIC_ADDRESS  | NOT_HTTPS
            https:portal.example.com                      | INVALID_PUBLIC_ADDRESS  | MALFORMED
            https:/portal.example.com                     | INVALID_PUBLIC_ADDRESS  | MALFORMED
            https:\\\\portal.example.com                  | INVALID_PUBLIC_ADDRESS  | MALFORMED
            https://exa mple.com                          | INVALID_PUBLIC_ADDRESS  | MALFORMED
            https://portal.example.com/a b                | INVALID_PUBLIC_ADDRESS  | MALFORMED
            https://portal.example.com/<script>           | INVALID_PUBLIC_ADDRESS  | MALFORMED
            https://portal.example.com/a^b                | INVALID_PUBLIC_ADDRESS  | MALFORMED
            https://portal.example.com/%zz                | INVALID_PUBLIC_ADDRESS  | MALFORMED
            https://portal.example.com/a%2                | INVALID_PUBLIC_ADDRESS  | MALFORMED
            https://portal.example.com/#frag{}            | INVALID_PUBLIC_ADDRESS  | MALFORMED
            https://portal.example.com/?q="x"             | INVALID_PUBLIC_ADDRESS  | MALFORMED
            # --- user-info and other ways to disguise the host
            https://user@portal.example.com               | INVALID_PUBLIC_ADDRESS  | USER_INFO
            https://user:secret@portal.example.com        | INVALID_PUBLIC_ADDRESS  | USER_INFO
            https://@portal.example.com                   | INVALID_PUBLIC_ADDRESS  | USER_INFO
            https://evil.com@127.0.0.1                    | INVALID_PUBLIC_ADDRESS  | USER_INFO
            https://portal.example.com@evil.com           | INVALID_PUBLIC_ADDRESS  | USER_INFO
            https://portal.example.com:443@127.0.0.1      | INVALID_PUBLIC_ADDRESS  | USER_INFO
            https://a@b@127.0.0.1                         | INVALID_PUBLIC_ADDRESS  | USER_INFO
            https://127.0.0.1%2f@evil.com                 | INVALID_PUBLIC_ADDRESS  | USER_INFO
            https://evil.com\\@127.0.0.1                  | INVALID_PUBLIC_ADDRESS  | MALFORMED
            https://127.0.0.1\\.evil.com                  | INVALID_PUBLIC_ADDRESS  | MALFORMED
            https://evil.com%40127.0.0.1                  | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://portal.example.com\uff20127.0.0.1     | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://127.0.0.1#@evil.com                   | PUBLIC_ADDRESS_IS_LOCAL | LOOPBACK
            https://127.0.0.1?@evil.com                   | PUBLIC_ADDRESS_IS_LOCAL | LOOPBACK
            https://127.0.0.1/@evil.com                   | PUBLIC_ADDRESS_IS_LOCAL | LOOPBACK
            https://portal.example.com#@127.0.0.1         | OK                      |
            https://portal.example.com/@127.0.0.1         | OK                      |
            # --- no host
            https://                                      | INVALID_PUBLIC_ADDRESS  | EMPTY_HOST
            https:///x                                    | INVALID_PUBLIC_ADDRESS  | EMPTY_HOST
            https:////portal.example.com                  | INVALID_PUBLIC_ADDRESS  | EMPTY_HOST
            https://:443                                  | INVALID_PUBLIC_ADDRESS  | EMPTY_HOST
            https://:443/x                                | INVALID_PUBLIC_ADDRESS  | EMPTY_HOST
            https://?q=1                                  | INVALID_PUBLIC_ADDRESS  | EMPTY_HOST
            https://#top                                  | INVALID_PUBLIC_ADDRESS  | EMPTY_HOST
            https://[]                                    | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            # --- ports
            https://portal.example.com:443                | OK                      |
            https://portal.example.com:8443/x             | OK                      |
            https://portal.example.com:1                  | OK                      |
            https://portal.example.com:65535              | OK                      |
            https://portal.example.com:0                  | INVALID_PUBLIC_ADDRESS  | BAD_PORT
            https://portal.example.com:65536              | INVALID_PUBLIC_ADDRESS  | BAD_PORT
            https://portal.example.com:99999              | INVALID_PUBLIC_ADDRESS  | BAD_PORT
            https://portal.example.com:123456             | INVALID_PUBLIC_ADDRESS  | BAD_PORT
            https://portal.example.com:                   | INVALID_PUBLIC_ADDRESS  | BAD_PORT
            https://portal.example.com:https              | INVALID_PUBLIC_ADDRESS  | BAD_PORT
            https://portal.example.com:+443               | INVALID_PUBLIC_ADDRESS  | BAD_PORT
            https://portal.example.com:-1                 | INVALID_PUBLIC_ADDRESS  | BAD_PORT
            https://portal.example.com:0x1bb              | INVALID_PUBLIC_ADDRESS  | BAD_PORT
            https://portal.example.com:\u0664\u0664\u0663 | INVALID_PUBLIC_ADDRESS  | BAD_PORT
            https://portal.example.com:443:443            | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://[::1]:0                               | INVALID_PUBLIC_ADDRESS  | BAD_PORT
            https://[2606:4700:4700::1111]:65536          | INVALID_PUBLIC_ADDRESS  | BAD_PORT
            # --- ports the hub does not allow: refused before any lookup, so activation scans no ports
            https://portal.example.com:8080               | INVALID_PUBLIC_ADDRESS  | PORT_NOT_ALLOWED
            https://portal.example.com:22/                | INVALID_PUBLIC_ADDRESS  | PORT_NOT_ALLOWED
            https://portal.example.com:80                 | INVALID_PUBLIC_ADDRESS  | PORT_NOT_ALLOWED
            https://8.8.8.8:25                            | INVALID_PUBLIC_ADDRESS  | PORT_NOT_ALLOWED
            https://[2606:4700:4700::1111]:6379           | INVALID_PUBLIC_ADDRESS  | PORT_NOT_ALLOWED
            https://nowhere.example.com:8444              | INVALID_PUBLIC_ADDRESS  | PORT_NOT_ALLOWED
            https://localhost:22                          | INVALID_PUBLIC_ADDRESS  | PORT_NOT_ALLOWED
            https://portal.example.com:0443               | OK                      |
            # --- DNS names
            https://portal.example.com                    | OK                      |
            HTTPS://PORTAL.EXAMPLE.COM                    | OK                      |
            hTtPs://Portal.Example.Com/                   | OK                      |
            https://portal.example.com.                   | OK                      |
            https://portal.example.com./x?y=1             | OK                      |
            https://www.example.org                       | OK                      |
            https://www.example.org:8443/path?q=1#frag    | OK                      |
            https://b\u00fccher.example                   | OK                      |
            https://B\u00dcCHER.example                   | OK                      |
            https://xn--bcher-kva.example                 | OK                      |
            https://portal.example.com..                  | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://.                                     | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://.portal.example.com                   | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://portal..example.com                   | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://por_tal.example.com                   | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://-portal.example.com                   | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://portal-.example.com                   | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://portal.example.com-                   | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://portal!.example.com                   | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://portal.exa%6dple.com                  | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://portal.example.1a                     | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://example.123                           | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://example.0x10                          | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://\uff3f.example                        | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://a\u0378b.example                      | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.example| INVALID_PUBLIC_ADDRESS  | DNS_NO_SUCH_HOST
            https://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.example| INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://nowhere.example.com                   | INVALID_PUBLIC_ADDRESS  | DNS_NO_SUCH_HOST
            https://empty.example.com                     | INVALID_PUBLIC_ADDRESS  | DNS_NO_SUCH_HOST
            https://notlocalhost                          | INVALID_PUBLIC_ADDRESS  | DNS_NO_SUCH_HOST
            https://localhost.example.com                 | INVALID_PUBLIC_ADDRESS  | DNS_NO_SUCH_HOST
            https://0x7f.example.com                      | INVALID_PUBLIC_ADDRESS  | DNS_NO_SUCH_HOST
            # --- localhost names: refused without asking DNS
            https://localhost                             | PUBLIC_ADDRESS_IS_LOCAL | LOOPBACK
            https://LOCALHOST                             | PUBLIC_ADDRESS_IS_LOCAL | LOOPBACK
            https://localhost.                            | PUBLIC_ADDRESS_IS_LOCAL | LOOPBACK
            https://localhost:8443/x                      | PUBLIC_ADDRESS_IS_LOCAL | LOOPBACK
            https://foo.localhost                         | PUBLIC_ADDRESS_IS_LOCAL | LOOPBACK
            https://a.b.LocalHost.                        | PUBLIC_ADDRESS_IS_LOCAL | LOOPBACK
            https://localhost.localdomain                 | PUBLIC_ADDRESS_IS_LOCAL | LOOPBACK
            https://ip6-localhost                         | PUBLIC_ADDRESS_IS_LOCAL | LOOPBACK
            https://IP6-LOOPBACK.                         | PUBLIC_ADDRESS_IS_LOCAL | LOOPBACK
            https://\uff4c\uff4f\uff43\uff41\uff4c\uff48\uff4f\uff53\uff54| PUBLIC_ADDRESS_IS_LOCAL | LOOPBACK
            # --- loopback in every IPv4 spelling
            https://127.0.0.1                             | PUBLIC_ADDRESS_IS_LOCAL | LOOPBACK
            https://127.0.0.1:8443/x                      | PUBLIC_ADDRESS_IS_LOCAL | LOOPBACK
            https://127.0.0.1.                            | PUBLIC_ADDRESS_IS_LOCAL | LOOPBACK
            https://127.1                                 | INVALID_PUBLIC_ADDRESS  | AMBIGUOUS_IPV4
            https://127.0.1                               | INVALID_PUBLIC_ADDRESS  | AMBIGUOUS_IPV4
            https://2130706433                            | INVALID_PUBLIC_ADDRESS  | AMBIGUOUS_IPV4
            https://0x7f000001                            | INVALID_PUBLIC_ADDRESS  | AMBIGUOUS_IPV4
            https://0X7F000001                            | INVALID_PUBLIC_ADDRESS  | AMBIGUOUS_IPV4
            https://0x7f.0.0.1                            | INVALID_PUBLIC_ADDRESS  | AMBIGUOUS_IPV4
            https://0x7f.1                                | INVALID_PUBLIC_ADDRESS  | AMBIGUOUS_IPV4
            https://0177.0.0.1                            | INVALID_PUBLIC_ADDRESS  | AMBIGUOUS_IPV4
            https://0177.1                                | INVALID_PUBLIC_ADDRESS  | AMBIGUOUS_IPV4
            https://017700000001                          | INVALID_PUBLIC_ADDRESS  | AMBIGUOUS_IPV4
            https://0x7f.0x0.0x0.0x1                      | INVALID_PUBLIC_ADDRESS  | AMBIGUOUS_IPV4
            https://0177.0x0.00.1                         | INVALID_PUBLIC_ADDRESS  | AMBIGUOUS_IPV4
            https://127.000.000.001                       | INVALID_PUBLIC_ADDRESS  | AMBIGUOUS_IPV4
            https://0x00007f.0.0.1                        | INVALID_PUBLIC_ADDRESS  | AMBIGUOUS_IPV4
            https://127.255.255.254                       | PUBLIC_ADDRESS_IS_LOCAL | LOOPBACK
            https://\uff11\uff12\uff17.\uff10.\uff10.\uff11| PUBLIC_ADDRESS_IS_LOCAL | LOOPBACK
            https://127\u30020\u30020\u30021              | PUBLIC_ADDRESS_IS_LOCAL | LOOPBACK
            # --- private and other special IPv4, in several spellings
            https://10.0.0.1                              | PUBLIC_ADDRESS_IS_LOCAL | PRIVATE
            https://10.1                                  | INVALID_PUBLIC_ADDRESS  | AMBIGUOUS_IPV4
            https://012.0.0.1                             | INVALID_PUBLIC_ADDRESS  | AMBIGUOUS_IPV4
            https://0xa.0.0.1                             | INVALID_PUBLIC_ADDRESS  | AMBIGUOUS_IPV4
            https://167772161                             | INVALID_PUBLIC_ADDRESS  | AMBIGUOUS_IPV4
            https://0xa000001                             | INVALID_PUBLIC_ADDRESS  | AMBIGUOUS_IPV4
            https://172.16.0.1                            | PUBLIC_ADDRESS_IS_LOCAL | PRIVATE
            https://172.31.255.255                        | PUBLIC_ADDRESS_IS_LOCAL | PRIVATE
            https://0xac.0x10.0.1                         | INVALID_PUBLIC_ADDRESS  | AMBIGUOUS_IPV4
            https://192.168.1.1                           | PUBLIC_ADDRESS_IS_LOCAL | PRIVATE
            https://192.168.257                           | INVALID_PUBLIC_ADDRESS  | AMBIGUOUS_IPV4
            https://3232235777                            | INVALID_PUBLIC_ADDRESS  | AMBIGUOUS_IPV4
            https://0xc0a80101                            | INVALID_PUBLIC_ADDRESS  | AMBIGUOUS_IPV4
            https://0300.0250.1.1                         | INVALID_PUBLIC_ADDRESS  | AMBIGUOUS_IPV4
            https://0                                     | INVALID_PUBLIC_ADDRESS  | AMBIGUOUS_IPV4
            https://0.0.0.0                               | PUBLIC_ADDRESS_IS_LOCAL | UNSPECIFIED
            https://0x0                                   | INVALID_PUBLIC_ADDRESS  | AMBIGUOUS_IPV4
            https://00                                    | INVALID_PUBLIC_ADDRESS  | AMBIGUOUS_IPV4
            https://0.0.0.1                               | PUBLIC_ADDRESS_IS_LOCAL | THIS_NETWORK
            https://0x.0x.0x.0x1                          | INVALID_PUBLIC_ADDRESS  | AMBIGUOUS_IPV4
            https://169.254.169.254                       | PUBLIC_ADDRESS_IS_LOCAL | LINK_LOCAL
            https://2852039166                            | INVALID_PUBLIC_ADDRESS  | AMBIGUOUS_IPV4
            https://0xa9fea9fe                            | INVALID_PUBLIC_ADDRESS  | AMBIGUOUS_IPV4
            https://100.64.0.1                            | PUBLIC_ADDRESS_IS_LOCAL | CGNAT
            https://100.127.255.255                       | PUBLIC_ADDRESS_IS_LOCAL | CGNAT
            https://224.0.0.1                             | PUBLIC_ADDRESS_IS_LOCAL | MULTICAST
            https://239.255.255.250                       | PUBLIC_ADDRESS_IS_LOCAL | MULTICAST
            https://240.0.0.1                             | PUBLIC_ADDRESS_IS_LOCAL | RESERVED
            https://255.255.255.255                       | PUBLIC_ADDRESS_IS_LOCAL | BROADCAST
            https://0xffffffff                            | INVALID_PUBLIC_ADDRESS  | AMBIGUOUS_IPV4
            https://4294967295                            | INVALID_PUBLIC_ADDRESS  | AMBIGUOUS_IPV4
            https://192.0.0.8                             | PUBLIC_ADDRESS_IS_LOCAL | IETF_PROTOCOL_ASSIGNMENT
            https://192.0.2.1                             | PUBLIC_ADDRESS_IS_LOCAL | DOCUMENTATION
            https://198.51.100.7                          | PUBLIC_ADDRESS_IS_LOCAL | DOCUMENTATION
            https://203.0.113.9                           | PUBLIC_ADDRESS_IS_LOCAL | DOCUMENTATION
            https://198.18.0.1                            | PUBLIC_ADDRESS_IS_LOCAL | BENCHMARKING
            https://198.19.255.255                        | PUBLIC_ADDRESS_IS_LOCAL | BENCHMARKING
            https://192.88.99.1                           | PUBLIC_ADDRESS_IS_LOCAL | DEPRECATED_6TO4_RELAY
            https://192.31.196.1                          | PUBLIC_ADDRESS_IS_LOCAL | AS112
            https://192.52.193.1                          | PUBLIC_ADDRESS_IS_LOCAL | AMT
            # --- numbers that are no IPv4 address: never looked up as names
            https://4294967296                            | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://0x100000000                           | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://256.0.0.1                             | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://1.2.3.4.5                             | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://1.2.3.256                             | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://1.2.65536                             | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://08.0.0.1                              | INVALID_PUBLIC_ADDRESS  | AMBIGUOUS_IPV4
            https://0xg.1                                 | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://127.0.0.1..                           | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://127..0.1                              | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            # --- IPv4 spelled with leading zeros: octal to some parsers, decimal to others
            https://010.0.0.1                             | INVALID_PUBLIC_ADDRESS  | AMBIGUOUS_IPV4
            https://1.02.3.4                              | INVALID_PUBLIC_ADDRESS  | AMBIGUOUS_IPV4
            https://8.8.8.08                              | INVALID_PUBLIC_ADDRESS  | AMBIGUOUS_IPV4
            https://010.0.0.1:8443/portal                 | INVALID_PUBLIC_ADDRESS  | AMBIGUOUS_IPV4
            https://010.0.0.1./                           | INVALID_PUBLIC_ADDRESS  | AMBIGUOUS_IPV4
            https://00.0.0.0                              | INVALID_PUBLIC_ADDRESS  | AMBIGUOUS_IPV4
            https://1.2.3.0004                            | INVALID_PUBLIC_ADDRESS  | AMBIGUOUS_IPV4
            https://\uff10\uff11\uff10.0.0.1             | INVALID_PUBLIC_ADDRESS  | AMBIGUOUS_IPV4
            # --- public IPv4
            https://8.8.8.8                               | OK                      |
            https://1.1.1.1:8443/x                        | OK                      |
            https://134744072                             | INVALID_PUBLIC_ADDRESS  | AMBIGUOUS_IPV4
            https://0x8.0x8.0x8.0x8                       | INVALID_PUBLIC_ADDRESS  | AMBIGUOUS_IPV4
            https://1.2.65535                             | INVALID_PUBLIC_ADDRESS  | AMBIGUOUS_IPV4
            https://100.128.0.1                           | OK                      |
            https://172.15.255.255                        | OK                      |
            https://172.32.0.1                            | OK                      |
            https://192.169.0.1                           | OK                      |
            https://198.20.0.1                            | OK                      |
            https://11.0.0.1                              | OK                      |
            # --- IPv6 literals
            https://[::1]                                 | PUBLIC_ADDRESS_IS_LOCAL | LOOPBACK
            https://[::1]:8443                            | PUBLIC_ADDRESS_IS_LOCAL | LOOPBACK
            https://[0:0:0:0:0:0:0:1]                     | PUBLIC_ADDRESS_IS_LOCAL | LOOPBACK
            https://[0000:0000:0000:0000:0000:0000:0000:0001]| PUBLIC_ADDRESS_IS_LOCAL | LOOPBACK
            https://[::]                                  | PUBLIC_ADDRESS_IS_LOCAL | UNSPECIFIED
            https://[::ffff:127.0.0.1]                    | PUBLIC_ADDRESS_IS_LOCAL | LOOPBACK
            https://[::ffff:7f00:1]                       | PUBLIC_ADDRESS_IS_LOCAL | LOOPBACK
            https://[::FFFF:7F00:1]                       | PUBLIC_ADDRESS_IS_LOCAL | LOOPBACK
            https://[0:0:0:0:0:ffff:127.0.0.1]            | PUBLIC_ADDRESS_IS_LOCAL | LOOPBACK
            https://[::ffff:10.0.0.1]                     | PUBLIC_ADDRESS_IS_LOCAL | PRIVATE
            https://[::ffff:a9fe:a9fe]                    | PUBLIC_ADDRESS_IS_LOCAL | LINK_LOCAL
            https://[::ffff:8.8.8.8]                      | OK                      |
            https://[64:ff9b::7f00:1]                     | PUBLIC_ADDRESS_IS_LOCAL | LOOPBACK
            https://[64:ff9b::127.0.0.1]                  | PUBLIC_ADDRESS_IS_LOCAL | LOOPBACK
            https://[64:ff9b::c0a8:101]                   | PUBLIC_ADDRESS_IS_LOCAL | PRIVATE
            https://[64:ff9b::808:808]                    | OK                      |
            https://[64:ff9b:1::808:808]                  | PUBLIC_ADDRESS_IS_LOCAL | NAT64_LOCAL
            https://[fe80::1]                             | PUBLIC_ADDRESS_IS_LOCAL | LINK_LOCAL
            https://[febf:ffff::1]                        | PUBLIC_ADDRESS_IS_LOCAL | LINK_LOCAL
            https://[fec0::1]                             | PUBLIC_ADDRESS_IS_LOCAL | SITE_LOCAL
            https://[fc00::1]                             | PUBLIC_ADDRESS_IS_LOCAL | UNIQUE_LOCAL
            https://[fd12::1]                             | PUBLIC_ADDRESS_IS_LOCAL | UNIQUE_LOCAL
            https://[FD12:3456:789A:1::1]                 | PUBLIC_ADDRESS_IS_LOCAL | UNIQUE_LOCAL
            https://[ff02::1]                             | PUBLIC_ADDRESS_IS_LOCAL | MULTICAST
            https://[ff05::1:3]                           | PUBLIC_ADDRESS_IS_LOCAL | MULTICAST
            https://[2001:db8::1]                         | PUBLIC_ADDRESS_IS_LOCAL | DOCUMENTATION
            https://[3fff::1]                             | PUBLIC_ADDRESS_IS_LOCAL | DOCUMENTATION
            https://[2002:7f00:1::]                       | PUBLIC_ADDRESS_IS_LOCAL | LOOPBACK
            https://[2002:c0a8:101::1]                    | PUBLIC_ADDRESS_IS_LOCAL | PRIVATE
            https://[2002:808:808::1]                     | OK                      |
            https://[2001::1]                             | PUBLIC_ADDRESS_IS_LOCAL | TEREDO
            https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]| PUBLIC_ADDRESS_IS_LOCAL | TEREDO
            https://[2001:2::1]                           | PUBLIC_ADDRESS_IS_LOCAL | IETF_PROTOCOL_ASSIGNMENT
            https://[2001:1ff::1]                         | PUBLIC_ADDRESS_IS_LOCAL | IETF_PROTOCOL_ASSIGNMENT
            https://[100::1]                              | PUBLIC_ADDRESS_IS_LOCAL | DISCARD
            https://[5f00::1]                             | PUBLIC_ADDRESS_IS_LOCAL | SRV6_SID
            https://[::127.0.0.1]                         | PUBLIC_ADDRESS_IS_LOCAL | RESERVED
            https://[::8.8.8.8]                           | PUBLIC_ADDRESS_IS_LOCAL | RESERVED
            https://[4000::1]                             | PUBLIC_ADDRESS_IS_LOCAL | RESERVED
            https://[2001:200::1]                         | OK                      |
            https://[2606:4700:4700::1111]                | OK                      |
            https://[2606:4700:4700::1111]:8443/x         | OK                      |
            https://[2a00:1450:4001:80b::200e]            | OK                      |
            # --- malformed IPv6
            https://[fe80::1%eth0]                        | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://[fe80::1%25eth0]                      | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://::1                                   | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://[::1                                  | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://[::1]x                                | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://[::1]]                                | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://[:::1]                                | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://[1::2::3]                             | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://[12345::]                             | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://[1:2:3:4:5:6:7:8:9]                   | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://[1:2:3:4:5:6:7]                       | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://[1:2:3:4:5:6:7::8]                    | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://[::1:]                                | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://[:1::]                                | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://[::ffff:127.0.0.01]                   | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://[::ffff:127.1]                        | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://[::ffff:0x7f.0.0.1]                   | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://[::1.2.3.4:1]                         | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://[127.0.0.1]                           | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://[v1.fe80::a]                          | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            https://[g::1]                                | INVALID_PUBLIC_ADDRESS  | BAD_HOST
            # --- names, judged by everything they resolve to
            https://mixed.example.com                     | PUBLIC_ADDRESS_IS_LOCAL | PRIVATE
            https://mixed6.example.com                    | PUBLIC_ADDRESS_IS_LOCAL | UNIQUE_LOCAL
            https://rebind.example.com                    | PUBLIC_ADDRESS_IS_LOCAL | LOOPBACK
            https://metadata.example.com                  | PUBLIC_ADDRESS_IS_LOCAL | LINK_LOCAL
            https://cgnat.example.com                     | PUBLIC_ADDRESS_IS_LOCAL | CGNAT
            https://mapped.example.com                    | PUBLIC_ADDRESS_IS_LOCAL | PRIVATE
            https://nat64.example.com                     | PUBLIC_ADDRESS_IS_LOCAL | PRIVATE
            https://127.0.0.1.nip.io                      | PUBLIC_ADDRESS_IS_LOCAL | LOOPBACK
            # --- the hub itself
            https://hub.example.com                       | PUBLIC_ADDRESS_IS_LOCAL | HUB_OWN_ADDRESS
            https://185.199.108.153                       | PUBLIC_ADDRESS_IS_LOCAL | HUB_OWN_ADDRESS
            https://[::ffff:185.199.108.153]              | PUBLIC_ADDRESS_IS_LOCAL | HUB_OWN_ADDRESS
            https://[2a01:4f8::10]                        | PUBLIC_ADDRESS_IS_LOCAL | HUB_OWN_ADDRESS
            # --- the hub's configured public addresses (hub.vendor.example, 45.67.89.10, 2a01:4f8::30) in every form
            https://hub.vendor.example                    | PUBLIC_ADDRESS_IS_LOCAL | HUB_OWN_ADDRESS
            https://HUB.Vendor.Example./x                 | PUBLIC_ADDRESS_IS_LOCAL | HUB_OWN_ADDRESS
            https://alias.example.com                     | PUBLIC_ADDRESS_IS_LOCAL | HUB_OWN_ADDRESS
            https://alias6.example.com                    | PUBLIC_ADDRESS_IS_LOCAL | HUB_OWN_ADDRESS
            https://45.67.89.10                           | PUBLIC_ADDRESS_IS_LOCAL | HUB_OWN_ADDRESS
            https://45.67.89.11:8443                      | PUBLIC_ADDRESS_IS_LOCAL | HUB_OWN_ADDRESS
            https://[2a01:4f8::30]                        | PUBLIC_ADDRESS_IS_LOCAL | HUB_OWN_ADDRESS
            https://[2a01:4f8::20]                        | PUBLIC_ADDRESS_IS_LOCAL | HUB_OWN_ADDRESS
            https://[::ffff:45.67.89.10]                  | PUBLIC_ADDRESS_IS_LOCAL | HUB_OWN_ADDRESS
            https://[::ffff:2d43:590b]                    | PUBLIC_ADDRESS_IS_LOCAL | HUB_OWN_ADDRESS
            https://[64:ff9b::45.67.89.10]                | PUBLIC_ADDRESS_IS_LOCAL | HUB_OWN_ADDRESS
            https://[64:ff9b::2d43:590a]                  | PUBLIC_ADDRESS_IS_LOCAL | HUB_OWN_ADDRESS
            https://[64:ff9b::b9c7:6c99]                  | PUBLIC_ADDRESS_IS_LOCAL | HUB_OWN_ADDRESS
            https://[2002:2d43:590a::1]                   | PUBLIC_ADDRESS_IS_LOCAL | HUB_OWN_ADDRESS
            https://[2002:2d43:590b:1::5]                 | PUBLIC_ADDRESS_IS_LOCAL | HUB_OWN_ADDRESS
            https://[2002:b9c7:6c99::]                    | PUBLIC_ADDRESS_IS_LOCAL | HUB_OWN_ADDRESS
            https://[::45.67.89.10]                       | PUBLIC_ADDRESS_IS_LOCAL | RESERVED
            https://[64:ff9b:1:2d43:59:a00::]             | PUBLIC_ADDRESS_IS_LOCAL | NAT64_LOCAL
            https://45.67.89.12                           | OK                      |
            https://[64:ff9b::2d43:590c]                  | OK                      |
            https://[2002:2d43:590c::1]                   | OK                      |
            https://hub.vendor.example.com                | INVALID_PUBLIC_ADDRESS  | DNS_NO_SUCH_HOST
            # --- allow-listed for tests and development (127.77.0.0/16, fd77::/16)
            https://127.77.0.1:8443                       | OK                      |
            https://127.77.255.254                        | OK                      |
            https://[::ffff:127.77.0.1]                   | OK                      |
            https://[fd77::1]                             | OK                      |
            https://dev.example.com                       | OK                      |
            https://127.78.0.1                            | PUBLIC_ADDRESS_IS_LOCAL | LOOPBACK
            https://[fd78::1]                             | PUBLIC_ADDRESS_IS_LOCAL | UNIQUE_LOCAL
            """)
    void checks(String address, Verdict verdict, String detail) {
        AddressVerdict result = POLICY.check(address);

        assertThat(result.verdict()).as("verdict").isEqualTo(verdict);
        assertThat(result.detail()).as("detail").isEqualTo(detail);
        if (verdict == Verdict.OK) {
            assertThat(result.url()).isNotNull();
            assertThat(result.url().host()).isNotEmpty();
            assertThat(result.addresses()).isNotEmpty();
        } else {
            assertThat(result.addresses()).as("nothing to connect to").isEmpty();
        }
    }
}
