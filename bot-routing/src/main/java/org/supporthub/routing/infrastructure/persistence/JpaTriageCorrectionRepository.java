package org.supporthub.routing.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.supporthub.routing.domain.model.session.CorrectionStatus;
import org.supporthub.routing.domain.model.session.TriageCorrection;
import org.supporthub.routing.domain.model.session.TriageCorrectionRepository;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
// Every call in a transaction: outside one, the container's entity manager is not safe to share between
// threads (docs/architecture.md, "Entity managers").
@Transactional
public class JpaTriageCorrectionRepository implements TriageCorrectionRepository {

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Override
    public void store(TriageCorrection correction) {
        em.persist(correction);
    }

    @Override
    public List<TriageCorrection> all() {
        return em.createQuery("select c from TriageCorrection c order by c.createdAt", TriageCorrection.class)
                .getResultList();
    }

    @Override
    public Optional<TriageCorrection> find(String id) {
        return Optional.ofNullable(em.find(TriageCorrection.class, id));
    }

    @Override
    public Optional<TriageCorrection> findForUpdate(String id) {
        TriageCorrection c = em.find(TriageCorrection.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (c != null) {
            // The shared cache may hold a state from before another instance's decision.
            em.refresh(c, LockModeType.PESSIMISTIC_WRITE);
        }
        return Optional.ofNullable(c);
    }

    @Override
    public List<TriageCorrection> list(CorrectionStatus status, int offset, int limit) {
        return em.createQuery("select c from TriageCorrection c where (:s is null or c.status = :s)"
                        + " order by c.createdAt desc, c.id", TriageCorrection.class)
                .setParameter("s", status).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long count(CorrectionStatus status) {
        return em.createQuery("select count(c) from TriageCorrection c where (:s is null or c.status = :s)", Long.class)
                .setParameter("s", status).getSingleResult();
    }

    @Override
    public List<TriageCorrection> accepted() {
        return em.createQuery("select c from TriageCorrection c where c.status = :s order by c.decidedAt, c.id",
                TriageCorrection.class).setParameter("s", CorrectionStatus.ACCEPTED).getResultList();
    }

    @Override
    public Optional<TriageCorrection> firstFor(String sessionId) {
        return em.createQuery("select c from TriageCorrection c where c.sessionId = :s order by c.createdAt, c.id",
                TriageCorrection.class).setParameter("s", sessionId).setMaxResults(1).getResultStream().findFirst();
    }
}
