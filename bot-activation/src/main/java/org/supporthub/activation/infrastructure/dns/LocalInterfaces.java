package org.supporthub.activation.infrastructure.dns;

import org.supporthub.activation.domain.model.address.AddressPolicy;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/** This machine's own addresses, which the address policy refuses as portal addresses. */
public final class LocalInterfaces {

    private LocalInterfaces() {
    }

    /**
     * Every address of every network interface of this machine, whether up or not: an interface that
     * comes up later must not turn into a way back into the hub.
     *
     * @throws UncheckedIOException when the interfaces cannot be listed
     */
    public static Set<InetAddress> addresses() {
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

    /** The policy for production: system DNS, this machine's interface addresses, nothing allow-listed, port 443. */
    public static AddressPolicy strictPolicy() {
        return new AddressPolicy(new SystemHostResolver(), addresses(), Set.of());
    }
}
