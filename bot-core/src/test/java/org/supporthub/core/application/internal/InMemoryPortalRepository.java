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

    /** Sealed secrets replaced by {@link #replaceSealedSecret}, by portal id: what the bulk update wrote. */
    final Map<String, String> replacedSealedSecrets = new LinkedHashMap<>();

    private String sealedSecret(Portal p) {
        return replacedSealedSecrets.getOrDefault(p.id(), p.secretSealed());
    }

    @Override
    public java.util.List<Portal> withSecretNotSealedAs(String prefix) {
        return portals.values().stream().filter(p -> !sealedSecret(p).startsWith(prefix)).toList();
    }

    @Override
    public boolean replaceSealedSecret(String portalId, String expected, String sealed) {
        Portal p = portals.get(portalId);
        if (p == null || !sealedSecret(p).equals(expected)) {
            return false;
        }
        replacedSealedSecrets.put(portalId, sealed);
        return true;
    }
}
