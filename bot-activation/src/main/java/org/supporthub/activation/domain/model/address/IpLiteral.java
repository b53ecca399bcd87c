package org.supporthub.activation.domain.model.address;

import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reading and writing IP address literals by hand, without {@link InetAddress#getByName}, which would
 * go to DNS for anything it does not recognise and whose idea of a literal differs between platforms.
 *
 * <p>Host names that end in a number are never names: the WHATWG URL Standard's IPv4 parser, the one
 * browsers use, reads {@code 127.1}, {@code 2130706433}, {@code 0x7f.0.0.1} and {@code 0177.0.0.1} as the
 * loopback address, as does the C library's {@code inet_aton}; Java and other parsers read some of them
 * differently or not at all. Treating them as names would let them slip past the range table; reading them
 * one way would let two parsers disagree. So only plain dotted decimal is an address, and every other
 * spelling that some parser takes for one is refused ({@link #isAmbiguousIpv4}).
 */
final class IpLiteral {

    static final int IPV4_BYTES = 4;
    static final int IPV6_BYTES = 16;

    private static final BigInteger BYTE_VALUES = BigInteger.valueOf(256);
    private static final BigInteger MAX_BYTE = BigInteger.valueOf(255);
    private static final byte[] IPV4_MAPPED_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};

    private IpLiteral() {
    }

    /**
     * The WHATWG "ends in a number checker": whether a host's last label is a number (decimal digits, or
     * anything the IPv4 number parser accepts, such as {@code 0x1f}). Such a host must be an IPv4 address
     * or nothing at all; it is never looked up as a name.
     */
    static boolean endsInNumber(String host) {
        List<String> parts = strictSplit(host);
        if (parts.get(parts.size() - 1).isEmpty()) {
            if (parts.size() == 1) {
                return false;
            }
            parts.remove(parts.size() - 1);
        }
        String last = parts.get(parts.size() - 1);
        if (!last.isEmpty() && last.chars().allMatch(IpLiteral::isAsciiDigit)) {
            return true;
        }
        return parseIpv4Number(last) != null;
    }

    /**
     * The WHATWG "IPv4 parser": one to four dot-separated numbers, each decimal, {@code 0x} hex or
     * leading-zero octal; every number but the last is one byte, the last fills the remaining bytes
     * ({@code 127.1} is 127.0.0.1, {@code 10.0.258} is 10.0.1.2).
     *
     * @return the four bytes, or empty when the host is not such an address
     */
    static Optional<byte[]> parseIpv4(String host) {
        List<String> parts = strictSplit(host);
        if (parts.get(parts.size() - 1).isEmpty() && parts.size() > 1) {
            parts.remove(parts.size() - 1);
        }
        if (parts.size() > IPV4_BYTES) {
            return Optional.empty();
        }
        List<BigInteger> numbers = new ArrayList<>();
        for (String part : parts) {
            BigInteger n = parseIpv4Number(part);
            if (n == null) {
                return Optional.empty();
            }
            numbers.add(n);
        }
        for (int i = 0; i < numbers.size() - 1; i++) {
            if (numbers.get(i).compareTo(MAX_BYTE) > 0) {
                return Optional.empty();
            }
        }
        BigInteger last = numbers.get(numbers.size() - 1);
        if (last.compareTo(BYTE_VALUES.pow(5 - numbers.size())) >= 0) {
            return Optional.empty();
        }
        long value = last.longValue();
        for (int i = 0; i < numbers.size() - 1; i++) {
            value += numbers.get(i).longValue() << (8 * (3 - i));
        }
        return Optional.of(new byte[] {
                (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
    }

    /**
     * Whether a host that {@link #endsInNumber ends in a number} is an IPv4 address that parsers read
     * differently: anything but plain dotted decimal ({@link #parseDottedQuad}). {@code 010.0.0.1} is
     * 8.0.0.1 to a browser and to {@code inet_aton}, 10.0.0.1 to Java's {@code InetAddress} and to many
     * validators; {@code 127.1}, {@code 0x7f.0.0.1} and {@code 2130706433} are loopback to some and no
     * address at all to others. Reading such a host one way would let a check and a connection (or the hub
     * and the portal's users) disagree on where it points, so it is refused rather than read.
     *
     * @return true when some parser takes the host for an IPv4 address (the WHATWG parser does, or a part
     *         is a decimal number written with a leading zero) although it is not plain dotted decimal
     */
    static boolean isAmbiguousIpv4(String host) {
        if (parseDottedQuad(host).isPresent()) {
            return false;
        }
        if (parseIpv4(host).isPresent()) {
            return true;
        }
        for (String part : strictSplit(host)) {
            if (part.length() > 1 && part.charAt(0) == '0' && part.chars().allMatch(IpLiteral::isAsciiDigit)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The WHATWG "IPv4 number parser" for one part.
     *
     * @return its value, or null when it is not a number ({@code 08}, {@code 0xg}, the empty string)
     */
    static BigInteger parseIpv4Number(String part) {
        if (part.isEmpty()) {
            return null;
        }
        String digits = part;
        int radix = 10;
        if (digits.length() >= 2 && (digits.startsWith("0x") || digits.startsWith("0X"))) {
            digits = digits.substring(2);
            radix = 16;
        } else if (digits.length() >= 2 && digits.charAt(0) == '0') {
            digits = digits.substring(1);
            radix = 8;
        }
        if (digits.isEmpty()) {
            return BigInteger.ZERO;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (asciiDigit(digits.charAt(i), radix) < 0) {
                return null;
            }
        }
        return new BigInteger(digits, radix);
    }

    /**
     * Plain dotted decimal only ({@code 192.0.2.1}): four parts, 0..255, no leading zeros. Used inside
     * IPv6 literals and for configured CIDRs, where the liberal browser forms have no business.
     */
    static Optional<byte[]> parseDottedQuad(String text) {
        List<String> parts = strictSplit(text);
        if (parts.size() != IPV4_BYTES) {
            return Optional.empty();
        }
        byte[] bytes = new byte[IPV4_BYTES];
        for (int i = 0; i < IPV4_BYTES; i++) {
            String part = parts.get(i);
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(IpLiteral::isAsciiDigit)
                    || (part.length() > 1 && part.charAt(0) == '0')) {
                return Optional.empty();
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                return Optional.empty();
            }
            bytes[i] = (byte) value;
        }
        return Optional.of(bytes);
    }

    /**
     * An IPv6 literal without brackets (RFC 4291 text form): eight groups of one to four hex digits, at
     * most one {@code ::}, optionally ending in a dotted-decimal IPv4 address. Zone ids ({@code %eth0})
     * are not accepted: they name an interface of the machine itself, which has no place in a public address.
     *
     * @return the sixteen bytes, or empty when the text is not such a literal
     */
    static Optional<byte[]> parseIpv6(String text) {
        if (text.isEmpty() || text.contains(":::")) {
            return Optional.empty();
        }
        int compress = text.indexOf("::");
        if (compress >= 0 && text.indexOf("::", compress + 1) >= 0) {
            return Optional.empty();
        }
        List<Integer> head;
        List<Integer> tail;
        if (compress < 0) {
            head = groups(text, true);
            tail = List.of();
            if (head == null || head.size() != 8) {
                return Optional.empty();
            }
        } else {
            String after = text.substring(compress + 2);
            head = groups(text.substring(0, compress), false);
            tail = groups(after, true);
            // "::" stands for at least one group of zeros.
            if (head == null || tail == null || head.size() + tail.size() > 7) {
                return Optional.empty();
            }
        }
        byte[] bytes = new byte[IPV6_BYTES];
        int at = 0;
        for (int group : head) {
            bytes[at++] = (byte) (group >>> 8);
            bytes[at++] = (byte) group;
        }
        at = IPV6_BYTES - 2 * tail.size();
        for (int group : tail) {
            bytes[at++] = (byte) (group >>> 8);
            bytes[at++] = (byte) group;
        }
        return Optional.of(bytes);
    }

    /**
     * The 16-bit groups of one side of an IPv6 literal; an IPv4 tail counts as two groups and is allowed
     * only at the very end of the literal.
     *
     * @return the groups, or null when a group is malformed
     */
    private static List<Integer> groups(String side, boolean endsLiteral) {
        List<Integer> groups = new ArrayList<>();
        if (side.isEmpty()) {
            return groups;
        }
        List<String> parts = new ArrayList<>(List.of(side.split(":", -1)));
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            boolean last = i == parts.size() - 1;
            if (part.indexOf('.') >= 0) {
                Optional<byte[]> ipv4 = last && endsLiteral ? parseDottedQuad(part) : Optional.empty();
                if (ipv4.isEmpty()) {
                    return null;
                }
                byte[] b = ipv4.get();
                groups.add((b[0] & 0xff) << 8 | (b[1] & 0xff));
                groups.add((b[2] & 0xff) << 8 | (b[3] & 0xff));
                continue;
            }
            if (part.isEmpty() || part.length() > 4) {
                return null;
            }
            int value = 0;
            for (int c = 0; c < part.length(); c++) {
                int digit = asciiDigit(part.charAt(c), 16);
                if (digit < 0) {
                    return null;
                }
                value = value << 4 | digit;
            }
            groups.add(value);
        }
        return groups;
    }

    /** Dotted decimal, the one spelling of an IPv4 address the hub writes. */
    static String formatIpv4(byte[] bytes) {
        return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
    }

    /**
     * The RFC 5952 spelling of an IPv6 address: lower case, no leading zeros, the longest run of two or
     * more zero groups shortened to {@code ::}, and IPv4-mapped addresses ending in dotted decimal.
     */
    static String formatIpv6(byte[] bytes) {
        boolean mapped = isIpv4Mapped(bytes);
        int hexGroups = mapped ? 6 : 8;
        int[] groups = new int[hexGroups];
        for (int i = 0; i < hexGroups; i++) {
            groups[i] = (bytes[2 * i] & 0xff) << 8 | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < hexGroups; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < hexGroups && groups[i] == 0) {
                i++;
            }
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < hexGroups; ) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
            i++;
        }
        if (mapped) {
            text.append(':').append(formatIpv4(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]}));
        }
        return text.toString();
    }

    /** Whether sixteen bytes are an IPv4-mapped IPv6 address ({@code ::ffff:0:0/96}). */
    static boolean isIpv4Mapped(byte[] bytes) {
        if (bytes.length != IPV6_BYTES) {
            return false;
        }
        for (int i = 0; i < IPV4_MAPPED_PREFIX.length; i++) {
            if (bytes[i] != IPV4_MAPPED_PREFIX[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * An address object for literal bytes, with no lookup. Sixteen bytes stay an IPv6 address even when
     * IPv4-mapped ({@link InetAddress#getByAddress(byte[])} would quietly turn those into IPv4), so the
     * literal is what the administrator wrote; the range table looks inside mapped addresses itself.
     */
    static InetAddress toInetAddress(byte[] bytes) {
        try {
            return bytes.length == IPV6_BYTES
                    ? Inet6Address.getByAddress(null, bytes, -1)
                    : InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Not an IP address: " + bytes.length + " bytes", e);
        }
    }

    /** The IPv4 address inside an IPv4-mapped IPv6 address, else the address itself. */
    static InetAddress unmapped(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (!isIpv4Mapped(bytes)) {
            return address;
        }
        return toInetAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]});
    }

    /** The WHATWG "strictly split on U+002E": empty parts are kept. */
    private static List<String> strictSplit(String text) {
        return new ArrayList<>(List.of(text.split("\\.", -1)));
    }

    /**
     * The value of an ASCII digit in a radix, else -1. {@link Character#digit} alone would also take
     * Arabic-Indic or full-width digits, which no resolver reads as numbers.
     */
    private static int asciiDigit(char c, int radix) {
        return c < 0x80 ? Character.digit(c, radix) : -1;
    }

    private static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
