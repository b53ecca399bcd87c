package org.supporthub.activation.domain.model.address;

import java.net.InetAddress;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The IPv4 addresses an IPv6 address may stand for, because traffic to it ends up there: IPv4-mapped
 * ({@code ::ffff:a.b.c.d}), IPv4-compatible ({@code ::a.b.c.d}, deprecated), 6to4 ({@code 2002:AABB:CCDD::/48}),
 * NAT64 with the well-known prefix ({@code 64:ff9b::a.b.c.d}) and NAT64 with a local-use prefix from
 * {@code 64:ff9b:1::/48}, where the IPv4 address sits where RFC 6052 puts it for the prefix length the
 * network chose (/48, /56, /64 or /96; the hub cannot know which, so all are read).
 *
 * <p>Used to recognise the hub's own addresses in disguise: {@code 64:ff9b::b9c7:6c99} reaches the hub at
 * 185.199.108.153 through any NAT64 gateway.
 */
final class EmbeddedIpv4 {

    private static final AddressRange MAPPED = new AddressRange("::ffff:0:0/96", "MAPPED");
    private static final AddressRange COMPATIBLE = new AddressRange("::/96", "COMPATIBLE");
    private static final AddressRange NAT64 = new AddressRange("64:ff9b::/96", "NAT64");
    private static final AddressRange NAT64_LOCAL = new AddressRange("64:ff9b:1::/48", "NAT64_LOCAL");
    private static final AddressRange SIX_TO_FOUR = new AddressRange("2002::/16", "SIX_TO_FOUR");

    /** RFC 6052 section 2.2: the byte positions of the IPv4 address for prefixes of 48, 56, 64 and 96 bits (byte 8 is the "u" octet). */
    private static final int[][] RFC6052_LAYOUTS = {{6, 7, 9, 10}, {7, 9, 10, 11}, {9, 10, 11, 12}, {12, 13, 14, 15}};

    private EmbeddedIpv4() {
    }

    /** Every IPv4 address the address may carry; empty for an IPv4 address or an IPv6 address carrying none. */
    static Set<InetAddress> carriedBy(InetAddress address) {
        Set<InetAddress> carried = new LinkedHashSet<>();
        byte[] b = address.getAddress();
        if (b.length != IpLiteral.IPV6_BYTES) {
            return carried;
        }
        if (MAPPED.contains(address) || NAT64.contains(address)
                || COMPATIBLE.contains(address) && !allZeroBefore(b, 15) /* neither :: nor ::1 */) {
            carried.add(ipv4(b, 12, 13, 14, 15));
        }
        if (SIX_TO_FOUR.contains(address)) {
            carried.add(ipv4(b, 2, 3, 4, 5));
        }
        if (NAT64_LOCAL.contains(address)) {
            for (int[] at : RFC6052_LAYOUTS) {
                carried.add(ipv4(b, at[0], at[1], at[2], at[3]));
            }
        }
        return carried;
    }

    private static boolean allZeroBefore(byte[] b, int end) {
        for (int i = 0; i < end; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress ipv4(byte[] b, int i, int j, int k, int l) {
        return IpLiteral.toInetAddress(new byte[] {b[i], b[j], b[k], b[l]});
    }
}
