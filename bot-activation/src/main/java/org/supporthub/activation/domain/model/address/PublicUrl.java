package org.supporthub.activation.domain.model.address;

import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A portal's public site address, read once and strictly: {@code https://host[:port][/path][?query]}.
 *
 * <p>The hub both validates this address and later connects to it, so the two must agree on what the
 * host is. Different URL parsers famously disagree ({@code https://evil.com\@127.0.0.1},
 * {@code https:///127.0.0.1}, {@code https://0x7f.1}), and each disagreement is a way to pass the check with
 * one host and connect to another. Hence a small parser written here, refusing everything it is not sure
 * of, and one result that everything downstream uses: nothing else parses the address again.
 *
 * <p>What is accepted:
 * <ul>
 * <li>the scheme {@code https} (any case) followed by {@code //} &mdash; nothing else;</li>
 * <li>no user-info: an {@code @} anywhere in the authority is refused, never interpreted;</li>
 * <li>a host that is a DNS name (letters, digits and hyphens, labels of 1..63 characters, at most 253 in
 * all, one trailing dot allowed; international names through IDNA), a bracketed IPv6 literal without
 * zone id, or an IPv4 address in plain dotted decimal; any other spelling of an IPv4 address that some
 * parser accepts ({@code 010.0.0.1}, {@code 127.1}, {@code 0x7f000001}, {@code 2130706433}&hellip;) is
 * refused as {@link UrlRefusal#AMBIGUOUS_IPV4}, never read one way;</li>
 * <li>an optional port of 1..65535, digits only;</li>
 * <li>an optional path and query of characters a URL may hold (other non-ASCII characters are
 * percent-encoded); a fragment is checked the same way and then dropped, since it is never sent.</li>
 * </ul>
 * Backslashes, whitespace and control characters are refused anywhere.
 */
public final class PublicUrl {

    /** The port of an {@code https://} address that names none. */
    public static final int DEFAULT_PORT = 443;

    /** Longer input is refused before it is looked at: no portal address is anywhere near this. */
    static final int MAX_LENGTH = 2048;

    private static final String SCHEME_PREFIX = "https:";
    private static final int MAX_NAME_LENGTH = 253;
    private static final int MAX_LABEL_LENGTH = 63;
    private static final String SUB_DELIMS_AND_PCHAR_EXTRAS = "-._~!$&'()*+,;=:@/?";

    private final String host;
    private final InetAddress literal;
    private final boolean ipv6;
    private final boolean trailingDot;
    private final int port;
    private final String pathAndQuery;
    private final String original;

    private PublicUrl(Host host, int port, String pathAndQuery, String original) {
        this.host = host.name();
        this.literal = host.literal();
        this.ipv6 = host.ipv6();
        this.trailingDot = host.trailingDot();
        this.port = port;
        this.pathAndQuery = pathAndQuery;
        this.original = original;
    }

    /**
     * Reads an address as typed by an administrator. Surrounding whitespace is ignored; anything else
     * that is not exactly right is refused with its reason.
     */
    public static ParseResult parse(String address) {
        if (address == null || address.isBlank()) {
            return ParseResult.refused(UrlRefusal.EMPTY);
        }
        String text = address.strip();
        if (text.length() > MAX_LENGTH || !hasOnlyUrlCharacters(text)) {
            return ParseResult.refused(UrlRefusal.MALFORMED);
        }
        if (!startsWithAsciiIgnoringCase(text, SCHEME_PREFIX)) {
            return ParseResult.refused(UrlRefusal.NOT_HTTPS);
        }
        int authorityStart = SCHEME_PREFIX.length() + 2;
        if (!text.startsWith("//", SCHEME_PREFIX.length())) {
            // "https:host" and "https:/host" are read as "https://host" by browsers, as a path by others.
            return ParseResult.refused(UrlRefusal.MALFORMED);
        }
        int authorityEnd = endOfAuthority(text, authorityStart);
        String authority = text.substring(authorityStart, authorityEnd);
        if (authority.indexOf('@') >= 0) {
            return ParseResult.refused(UrlRefusal.USER_INFO);
        }
        if (authority.isEmpty()) {
            return ParseResult.refused(UrlRefusal.EMPTY_HOST);
        }

        String hostText;
        String portText;
        boolean bracketed = authority.charAt(0) == '[';
        if (bracketed) {
            int close = authority.indexOf(']');
            if (close < 0) {
                return ParseResult.refused(UrlRefusal.BAD_HOST);
            }
            hostText = authority.substring(1, close);
            String afterHost = authority.substring(close + 1);
            if (!afterHost.isEmpty() && afterHost.charAt(0) != ':') {
                return ParseResult.refused(UrlRefusal.BAD_HOST);
            }
            portText = afterHost.isEmpty() ? null : afterHost.substring(1);
        } else {
            int colon = authority.indexOf(':');
            if (colon >= 0 && authority.indexOf(':', colon + 1) >= 0) {
                // More than one colon: an IPv6 literal without brackets, or worse.
                return ParseResult.refused(UrlRefusal.BAD_HOST);
            }
            hostText = colon < 0 ? authority : authority.substring(0, colon);
            portText = colon < 0 ? null : authority.substring(colon + 1);
        }
        if (hostText.isEmpty()) {
            return ParseResult.refused(bracketed ? UrlRefusal.BAD_HOST : UrlRefusal.EMPTY_HOST);
        }
        Host host = bracketed ? readIpv6(hostText) : readHost(hostText);
        if (host == AMBIGUOUS) {
            return ParseResult.refused(UrlRefusal.AMBIGUOUS_IPV4);
        }
        if (host == null) {
            return ParseResult.refused(UrlRefusal.BAD_HOST);
        }
        int port = portText == null ? DEFAULT_PORT : readPort(portText);
        if (port < 0) {
            return ParseResult.refused(UrlRefusal.BAD_PORT);
        }

        String rest = text.substring(authorityEnd);
        int hash = rest.indexOf('#');
        if (hash >= 0 && normaliseTarget(rest.substring(hash + 1)) == null) {
            return ParseResult.refused(UrlRefusal.MALFORMED);
        }
        String target = normaliseTarget(hash >= 0 ? rest.substring(0, hash) : rest);
        if (target == null) {
            return ParseResult.refused(UrlRefusal.MALFORMED);
        }
        if (!target.startsWith("/")) {
            target = "/" + target;
        }
        return ParseResult.parsed(new PublicUrl(host, port, target, address));
    }

    /** The host: ASCII, lower case, without trailing dot or brackets; an IP literal in its canonical spelling. */
    public String host() {
        return host;
    }

    /** The address itself when the host is an IP literal; empty for a DNS name, which must be resolved. */
    public Optional<InetAddress> literal() {
        return Optional.ofNullable(literal);
    }

    /** The port, {@value #DEFAULT_PORT} when none was given. */
    public int port() {
        return port;
    }

    /** The path and query, percent-encoded, without fragment; {@code /} when none was given. */
    public String pathAndQuery() {
        return pathAndQuery;
    }

    /** The address exactly as it was entered. */
    public String original() {
        return original;
    }

    /**
     * Whether the written host ended in a dot (a fully qualified name, {@code portal.example.}). The checks
     * and the URIs use the name without it; this only remembers how it was written.
     */
    public boolean trailingDot() {
        return trailingDot;
    }

    /** The host as it goes into a URI or a Host header: IPv6 literals in brackets, the port when not 443. */
    public String authority() {
        String hostPart = ipv6 ? "[" + host + "]" : host;
        return port == DEFAULT_PORT ? hostPart : hostPart + ":" + port;
    }

    /** This address as a URI, built from the parsed parts (never from the original text). */
    public URI uri() {
        return toUri(pathAndQuery);
    }

    /**
     * An https URI for another path on the same host and port, e.g. {@code toUri("/rest/support.check")}.
     *
     * @param path an absolute path, optionally with a query; no fragment
     * @throws IllegalArgumentException when the path does not start with {@code /} or holds characters a
     *                                  URL cannot
     */
    public URI toUri(String path) {
        Objects.requireNonNull(path, "path");
        String target = path.startsWith("/") && hasOnlyUrlCharacters(path) ? normaliseTarget(path) : null;
        if (target == null) {
            throw new IllegalArgumentException("Not an absolute path with query: " + path);
        }
        return URI.create("https://" + authority() + target);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof PublicUrl other
                && host.equals(other.host) && port == other.port && pathAndQuery.equals(other.pathAndQuery);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, pathAndQuery);
    }

    @Override
    public String toString() {
        return "https://" + authority() + pathAndQuery;
    }

    /**
     * A DNS name or an IPv4 address. International names are converted with IDNA first and the result is
     * checked like any other host: IDNA maps full-width digits and ideographic full stops, so
     * {@code １２７。０。０。１} becomes {@code 127.0.0.1} and must be classified as that.
     *
     * @return the host, or null when it is none of these
     */
    private static Host readHost(String text) {
        String ascii = text;
        if (!isAscii(text)) {
            try {
                ascii = IDN.toASCII(text, IDN.USE_STD3_ASCII_RULES);
            } catch (IllegalArgumentException notAnIdn) {
                return null;
            }
        }
        ascii = ascii.toLowerCase(Locale.ROOT);
        boolean trailingDot = ascii.endsWith(".");
        String name = trailingDot ? ascii.substring(0, ascii.length() - 1) : ascii;
        if (name.isEmpty() || name.startsWith(".") || name.endsWith(".") || name.contains("..")) {
            return null;
        }
        if (IpLiteral.endsInNumber(name)) {
            // A browser reads such a host as IPv4 or refuses it; it is never looked up. Only plain dotted
            // decimal is read: any other spelling means different addresses to different parsers.
            if (IpLiteral.isAmbiguousIpv4(name)) {
                return AMBIGUOUS;
            }
            return IpLiteral.parseDottedQuad(name)
                    .map(bytes -> new Host(IpLiteral.formatIpv4(bytes), IpLiteral.toInetAddress(bytes), false, trailingDot))
                    .orElse(null);
        }
        return isDnsName(name) ? new Host(name, null, false, trailingDot) : null;
    }

    /** A bracketed IPv6 literal, brackets removed. Zone ids ({@code %eth0}, {@code %25eth0}) are refused. */
    private static Host readIpv6(String text) {
        if (!isAscii(text) || text.indexOf('%') >= 0) {
            return null;
        }
        return IpLiteral.parseIpv6(text.toLowerCase(Locale.ROOT))
                .map(bytes -> new Host(IpLiteral.formatIpv6(bytes), IpLiteral.toInetAddress(bytes), true, false))
                .orElse(null);
    }

    /**
     * Letters, digits and hyphens (RFC 952/1123), labels of 1..63 characters not starting or ending with a
     * hyphen, at most 253 characters. The last label must start with a letter: every top-level domain
     * does, and {@link URI} reads a host that does not as a registry name without a host.
     */
    private static boolean isDnsName(String name) {
        if (name.length() > MAX_NAME_LENGTH) {
            return false;
        }
        String[] labels = name.split("\\.", -1);
        for (String label : labels) {
            if (label.isEmpty() || label.length() > MAX_LABEL_LENGTH
                    || label.charAt(0) == '-' || label.charAt(label.length() - 1) == '-') {
                return false;
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                    return false;
                }
            }
        }
        char first = labels[labels.length - 1].charAt(0);
        return first >= 'a' && first <= 'z';
    }

    /** @return the port, or -1 when it is not 1..65535 written with ASCII digits only */
    private static int readPort(String text) {
        if (text.isEmpty() || text.length() > 5) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return -1;
            }
        }
        int port = Integer.parseInt(text);
        return port >= 1 && port <= 65535 ? port : -1;
    }

    /** The authority ends at the first {@code /}, {@code ?} or {@code #} (a backslash never gets this far). */
    private static int endOfAuthority(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                return i;
            }
        }
        return text.length();
    }

    /**
     * A path-and-query (or fragment) checked against RFC 3986: unreserved characters, sub-delimiters,
     * {@code : @ / ?} and well-formed percent escapes pass; any other ASCII character makes it malformed;
     * other characters are percent-encoded as UTF-8, as a browser would.
     *
     * @return the encoded text, or null when malformed
     */
    private static String normaliseTarget(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || !isHex(text.charAt(i + 1)) || !isHex(text.charAt(i + 2))) {
                    return null;
                }
                out.append(text, i, i + 3);
                i += 3;
                continue;
            }
            if (c < 0x80) {
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                        || SUB_DELIMS_AND_PCHAR_EXTRAS.indexOf(c) >= 0)) {
                    return null;
                }
                out.append((char) c);
            } else {
                if (Character.getType(c) == Character.SURROGATE) {
                    return null;
                }
                for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
                }
            }
            i += Character.charCount(c);
        }
        return out.toString();
    }

    /**
     * No whitespace (including no-break and ideographic spaces), no control characters, no backslash:
     * parsers disagree on whether to strip them, treat them as {@code /}, or keep them.
     */
    private static boolean hasOnlyUrlCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == '\\'
                    || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithAsciiIgnoringCase(String text, String lowerCasePrefix) {
        if (text.length() < lowerCasePrefix.length()) {
            return false;
        }
        for (int i = 0; i < lowerCasePrefix.length(); i++) {
            char c = text.charAt(i);
            // Only ASCII case folding: 'ſ' (long s) upper-cases to 'S' and must not make "httpſ" https.
            char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            if (lower != lowerCasePrefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(String text) {
        return text.chars().allMatch(c -> c < 0x80);
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** The host as read: its name, the address when it is a literal, and how it was written. */
    private record Host(String name, InetAddress literal, boolean ipv6, boolean trailingDot) {
    }

    /** The mark of a host refused as an ambiguous IPv4 address (compared by identity). */
    private static final Host AMBIGUOUS = new Host("", null, false, false);
}
