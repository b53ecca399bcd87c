package org.supporthub.routing.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.supporthub.routing.domain.model.session.TriageCorrection;
import org.supporthub.routing.domain.model.session.TriageCorrectionRepository;

import java.util.List;

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
}
