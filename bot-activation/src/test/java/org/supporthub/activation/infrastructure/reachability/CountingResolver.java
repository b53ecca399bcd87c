package org.supporthub.activation.infrastructure.reachability;

import org.supporthub.activation.domain.model.reachability.*;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.supporthub.activation.domain.model.address.HostResolver;

/**
 * Resolves names from a map the test may change at any time (to play a DNS answer that changes between
 * the address check and the connection), counting how often it is asked.
 */
final class CountingResolver implements HostResolver {

    private final Map<String, List<InetAddress>> names = new ConcurrentHashMap<>();
    final AtomicInteger calls = new AtomicInteger();

    /** Maps a name to addresses written as IPv4 dotted quads (turned into addresses without DNS). */
    CountingResolver answer(String name, String... addresses) {
        List<InetAddress> resolved = new ArrayList<>();
        for (String address : addresses) {
            resolved.add(ipv4(address));
        }
        names.put(name, List.copyOf(resolved));
        return this;
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        calls.incrementAndGet();
        List<InetAddress> resolved = names.get(host);
        if (resolved == null) {
            throw new UnknownHostException(host);
        }
        return resolved;
    }

    static InetAddress ipv4(String dottedQuad) {
        String[] parts = dottedQuad.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i]);
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
