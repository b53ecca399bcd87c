package org.supporthub.routing.domain.model.session;

import java.time.Instant;

/** Which operators have held a session of which portal. */
public interface PortalAccessRepository {

    /** Records that the operator holds a session of the portal; nothing changes when it is known already. */
    void granted(String portalId, String operator, Instant at);

    boolean has(String portalId, String operator);
}
