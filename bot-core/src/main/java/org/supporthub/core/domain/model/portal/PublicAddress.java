package org.supporthub.core.domain.model.portal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The portal's "Public site address" as the portal reported it.
 *
 * <p>Registration accepts any absolute {@code http(s)} URL with a host, because the source document shows
 * a wrong address as an activation error in the chat ("Invalid public site address"), not as a refusal
 * to register; the strict address policy belongs to activation. What this type does give is the
 * address's web origin, which is the only page origin the portal's widget may connect from.
 */
public final class PublicAddress {

    private final String value;
    private final String origin;

    private PublicAddress(String value, String origin) {
        this.value = value;
        this.origin = origin;
    }

    /** Parses an address, or empty when it is not an absolute http(s) URL with a host. */
    public static Optional<PublicAddress> parse(String value) {
        if (value == null || value.isBlank() || value.length() > 2048) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value.trim());
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))) {
                return Optional.empty();
            }
            String host = uri.getHost();
            if (host == null || host.isEmpty() || uri.getPort() == 0 || uri.getPort() > 65535) {
                return Optional.empty();
            }
            return Optional.of(new PublicAddress(value.trim(), origin(scheme, host, uri.getPort())));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Parses an address that was valid when stored. */
    public static PublicAddress of(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("Not a public address: " + value));
    }

    /**
     * The web origin ({@code scheme://host[:port]}) of an origin header value or URL, normalised as
     * browsers send it: lower case, default ports left out.
     */
    public static Optional<String> originOf(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(origin(uri.getScheme(), uri.getHost(), uri.getPort()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String origin(String scheme, String host, int port) {
        String s = scheme.toLowerCase(Locale.ROOT);
        boolean defaultPort = port == -1 || (s.equals("https") && port == 443) || (s.equals("http") && port == 80)
                || (s.equals("wss") && port == 443) || (s.equals("ws") && port == 80);
        return s + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    public String value() {
        return value;
    }

    public String origin() {
        return origin;
    }

    /** The host name (or address) of the public address, lower case. */
    public String host() {
        return java.net.URI.create(value).getHost().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublicAddress other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
