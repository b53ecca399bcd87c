package org.supporthub.activation.domain.model.address;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One block of addresses written as CIDR ({@code 127.0.0.0/8}, {@code fe80::/10}) with the reason it is
 * set apart ({@code LOOPBACK}). The reason is the detail code reported with {@code PUBLIC_ADDRESS_IS_LOCAL}.
 *
 * <p>Some IPv6 blocks only carry an IPv4 address inside them (IPv4-mapped, NAT64, 6to4): such a block is
 * not local in itself, it is judged by the IPv4 address it carries, see {@link #embeddingIpv4}.
 */
public final class AddressRange {

    private final String cidr;
    private final String reason;
    private final byte[] network;
    private final int prefixLength;
    private final int embeddedIpv4Offset;

    /**
     * @param cidr   network address and prefix length; the network address in plain dotted decimal or
     *               IPv6 text, with no host bits set
     * @param reason why the block is not public, as a detail code
     * @throws IllegalArgumentException when the CIDR is not one
     */
    public AddressRange(String cidr, String reason) {
        this(cidr, reason, -1);
    }

    private AddressRange(String cidr, String reason, int embeddedIpv4Offset) {
        this.cidr = Objects.requireNonNull(cidr, "cidr");
        this.reason = Objects.requireNonNull(reason, "reason");
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("Not a CIDR (no prefix length): " + cidr);
        }
        String address = cidr.substring(0, slash);
        Optional<byte[]> bytes = address.indexOf(':') >= 0
                ? IpLiteral.parseIpv6(address.toLowerCase(Locale.ROOT))
                : IpLiteral.parseDottedQuad(address);
        this.network = bytes.orElseThrow(() -> new IllegalArgumentException("Not a network address: " + cidr));
        this.prefixLength = readPrefixLength(cidr.substring(slash + 1), network.length * 8, cidr);
        for (int bit = prefixLength; bit < network.length * 8; bit++) {
            if (bitAt(network, bit)) {
                throw new IllegalArgumentException("Host bits set after the prefix: " + cidr);
            }
        }
        if (embeddedIpv4Offset >= 0
                && (network.length != IpLiteral.IPV6_BYTES || embeddedIpv4Offset + IpLiteral.IPV4_BYTES > network.length)) {
            throw new IllegalArgumentException("Only an IPv6 block can carry an IPv4 address: " + cidr);
        }
        this.embeddedIpv4Offset = embeddedIpv4Offset;
    }

    /**
     * An IPv6 block that carries an IPv4 address at a byte offset ({@code ::ffff:0:0/96} at 12,
     * {@code 2002::/16} at 2). Traffic to such an address ends up at that IPv4 address, so it is exactly as
     * local as the IPv4 address is.
     */
    public static AddressRange embeddingIpv4(String cidr, String reason, int byteOffset) {
        if (byteOffset < 0) {
            throw new IllegalArgumentException("Negative offset: " + byteOffset);
        }
        return new AddressRange(cidr, reason, byteOffset);
    }

    /** Whether the address lies in this block; an IPv4 address is never in an IPv6 block, nor the reverse. */
    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int remainingBits = prefixLength % 8;
        if (remainingBits == 0) {
            return true;
        }
        int mask = (0xff << (8 - remainingBits)) & 0xff;
        return (bytes[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    /** The block as written, e.g. {@code 169.254.0.0/16}. */
    public String cidr() {
        return cidr;
    }

    /** Why it is not public, e.g. {@code LINK_LOCAL}. */
    public String reason() {
        return reason;
    }

    public int prefixLength() {
        return prefixLength;
    }

    /** True for a block that is judged by the IPv4 address it carries rather than by itself. */
    public boolean carriesIpv4() {
        return embeddedIpv4Offset >= 0;
    }

    /** The IPv4 address carried by an address of this block; empty when the block carries none. */
    Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!carriesIpv4() || !contains(address)) {
            return Optional.empty();
        }
        byte[] bytes = address.getAddress();
        return Optional.of(IpLiteral.toInetAddress(
                Arrays.copyOfRange(bytes, embeddedIpv4Offset, embeddedIpv4Offset + IpLiteral.IPV4_BYTES)));
    }

    /** The first address of the block. */
    InetAddress first() {
        return IpLiteral.toInetAddress(network.clone());
    }

    /** The last address of the block. */
    InetAddress last() {
        byte[] bytes = network.clone();
        for (int bit = prefixLength; bit < bytes.length * 8; bit++) {
            bytes[bit / 8] |= (byte) (0x80 >>> (bit % 8));
        }
        return IpLiteral.toInetAddress(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof AddressRange other
                && prefixLength == other.prefixLength && Arrays.equals(network, other.network)
                && reason.equals(other.reason) && embeddedIpv4Offset == other.embeddedIpv4Offset;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(network), prefixLength, reason, embeddedIpv4Offset);
    }

    @Override
    public String toString() {
        return cidr + " (" + reason + ")";
    }

    private static int readPrefixLength(String text, int maximum, String cidr) {
        if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("Not a prefix length: " + cidr);
        }
        int length = Integer.parseInt(text);
        if (length > maximum) {
            throw new IllegalArgumentException("Prefix longer than the address: " + cidr);
        }
        return length;
    }

    private static boolean bitAt(byte[] bytes, int bit) {
        return (bytes[bit / 8] & (0x80 >>> (bit % 8))) != 0;
    }
}
