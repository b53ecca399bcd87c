package org.supporthub.routing.application;

import org.supporthub.routing.domain.model.operator.PresenceStatus;

/** Operators' presence as their consoles report it, shared by all hub instances through the database. */
public interface OperatorPresenceService {

    /** A console of the operator spoke (hello, ping, any frame). */
    void seen(String operator);

    /** The operator's last console socket on this instance closed. */
    void disconnected(String operator);

    void changeStatus(String operator, PresenceStatus status);

    PresenceStatus status(String operator);
}
