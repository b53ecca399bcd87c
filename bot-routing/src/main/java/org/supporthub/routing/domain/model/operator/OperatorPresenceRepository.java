package org.supporthub.routing.domain.model.operator;

import java.util.List;
import java.util.Optional;

/** Operators' presence. */
public interface OperatorPresenceRepository {

    Optional<OperatorPresence> find(String username);

    /** The presence row, locked until the transaction ends: acceptances by one operator queue up here. */
    Optional<OperatorPresence> findForUpdate(String username);

    void store(OperatorPresence presence);

    List<OperatorPresence> all();

    /**
     * Operators whose console is open and spoke after {@code seenAfter}, each with how many sessions they
     * hold now (assigned or answered), in one query.
     */
    List<PresenceLoad> connectedSince(java.time.Instant seenAfter);

    /** An operator's presence and the number of sessions they hold. */
    record PresenceLoad(OperatorPresence presence, long heldSessions) {
    }
}
