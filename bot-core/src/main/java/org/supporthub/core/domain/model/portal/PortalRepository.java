package org.supporthub.core.domain.model.portal;

import java.util.Optional;

/** The registry of portals. */
public interface PortalRepository {

    Optional<Portal> find(String portalId);

    void store(Portal portal);

    /** The portals a periodic re-check looks at: connected ones, and those a re-check disconnected. */
    java.util.List<String> recheckCandidates();

    /** Records the portal server's heartbeat without touching the bot's version. */
    void recordHeartbeat(String portalId, java.time.Instant at);

    /** Whether some registered portal's public address has this web origin. */
    boolean existsWithOrigin(String origin);
}
