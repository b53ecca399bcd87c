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
    /** How many sessions each operator holds, for {@link #connectedSince}; the database counts them there. */
    java.util.function.ToLongFunction<String> heldSessions = username -> 0;

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

    @Override
    public List<PresenceLoad> connectedSince(java.time.Instant seenAfter) {
        return byUsername.values().stream()
                .filter(p -> p.disconnectedAt().isEmpty() && p.lastSeenAt().isAfter(seenAfter))
                .sorted(java.util.Comparator.comparing(OperatorPresence::username))
                .map(p -> new PresenceLoad(p, heldSessions.applyAsLong(p.username()))).toList();
    }
}
