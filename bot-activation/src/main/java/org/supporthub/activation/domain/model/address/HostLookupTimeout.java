package org.supporthub.activation.domain.model.address;

import java.net.UnknownHostException;

/**
 * A host name whose lookup did not finish in time (or could not even start, because every lookup slot
 * was taken). Not the same as a name that does not exist: the address policy says {@code DNS_TIMEOUT}.
 */
public class HostLookupTimeout extends UnknownHostException {

    public HostLookupTimeout(String message) {
        super(message);
    }
}
