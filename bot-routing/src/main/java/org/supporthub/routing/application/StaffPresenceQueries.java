package org.supporthub.routing.application;

import org.supporthub.routing.domain.model.operator.PresenceStatus;

import java.time.Instant;
import java.util.List;

/** Who of the support staff is at their console now, for managers; reads only. */
public interface StaffPresenceQueries {

    /**
     * Operators whose console is reachable now (open and heard from within the silence limit), with the
     * status they chose and how many sessions each holds; by user name. One query.
     */
    List<OnlineOperator> onlineNow();

    /** @param heldSessions sessions assigned to them and not closed */
    record OnlineOperator(String username, PresenceStatus status, Instant lastSeenAt, long heldSessions) {
    }
}
