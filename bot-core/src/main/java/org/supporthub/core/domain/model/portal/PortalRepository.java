package org.supporthub.core.domain.model.portal;

import java.util.Optional;

/** The registry of portals. */
public interface PortalRepository {

    Optional<Portal> find(String portalId);

    void store(Portal portal);

    /**
     * The portals a periodic re-check looks at: connected ones, those a re-check disconnected, and those
     * whose claimed address awaits proof.
     */
    java.util.List<String> recheckCandidates();

    /** Records the portal server's heartbeat without touching the bot's version. */
    void recordHeartbeat(String portalId, java.time.Instant at);

    /** Whether some registered portal's widget may connect from this web origin ({@link Portal#widgetOrigin()}). */
    boolean existsWithOrigin(String origin);

    /** The portals whose sealed secret does not start with this form's prefix: those left to upgrade. */
    java.util.List<Portal> withSecretNotSealedAs(String prefix);

    /**
     * Replaces a portal's sealed secret if it is still {@code expected}, without touching the bot's version
     * (two hub instances starting at once upgrade a row once, and no activation's lock is disturbed).
     *
     * @return whether the row was changed
     */
    boolean replaceSealedSecret(String portalId, String expected, String sealed);
}
