package org.supporthub.activation.domain.model.address;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A resolver answering from a map, recording what it was asked; names not in the map do not exist. */
final class FakeResolver implements HostResolver {

    private final Map<String, List<InetAddress>> names = new HashMap<>();
    final List<String> asked = new ArrayList<>();

    /** Adds a name with its addresses, written as IP literals (read here without DNS). */
    FakeResolver with(String name, String... addresses) {
        List<InetAddress> resolved = new ArrayList<>();
        for (String address : addresses) {
            resolved.add(ip(address));
        }
        names.put(name, resolved);
        return this;
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        asked.add(host);
        List<InetAddress> resolved = names.get(host);
        if (resolved == null) {
            throw new UnknownHostException(host);
        }
        return resolved;
    }

    /** An address from a plain literal, IPv4 dotted decimal or IPv6; IPv4-mapped stays IPv6. */
    static InetAddress ip(String literal) {
        return IpLiteral.toInetAddress((literal.indexOf(':') >= 0
                ? IpLiteral.parseIpv6(literal)
                : IpLiteral.parseDottedQuad(literal))
                .orElseThrow(() -> new IllegalArgumentException("Not a literal: " + literal)));
    }
}
