package org.supporthub.routing.application.internal;

import org.supporthub.routing.domain.model.operator.OperatorPresence;
import org.supporthub.routing.domain.model.operator.OperatorPresenceRepository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Operators' presence rows in a map; lookups hand out the stored instance. */
final class InMemoryPresence implements OperatorPresenceRepository {

    private final Map<String, OperatorPresence> byUsername = new LinkedHashMap<>();

    @Override
    public Optional<OperatorPresence> find(String username) {
        return Optional.ofNullable(byUsername.get(username));
    }

    @Override
    public Optional<OperatorPresence> findForUpdate(String username) {
        return find(username);
    }

    @Override
    public void store(OperatorPresence presence) {
        byUsername.put(presence.username(), presence);
    }

    @Override
    public List<OperatorPresence> all() {
        return new ArrayList<>(byUsername.values());
    }
}
