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
 * {@link SpecialPurposeRanges special-purpose ranges} and none of the hub's own addresses (its interfaces,
 * its configured {@link HubPublicAddresses public addresses} and what their names resolve to, also when
 * carried inside an IPv6 address: {@link EmbeddedIpv4}). The port must be one the hub
 * {@link AllowedPorts allows}, so activation cannot be used to scan ports. One bad address
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
    /**
     * Detail of {@code PUBLIC_ADDRESS_IS_LOCAL}: an address of the hub itself, one of its interfaces or of its
     * configured public addresses (or a name that resolves to one, or an IPv6 form that carries one).
     */
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
    private final Set<String> hubNames;
    private final List<AddressRange> allowed;
    private final AllowedPorts ports;

    /**
     * A policy that knows the hub only by its interfaces and allows port 443 only.
     *
     * @param resolver     how names are resolved
     * @param hubAddresses the addresses of the hub's own interfaces (see {@link #localInterfaceAddresses()})
     * @param allowedCidrs blocks to accept even though they are local; empty in production
     * @throws IllegalArgumentException when an allowed CIDR is not one
     */
    public AddressPolicy(HostResolver resolver, Set<InetAddress> hubAddresses, Set<String> allowedCidrs) {
        this(resolver, hubAddresses, HubPublicAddresses.NONE, allowedCidrs, AllowedPorts.HTTPS_ONLY);
    }

    /**
     * @param resolver        how names are resolved
     * @param hubAddresses    the addresses of the hub's own interfaces (see {@link #localInterfaceAddresses()})
     * @param hubPublic       the addresses under which the internet reaches the hub, as configured
     * @param allowedCidrs    blocks to accept even though they are local; empty in production
     * @param ports           the ports activation may connect to
     * @throws IllegalArgumentException when an allowed CIDR is not one
     */
    public AddressPolicy(HostResolver resolver, Set<InetAddress> hubAddresses, HubPublicAddresses hubPublic,
                         Set<String> allowedCidrs, AllowedPorts ports) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(hubAddresses, "hubAddresses");
        Objects.requireNonNull(hubPublic, "hubPublic");
        Objects.requireNonNull(allowedCidrs, "allowedCidrs");
        this.ports = Objects.requireNonNull(ports, "ports");
        Set<InetAddress> own = new HashSet<>();
        hubAddresses.forEach(address -> own.add(IpLiteral.unmapped(address)));
        hubPublic.addresses().forEach(address -> own.add(IpLiteral.unmapped(address)));
        this.hubAddresses = Set.copyOf(own);
        this.hubNames = hubPublic.names();
        this.allowed = allowedCidrs.stream()
                .map(cidr -> new AddressRange(cidr, ALLOW_LISTED))
                .sorted(Comparator.comparingInt(AddressRange::prefixLength).reversed())
                .toList();
    }

    /** The policy for production: system DNS, this machine's interface addresses, nothing allow-listed, port 443. */
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
        if (!ports.allows(url.port())) {
            // Before any lookup: the hub does not even ask DNS about an address it will not connect to.
            return AddressVerdict.invalid(UrlRefusal.PORT_NOT_ALLOWED.name(), url);
        }
        if (url.literal().isEmpty() && isLocalhostName(url.host())) {
            return AddressVerdict.local(SpecialPurposeRanges.LOOPBACK, url);
        }
        if (url.literal().isEmpty() && hubNames.contains(url.host())) {
            return AddressVerdict.local(HUB_OWN_ADDRESS, url);
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

        OwnAddresses own = new OwnAddresses();
        for (InetAddress candidate : addresses) {
            Optional<String> refusal = whyLocal(candidate, own);
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
    private Optional<String> whyLocal(InetAddress address, OwnAddresses own) {
        InetAddress plain = IpLiteral.unmapped(address);
        if (SpecialPurposeRanges.mostSpecific(allowed, plain).isPresent()) {
            return Optional.empty();
        }
        Optional<AddressRange> range = SpecialPurposeRanges.classify(address);
        if (range.isPresent()) {
            return Optional.of(range.get().reason());
        }
        // Compared by address bytes only: an interface's IPv6 scope id does not make it another machine.
        // An IPv6 address that carries one of the hub's IPv4 addresses (NAT64, 6to4, mapped, compatible)
        // reaches the hub just the same.
        if (own.contains(plain) || EmbeddedIpv4.carriedBy(address).stream().anyMatch(own::contains)) {
            return Optional.of(HUB_OWN_ADDRESS);
        }
        return Optional.empty();
    }

    /**
     * The hub's own addresses for one check: the fixed ones, plus what the configured names resolve to,
     * looked up once and only when a candidate gets that far. A hub name that does not resolve adds nothing
     * (the names themselves were compared already).
     */
    private final class OwnAddresses {

        private Set<InetAddress> resolved;

        boolean contains(InetAddress address) {
            InetAddress plain = IpLiteral.unmapped(address);
            if (hubAddresses.stream().anyMatch(own -> sameBytes(own, plain))) {
                return true;
            }
            if (resolved == null) {
                resolved = new HashSet<>();
                for (String name : hubNames) {
                    try {
                        List<InetAddress> found = resolver.resolve(name);
                        if (found != null) {
                            found.forEach(a -> resolved.add(IpLiteral.unmapped(a)));
                        }
                    } catch (UnknownHostException gone) {
                        // Nothing to add: the name itself is still refused as a portal host.
                    }
                }
            }
            return resolved.stream().anyMatch(own -> sameBytes(own, plain));
        }
    }

    private static boolean sameBytes(InetAddress a, InetAddress b) {
        return java.util.Arrays.equals(a.getAddress(), b.getAddress());
    }

    private static boolean isLocalhostName(String host) {
        return LOCALHOST_NAMES.contains(host) || host.endsWith(".localhost");
    }
}
