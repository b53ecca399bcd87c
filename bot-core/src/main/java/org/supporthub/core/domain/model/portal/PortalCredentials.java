package org.supporthub.core.domain.model.portal;

import java.util.Objects;

/**
 * How a portal secret is kept: a hash to check the portal server's HTTP Basic credentials, and a copy
 * sealed under the hub's secret key, needed only to verify the user tokens the portal signs with it
 * (HMAC needs the key itself). Neither lets anyone read the secret back through the hub.
 */
public record PortalCredentials(String secretHash, String secretSealed) {
    public PortalCredentials {
        Objects.requireNonNull(secretHash);
        Objects.requireNonNull(secretSealed);
    }
}
