package org.supporthub.routing.application.internal;

import org.supporthub.core.domain.model.portal.Portal;
import org.supporthub.core.domain.model.portal.PortalRepository;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Portals in a map; routing only looks them up. */
final class InMemoryPortals implements PortalRepository {

    private final Map<String, Portal> byId = new LinkedHashMap<>();

    @Override
    public Optional<Portal> find(String portalId) {
        return Optional.ofNullable(byId.get(portalId));
    }

    @Override
    public void store(Portal portal) {
        byId.put(portal.id(), portal);
    }

    @Override
    public List<String> recheckCandidates() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void recordHeartbeat(String portalId, Instant at) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean existsWithOrigin(String origin) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Portal> withSecretNotSealedAs(String prefix) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean replaceSealedSecret(String portalId, String expected, String sealed) {
        throw new UnsupportedOperationException();
    }
}
