package org.supporthub.core.domain.model.portal;

import java.util.Objects;

/**
 * How a portal secret is kept: a hash to check the portal server's HTTP Basic credentials, and a copy
 * sealed under the hub's secret key and bound to the portal's id, needed only to derive the keys that
 * verify the portal's user tokens and its challenge answers ({@link PortalKeys}; HMAC needs the key itself).
 * Neither lets anyone read the secret back through the hub.
 */
public record PortalCredentials(String secretHash, String secretSealed) {
    public PortalCredentials {
        Objects.requireNonNull(secretHash);
        Objects.requireNonNull(secretSealed);
    }
}
