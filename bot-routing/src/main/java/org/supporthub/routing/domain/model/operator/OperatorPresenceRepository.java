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
}
