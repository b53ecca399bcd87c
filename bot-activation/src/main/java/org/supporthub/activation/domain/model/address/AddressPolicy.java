package org.supporthub.activation.domain.model.address;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a portal's public site address is one the hub may connect to.
 *
 * <p>The address must parse ({@link PublicUrl}); its host must not be a localhost name; and every address
 * it stands for &mdash; the literal, or all that the name resolves to &mdash; must be public: outside the
 * {@link SpecialPurposeRanges special-purpose ranges} and none of the hub's own addresses. One bad address
 * among several is enough to refuse: which one a connection would use is not the hub's to choose (and
 * an attacker would publish one public address for the check and one local one for the connection).
 *
 * <p>Blocks on an explicit allow-list pass despite all that. Production has none; tests and development
 * use it to talk to a portal fixture on loopback.
 */
public final class AddressPolicy {

    /** Detail of {@code INVALID_PUBLIC_ADDRESS}: the host name does not exist in DNS. */
    public static final String DNS_NO_SUCH_HOST = "DNS_NO_SUCH_HOST";
    /** Detail of {@code INVALID_PUBLIC_ADDRESS}: the host name could not be looked up in time. */
    public static final String DNS_TIMEOUT = "DNS_TIMEOUT";
    /** Detail of {@code PUBLIC_ADDRESS_IS_LOCAL}: an address of the machine the hub runs on. */
    public static final String HUB_OWN_ADDRESS = "HUB_OWN_ADDRESS";

    /**
     * Names that mean "this machine" without asking DNS (RFC 6761 and the usual /etc/hosts entries). They
     * are refused before any lookup: resolvers answer them locally, often with more than loopback.
     */
    private static final Set<String> LOCALHOST_NAMES =
            Set.of("localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback");

    private static final String ALLOW_LISTED = "ALLOW_LISTED";

    private final HostResolver resolver;
    private final Set<InetAddress> hubAddresses;
    private final List<AddressRange> allowed;

    /**
     * @param resolver     how names are resolved
     * @param hubAddresses the addresses of the hub's own interfaces (see {@link #localInterfaceAddresses()})
     * @param allowedCidrs blocks to accept even though they are local; empty in production
     * @throws IllegalArgumentException when an allowed CIDR is not one
     */
    public AddressPolicy(HostResolver resolver, Set<InetAddress> hubAddresses, Set<String> allowedCidrs) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(hubAddresses, "hubAddresses");
        Objects.requireNonNull(allowedCidrs, "allowedCidrs");
        Set<InetAddress> own = new HashSet<>();
        hubAddresses.forEach(address -> own.add(IpLiteral.unmapped(address)));
        this.hubAddresses = Set.copyOf(own);
        this.allowed = allowedCidrs.stream()
                .map(cidr -> new AddressRange(cidr, ALLOW_LISTED))
                .sorted(Comparator.comparingInt(AddressRange::prefixLength).reversed())
                .toList();
    }

    /** The policy for production: system DNS, this machine's interface addresses, nothing allow-listed. */
    public static AddressPolicy strict() {
        return new AddressPolicy(new SystemHostResolver(), localInterfaceAddresses(), Set.of());
    }

    /**
     * Checks a public site address as entered by the portal administrator.
     *
     * @return OK with the parsed address and the addresses that passed; or {@code INVALID_PUBLIC_ADDRESS} /
     *         {@code PUBLIC_ADDRESS_IS_LOCAL} with a detail code
     */
    public AddressVerdict check(String address) {
        ParseResult parsed = PublicUrl.parse(address);
        if (!parsed.isValid()) {
            return AddressVerdict.invalid(parsed.detail(), null);
        }
        PublicUrl url = parsed.url();
        if (url.literal().isEmpty() && isLocalhostName(url.host())) {
            return AddressVerdict.local(SpecialPurposeRanges.LOOPBACK, url);
        }

        List<InetAddress> addresses;
        if (url.literal().isPresent()) {
            addresses = List.of(url.literal().get());
        } else {
            try {
                List<InetAddress> resolved = resolver.resolve(url.host());
                addresses = resolved == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(resolved));
            } catch (HostLookupTimeout slow) {
                return AddressVerdict.invalid(DNS_TIMEOUT, url);
            } catch (UnknownHostException noSuchHost) {
                addresses = List.of();
            }
            if (addresses.isEmpty()) {
                return AddressVerdict.invalid(DNS_NO_SUCH_HOST, url);
            }
        }

        for (InetAddress candidate : addresses) {
            Optional<String> refusal = whyLocal(candidate);
            if (refusal.isPresent()) {
                return AddressVerdict.local(refusal.get(), url);
            }
        }
        return AddressVerdict.ok(url, addresses);
    }

    /**
     * Every address of every network interface of this machine, whether up or not: an interface that
     * comes up later must not turn into a way back into the hub.
     *
     * @throws UncheckedIOException when the interfaces cannot be listed
     */
    public static Set<InetAddress> localInterfaceAddresses() {
        try {
            Set<InetAddress> addresses = new HashSet<>();
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                addresses.addAll(Collections.list(nic.getInetAddresses()));
            }
            return Set.copyOf(addresses);
        } catch (SocketException e) {
            throw new UncheckedIOException("Cannot list this machine's network interfaces", e);
        }
    }

    /** The reason an address may not be connected to, or empty when it may. */
    private Optional<String> whyLocal(InetAddress address) {
        InetAddress plain = IpLiteral.unmapped(address);
        if (SpecialPurposeRanges.mostSpecific(allowed, plain).isPresent()) {
            return Optional.empty();
        }
        Optional<AddressRange> range = SpecialPurposeRanges.classify(address);
        if (range.isPresent()) {
            return Optional.of(range.get().reason());
        }
        // Compared by address bytes only: an interface's IPv6 scope id does not make it another machine.
        return hubAddresses.contains(plain) ? Optional.of(HUB_OWN_ADDRESS) : Optional.empty();
    }

    private static boolean isLocalhostName(String host) {
        return LOCALHOST_NAMES.contains(host) || host.endsWith(".localhost");
    }
}
