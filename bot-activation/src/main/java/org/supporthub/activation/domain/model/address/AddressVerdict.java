package org.supporthub.activation.domain.model.address;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of checking a public site address.
 *
 * <p>An {@link Verdict#OK} verdict carries the parsed address and the addresses that were checked and
 * passed: the hub connects to one of those, not to a fresh lookup of the name, so a DNS answer that changes
 * between check and connection (DNS rebinding) cannot lead it somewhere local.
 *
 * @param verdict   OK, or the stable error code
 * @param detail    the finer code when not OK (e.g. {@code USER_INFO}, {@code DNS_NO_SUCH_HOST},
 *                  {@code LOOPBACK}), null when OK
 * @param url       the parsed address; null when it could not be parsed
 * @param addresses the addresses that passed, in resolution order; empty unless OK
 */
public record AddressVerdict(Verdict verdict, String detail, PublicUrl url, List<InetAddress> addresses) {

    /** OK, or one of the two stable error codes of the public-address check. */
    public enum Verdict {
        OK,
        /** Not an absolute {@code https://} address, or its host name does not exist. */
        INVALID_PUBLIC_ADDRESS,
        /** The host is, or resolves to, an address that is not reachable from the internet. */
        PUBLIC_ADDRESS_IS_LOCAL
    }

    public AddressVerdict {
        Objects.requireNonNull(verdict, "verdict");
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        if (verdict == Verdict.OK) {
            if (detail != null || url == null || addresses.isEmpty()) {
                throw new IllegalArgumentException("An OK verdict has an address, checked addresses and no detail");
            }
        } else if (detail == null || !addresses.isEmpty()) {
            throw new IllegalArgumentException("A refusal has a detail and no addresses to connect to");
        }
    }

    static AddressVerdict ok(PublicUrl url, List<InetAddress> addresses) {
        return new AddressVerdict(Verdict.OK, null, url, addresses);
    }

    static AddressVerdict invalid(String detail, PublicUrl url) {
        return new AddressVerdict(Verdict.INVALID_PUBLIC_ADDRESS, detail, url, List.of());
    }

    static AddressVerdict local(String detail, PublicUrl url) {
        return new AddressVerdict(Verdict.PUBLIC_ADDRESS_IS_LOCAL, detail, url, List.of());
    }

    public boolean isOk() {
        return verdict == Verdict.OK;
    }

    /** The stable error code ({@code INVALID_PUBLIC_ADDRESS}, {@code PUBLIC_ADDRESS_IS_LOCAL}), null when OK. */
    public String code() {
        return isOk() ? null : verdict.name();
    }
}
