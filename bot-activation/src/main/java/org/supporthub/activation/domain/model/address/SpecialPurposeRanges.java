package org.supporthub.activation.domain.model.address;

import java.net.InetAddress;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The addresses a portal's public site can not be at: the IANA IPv4 and IPv6 Special-Purpose Address
 * Registries, multicast, and the IPv6 space outside global unicast, written out as one table.
 *
 * <p>Why a table and not {@link InetAddress#isLoopbackAddress()}, {@code isSiteLocalAddress()} and
 * friends: those know neither CGNAT, nor benchmarking, nor unique-local IPv6, nor NAT64, and what they do
 * know is not written down anywhere one can review. Here every block is a line, with its reason, and a test
 * walks every line.
 *
 * <p>The most specific block that contains an address decides ({@code 2001::/32} Teredo inside
 * {@code 2001::/23}). Blocks that carry an IPv4 address (IPv4-mapped, NAT64 {@code 64:ff9b::/96}, 6to4)
 * pass the decision on to that IPv4 address: {@code ::ffff:127.0.0.1} is loopback, {@code 64:ff9b::808:808}
 * (8.8.8.8 through NAT64) is public.
 */
public final class SpecialPurposeRanges {

    public static final String UNSPECIFIED = "UNSPECIFIED";
    public static final String THIS_NETWORK = "THIS_NETWORK";
    public static final String LOOPBACK = "LOOPBACK";
    public static final String PRIVATE = "PRIVATE";
    public static final String CGNAT = "CGNAT";
    public static final String LINK_LOCAL = "LINK_LOCAL";
    public static final String IETF_PROTOCOL_ASSIGNMENT = "IETF_PROTOCOL_ASSIGNMENT";
    public static final String DOCUMENTATION = "DOCUMENTATION";
    public static final String BENCHMARKING = "BENCHMARKING";
    public static final String AS112 = "AS112";
    public static final String AMT = "AMT";
    public static final String DEPRECATED_6TO4_RELAY = "DEPRECATED_6TO4_RELAY";
    public static final String MULTICAST = "MULTICAST";
    public static final String RESERVED = "RESERVED";
    public static final String BROADCAST = "BROADCAST";
    public static final String IPV4_MAPPED = "IPV4_MAPPED";
    public static final String NAT64 = "NAT64";
    public static final String NAT64_LOCAL = "NAT64_LOCAL";
    public static final String SIX_TO_FOUR = "SIX_TO_FOUR";
    public static final String DISCARD = "DISCARD";
    public static final String TEREDO = "TEREDO";
    public static final String SRV6_SID = "SRV6_SID";
    public static final String UNIQUE_LOCAL = "UNIQUE_LOCAL";
    public static final String SITE_LOCAL = "SITE_LOCAL";

    private static final List<AddressRange> ENTRIES = List.of(
            // IPv4: IANA IPv4 Special-Purpose Address Registry (RFC 6890 and later), plus multicast.
            new AddressRange("0.0.0.0/8", THIS_NETWORK),                 // RFC 791; Linux connects 0.x to itself
            new AddressRange("0.0.0.0/32", UNSPECIFIED),                 // RFC 1122 "this host"
            new AddressRange("10.0.0.0/8", PRIVATE),                     // RFC 1918
            new AddressRange("100.64.0.0/10", CGNAT),                    // RFC 6598 shared address space
            new AddressRange("127.0.0.0/8", LOOPBACK),                   // RFC 1122
            new AddressRange("169.254.0.0/16", LINK_LOCAL),              // RFC 3927; cloud metadata lives here
            new AddressRange("172.16.0.0/12", PRIVATE),                  // RFC 1918
            new AddressRange("192.0.0.0/24", IETF_PROTOCOL_ASSIGNMENT),  // RFC 6890 (DS-Lite, PCP, TURN anycast...)
            new AddressRange("192.0.2.0/24", DOCUMENTATION),             // RFC 5737 TEST-NET-1
            new AddressRange("192.31.196.0/24", AS112),                  // RFC 7535 AS112-v4
            new AddressRange("192.52.193.0/24", AMT),                    // RFC 7450 AMT relay anycast
            new AddressRange("192.88.99.0/24", DEPRECATED_6TO4_RELAY),   // RFC 7526
            new AddressRange("192.168.0.0/16", PRIVATE),                 // RFC 1918
            new AddressRange("192.175.48.0/24", AS112),                  // RFC 7534 direct delegation AS112
            new AddressRange("198.18.0.0/15", BENCHMARKING),             // RFC 2544
            new AddressRange("198.51.100.0/24", DOCUMENTATION),          // RFC 5737 TEST-NET-2
            new AddressRange("203.0.113.0/24", DOCUMENTATION),           // RFC 5737 TEST-NET-3
            new AddressRange("224.0.0.0/4", MULTICAST),                  // RFC 5771
            new AddressRange("240.0.0.0/4", RESERVED),                   // RFC 1112 class E
            new AddressRange("255.255.255.255/32", BROADCAST),           // RFC 919 limited broadcast

            // IPv6: IANA IPv6 Special-Purpose Address Registry, multicast, deprecated site-local.
            new AddressRange("::/128", UNSPECIFIED),                     // RFC 4291
            new AddressRange("::1/128", LOOPBACK),                       // RFC 4291
            AddressRange.embeddingIpv4("::ffff:0:0/96", IPV4_MAPPED, 12), // RFC 4291: judged by its IPv4
            AddressRange.embeddingIpv4("64:ff9b::/96", NAT64, 12),       // RFC 6052: judged by its IPv4
            new AddressRange("64:ff9b:1::/48", NAT64_LOCAL),             // RFC 8215 local-use translation
            new AddressRange("100::/64", DISCARD),                       // RFC 6666 discard-only
            new AddressRange("2001::/23", IETF_PROTOCOL_ASSIGNMENT),     // RFC 2928 (PCP, AMT, ORCHID, ...)
            new AddressRange("2001::/32", TEREDO),                       // RFC 4380: tunnels to hidden IPv4 hosts
            new AddressRange("2001:db8::/32", DOCUMENTATION),            // RFC 3849
            AddressRange.embeddingIpv4("2002::/16", SIX_TO_FOUR, 2),     // RFC 3056: judged by its IPv4
            new AddressRange("2620:4f:8000::/48", AS112),                // RFC 7534 direct delegation AS112
            new AddressRange("3fff::/20", DOCUMENTATION),                // RFC 9637
            new AddressRange("5f00::/16", SRV6_SID),                     // RFC 9602 SRv6 SIDs
            new AddressRange("fc00::/7", UNIQUE_LOCAL),                  // RFC 4193
            new AddressRange("fe80::/10", LINK_LOCAL),                   // RFC 4291
            new AddressRange("fec0::/10", SITE_LOCAL),                   // RFC 3879, deprecated but still routed inside
            new AddressRange("ff00::/8", MULTICAST),                     // RFC 4291

            // IPv6 outside global unicast 2000::/3 (IANA IPv6 Address Space): nothing public lives there.
            // This also covers the deprecated IPv4-compatible ::a.b.c.d and the dummy prefix 100:0:0:1::/64.
            new AddressRange("::/3", RESERVED),
            new AddressRange("4000::/2", RESERVED),
            new AddressRange("8000::/1", RESERVED));

    /** The same entries, most specific first: the order in which they are tried. */
    private static final List<AddressRange> BY_SPECIFICITY = ENTRIES.stream()
            .sorted(Comparator.comparingInt(AddressRange::prefixLength).reversed())
            .toList();

    private SpecialPurposeRanges() {
    }

    /** Every block of the table, in the order written. */
    public static List<AddressRange> entries() {
        return ENTRIES;
    }

    /**
     * The non-public block an address is in, or empty when it is a public address. For an address inside a
     * block that carries an IPv4 address, the answer is the IPv4 address's block (so
     * {@code ::ffff:10.0.0.1} answers {@code 10.0.0.0/8 PRIVATE}).
     */
    public static Optional<AddressRange> classify(InetAddress address) {
        Optional<AddressRange> block = mostSpecific(BY_SPECIFICITY, address);
        if (block.isPresent() && block.get().carriesIpv4()) {
            return block.get().embeddedIpv4(address).flatMap(SpecialPurposeRanges::classify);
        }
        return block;
    }

    /** The longest-prefix block among {@code ranges} (sorted most specific first) containing the address. */
    static Optional<AddressRange> mostSpecific(List<AddressRange> ranges, InetAddress address) {
        return ranges.stream().filter(range -> range.contains(address)).findFirst();
    }
}
