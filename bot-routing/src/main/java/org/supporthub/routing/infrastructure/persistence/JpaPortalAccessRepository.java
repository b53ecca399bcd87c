package org.supporthub.routing.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.supporthub.routing.domain.model.session.PortalAccess;
import org.supporthub.routing.domain.model.session.PortalAccessRepository;

import java.time.Instant;

@ApplicationScoped
// Every call in a transaction: outside one, the container's entity manager is not safe to share between
// threads (docs/architecture.md, "Entity managers").
@Transactional
public class JpaPortalAccessRepository implements PortalAccessRepository {

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Override
    public void granted(String portalId, String operator, Instant at) {
        // The caller holds the session's row lock, and one operator accepts one session at a time (their
        // presence row is locked too), so two inserts of the same pair cannot race.
        if (em.find(PortalAccess.class, new PortalAccess.Key(portalId, operator)) == null) {
            em.persist(new PortalAccess(portalId, operator, at));
        }
    }

    @Override
    public boolean has(String portalId, String operator) {
        return em.find(PortalAccess.class, new PortalAccess.Key(portalId, operator)) != null;
    }
}
