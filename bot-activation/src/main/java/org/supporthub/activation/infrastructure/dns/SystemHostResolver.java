package org.supporthub.activation.infrastructure.dns;

import org.supporthub.activation.domain.model.address.HostResolver;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Resolves names the way the JVM does for its own connections: {@link InetAddress#getAllByName}. */
public final class SystemHostResolver implements HostResolver {

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        // getAllByName("") answers with loopback, and a literal would not be looked up at all: neither is
        // a name, and only names are to come here.
        if (host == null || host.isEmpty() || host.indexOf(':') >= 0 || host.indexOf('[') >= 0) {
            throw new UnknownHostException("Not a host name: " + host);
        }
        return List.of(InetAddress.getAllByName(host));
    }
}
