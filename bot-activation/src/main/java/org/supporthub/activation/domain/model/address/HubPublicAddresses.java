package org.supporthub.activation.domain.model.address;

import java.net.InetAddress;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The addresses under which the internet reaches the hub, as its operator configures them
 * ({@code SUPPORT_HUB_PUBLIC_ADDRESSES}): host names and IP literals. A hub behind a load balancer or NAT
 * does not see these on its own interfaces, yet a portal registered at one of them would have the hub probe
 * itself from outside, so they are refused as portal addresses, names by what they resolve to as well.
 *
 * @param addresses the IP literals, IPv4 in plain dotted decimal, IPv6 with or without brackets
 * @param names     the host names: ASCII, lower case, without trailing dot
 */
public record HubPublicAddresses(Set<InetAddress> addresses, Set<String> names) {

    /** No configured public addresses: the hub knows only its interfaces. */
    public static final HubPublicAddresses NONE = new HubPublicAddresses(Set.of(), Set.of());

    public HubPublicAddresses {
        addresses = Set.copyOf(Objects.requireNonNull(addresses, "addresses"));
        names = Set.copyOf(Objects.requireNonNull(names, "names"));
    }

    /**
     * Reads a comma-separated list such as {@code hub.vendor.example, 185.199.108.153, [2a01:4f8::10]}. Each
     * entry is read as the host of an {@code https://} address, by the same strict rules as a portal's
     * address, so an entry like {@code 010.0.0.1} is refused here too.
     *
     * @throws IllegalArgumentException naming the first entry that is not a bare host name or IP literal
     */
    public static HubPublicAddresses parse(String list) {
        if (list == null || list.isBlank()) {
            return NONE;
        }
        Set<InetAddress> addresses = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        for (String entry : list.split(",")) {
            String host = entry.strip();
            if (host.isEmpty()) {
                continue;
            }
            boolean ipv6 = host.indexOf(':') >= 0 && !host.startsWith("[");
            ParseResult parsed = PublicUrl.parse("https://" + (ipv6 ? "[" + host + "]" : host));
            if (!parsed.isValid() || !parsed.url().pathAndQuery().equals("/")
                    || parsed.url().port() != PublicUrl.DEFAULT_PORT || host.indexOf('/') >= 0
                    || host.endsWith(":443")) {
                throw new IllegalArgumentException("Not a host name or IP address: '" + host + "'"
                        + (parsed.isValid() ? "" : " (" + parsed.detail() + ")"));
            }
            if (parsed.url().literal().isPresent()) {
                addresses.add(IpLiteral.unmapped(parsed.url().literal().get()));
            } else {
                names.add(parsed.url().host());
            }
        }
        return new HubPublicAddresses(addresses, names);
    }
}
