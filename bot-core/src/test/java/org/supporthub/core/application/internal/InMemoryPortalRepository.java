package org.supporthub.core.application.internal;

import org.supporthub.core.domain.model.portal.Portal;
import org.supporthub.core.domain.model.portal.PortalRepository;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A portal registry in a map: stores the entity itself, as a managed JPA entity would behave. */
class InMemoryPortalRepository implements PortalRepository {

    final Map<String, Portal> portals = new LinkedHashMap<>();

    @Override
    public Optional<Portal> find(String portalId) {
        return Optional.ofNullable(portals.get(portalId));
    }

    @Override
    public void store(Portal portal) {
        if (portals.putIfAbsent(portal.id(), portal) != null) {
            throw new IllegalStateException("duplicate portal id " + portal.id());
        }
    }

    @Override
    public boolean existsWithOrigin(String origin) {
        return portals.values().stream().anyMatch(p -> p.widgetOrigin().equals(origin));
    }

    final java.util.Map<String, java.time.Instant> heartbeats = new java.util.HashMap<>();

    @Override
    public void recordHeartbeat(String portalId, java.time.Instant at) {
        heartbeats.put(portalId, at);
    }

    @Override
    public java.util.List<String> recheckCandidates() {
        throw new UnsupportedOperationException("not used by these tests");
    }
}
