package org.supporthub.core.domain.model.portal;

import java.util.Optional;

/** The registry of portals. */
public interface PortalRepository {

    Optional<Portal> find(String portalId);

    void store(Portal portal);

    /** Whether some registered portal's public address has this web origin. */
    boolean existsWithOrigin(String origin);
}
