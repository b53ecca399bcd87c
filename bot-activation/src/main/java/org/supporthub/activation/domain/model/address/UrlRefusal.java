package org.supporthub.activation.domain.model.address;

/**
 * Why a public site address could not be read; the name is the detail code that goes with
 * {@code INVALID_PUBLIC_ADDRESS}.
 */
public enum UrlRefusal {
    /** Nothing was entered. */
    EMPTY,
    /** Not an {@code https://} address: no scheme, {@code http://}, or any other scheme. */
    NOT_HTTPS,
    /** Not a well-formed address: characters a URL cannot hold, a backslash, {@code https:} without {@code //}. */
    MALFORMED,
    /** A user name or password before the host ({@code https://user@host}): a classic way to disguise the host. */
    USER_INFO,
    /** {@code https://} with no host after it. */
    EMPTY_HOST,
    /** A host that is neither a valid DNS name, nor an IPv4 address, nor a bracketed IPv6 address. */
    BAD_HOST,
    /**
     * An IPv4 address written in any way but plain dotted decimal: a part with a leading zero
     * ({@code 010.0.0.1}, octal to some parsers and decimal to others), fewer than four parts ({@code 127.1}),
     * hexadecimal or octal parts ({@code 0x7f.0.0.1}), a single integer ({@code 2130706433}). Parsers disagree
     * on what such a host is, so the hub does not pick one reading.
     */
    AMBIGUOUS_IPV4,
    /** A port that is not a number from 1 to 65535. */
    BAD_PORT,
    /** A valid port that the hub's activation may not connect to (only 443 unless the hub allows more). */
    PORT_NOT_ALLOWED
}
