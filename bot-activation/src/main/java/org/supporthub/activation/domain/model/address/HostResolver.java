package org.supporthub.activation.domain.model.address;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a host name into the addresses it stands for. A seam, so that the address policy can be tested
 * with names that resolve to whatever a test needs, without DNS.
 */
@FunctionalInterface
public interface HostResolver {

    /**
     * @param host an ASCII DNS name, lower case, without trailing dot (never an IP literal)
     * @return every address of the name, in the order the resolver gives them
     * @throws UnknownHostException when the name does not exist
     */
    List<InetAddress> resolve(String host) throws UnknownHostException;
}
