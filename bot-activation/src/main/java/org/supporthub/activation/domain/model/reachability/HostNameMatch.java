package org.supporthub.activation.domain.model.reachability;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a server certificate names the host the hub asked for, the way browsers decide it (RFC 6125, CA/B
 * Forum): only the subjectAltName counts, DNS entries for a name and IP entries for an IP literal. The
 * subject's common name is never looked at, not even when there is no subjectAltName at all: the JDK's
 * HTTPS check still falls back to it then, browsers stopped years ago, and a portal whose certificate only
 * works in the hub would fail its users.
 */
public final class HostNameMatch {

    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;
    private static final Pattern DOTTED_QUAD = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private HostNameMatch() {
    }

    /**
     * @param host    the host as checked by the address policy: ASCII, lower case, no trailing dot
     * @param literal the address when the host is an IP literal
     */
    public static boolean matches(X509Certificate leaf, String host, Optional<InetAddress> literal) {
        Collection<List<?>> names;
        try {
            names = leaf.getSubjectAlternativeNames();
        } catch (CertificateParsingException unreadable) {
            return false;
        }
        if (names == null) {
            return false;
        }
        for (List<?> entry : names) {
            if (entry.size() < 2 || !(entry.get(0) instanceof Integer type) || !(entry.get(1) instanceof String value)) {
                continue;
            }
            boolean match = literal.isPresent()
                    ? type == SAN_IP && sameAddress(value, literal.get())
                    : type == SAN_DNS && dnsNameMatches(value, host);
            if (match) {
                return true;
            }
        }
        return false;
    }

    /**
     * An exact name, or a wildcard that stands for exactly the whole leftmost label ({@code *.example.com}
     * matches {@code a.example.com}, not {@code example.com} nor {@code a.b.example.com}). Partial wildcards
     * ({@code f*.example.com}) and wildcards over a public suffix-like single label ({@code *.com}) never match.
     */
    static boolean dnsNameMatches(String pattern, String host) {
        String name = pattern.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (!name.startsWith("*.")) {
            return name.indexOf('*') < 0 && name.equals(host);
        }
        String suffix = name.substring(1);
        if (suffix.indexOf('*') >= 0 || suffix.indexOf('.', 1) < 0) {
            return false;
        }
        int firstDot = host.indexOf('.');
        return firstDot > 0 && host.substring(firstDot).equals(suffix);
    }

    /**
     * The JDK gives IP entries as text ({@code 127.0.0.1}, {@code 0:0:0:0:0:0:0:1}). Only such literals are
     * turned into addresses, so no DNS lookup can ever happen here.
     */
    private static boolean sameAddress(String text, InetAddress expected) {
        if (!DOTTED_QUAD.matcher(text).matches() && text.indexOf(':') < 0) {
            return false;
        }
        try {
            return Arrays.equals(InetAddress.getByName(text).getAddress(), expected.getAddress());
        } catch (UnknownHostException malformed) {
            return false;
        }
    }
}
