package org.supporthub.routing.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.supporthub.routing.domain.model.operator.OperatorPresence;
import org.supporthub.routing.domain.model.operator.OperatorPresenceRepository;

import java.util.List;
import org.supporthub.routing.domain.model.SupportSessionState;
import java.util.Optional;

@ApplicationScoped
// Every call in a transaction: outside one, the container's entity manager is not safe to share between
// threads (docs/architecture.md, "Entity managers").
@Transactional
public class JpaOperatorPresenceRepository implements OperatorPresenceRepository {

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Override
    public Optional<OperatorPresence> find(String username) {
        return Optional.ofNullable(em.find(OperatorPresence.class, username));
    }

    @Override
    public Optional<OperatorPresence> findForUpdate(String username) {
        OperatorPresence p = em.find(OperatorPresence.class, username, LockModeType.PESSIMISTIC_WRITE);
        if (p != null) {
            em.refresh(p, LockModeType.PESSIMISTIC_WRITE);
        }
        return Optional.ofNullable(p);
    }

    @Override
    public void store(OperatorPresence presence) {
        em.persist(presence);
        em.flush();
    }

    @Override
    public List<OperatorPresence> all() {
        return em.createQuery("select p from OperatorPresence p order by p.username", OperatorPresence.class)
                .getResultList();
    }

    @Override
    public List<PresenceLoad> connectedSince(java.time.Instant seenAfter) {
        // The count is a correlated sub-select (EclipseLink allows one in SELECT): one query for everyone.
        return em.createQuery("select p, (select count(s) from SupportSession s where s.operator = p.username"
                        + " and s.state in :held) from OperatorPresence p where p.disconnectedAt is null"
                        + " and p.lastSeenAt > :seen order by p.username", Object[].class)
                .setParameter("held", List.of(SupportSessionState.ASSIGNED, SupportSessionState.ANSWERED))
                .setParameter("seen", seenAfter).getResultStream()
                .map(row -> new PresenceLoad((OperatorPresence) row[0], ((Number) row[1]).longValue())).toList();
    }
}
