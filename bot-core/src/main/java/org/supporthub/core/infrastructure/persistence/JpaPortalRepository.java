package org.supporthub.core.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.supporthub.core.domain.model.portal.Portal;
import org.supporthub.core.domain.model.portal.PortalRepository;

import java.util.Optional;

@ApplicationScoped
// Every call in a transaction: outside one, the container's entity manager is not safe to share between
// threads (docs/architecture.md, "Entity managers").
@Transactional
public class JpaPortalRepository implements PortalRepository {

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Override
    public Optional<Portal> find(String portalId) {
        return Optional.ofNullable(em.find(Portal.class, portalId));
    }

    @Override
    public void store(Portal portal) {
        em.persist(portal);
    }

    @Override
    public java.util.List<String> recheckCandidates() {
        return em.createQuery("select p.id from Portal p where p.botState = :connected or p.disconnectedByRecheck = true"
                        + " or (p.verifiedAddress is not null and p.verifiedAddress <> p.publicAddress)",
                String.class).setParameter("connected", org.supporthub.core.domain.model.bot.BotState.CONNECTED)
                .getResultList();
    }

    @Override
    public void recordHeartbeat(String portalId, java.time.Instant at) {
        em.createQuery("update Portal p set p.lastHeartbeatAt = :at where p.id = :id")
                .setParameter("at", at).setParameter("id", portalId).executeUpdate();
    }

    @Override
    public boolean existsWithOrigin(String origin) {
        return !em.createQuery("select p.id from Portal p where p.verifiedOrigin = :origin"
                + " or (p.verifiedOrigin is null and p.publicOrigin = :origin)", String.class)
                .setParameter("origin", origin).setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    public java.util.List<Portal> withSecretNotSealedAs(String prefix) {
        // The prefix is the hub's own constant ("v2:"): no LIKE wildcards in it to escape.
        return em.createQuery("select p from Portal p where p.secretSealed not like :prefix", Portal.class)
                .setParameter("prefix", prefix + "%").getResultList();
    }

    @Override
    public boolean replaceSealedSecret(String portalId, String expected, String sealed) {
        return em.createQuery("update Portal p set p.secretSealed = :sealed where p.id = :id and p.secretSealed = :expected")
                .setParameter("sealed", sealed).setParameter("id", portalId).setParameter("expected", expected)
                .executeUpdate() == 1;
    }
}
