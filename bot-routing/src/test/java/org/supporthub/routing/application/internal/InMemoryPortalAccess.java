package org.supporthub.routing.application.internal;

import org.supporthub.routing.domain.model.session.PortalAccessRepository;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

final class InMemoryPortalAccess implements PortalAccessRepository {

    final Set<String> pairs = new HashSet<>();

    @Override
    public void granted(String portalId, String operator, Instant at) {
        pairs.add(portalId + "|" + operator);
    }

    @Override
    public boolean has(String portalId, String operator) {
        return pairs.contains(portalId + "|" + operator);
    }
}
