package org.supporthub.activation.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.supporthub.activation.domain.model.ActivationReport;
import org.supporthub.activation.domain.model.ActivationReportRepository;

import java.util.Optional;

@ApplicationScoped
// Every call in a transaction: outside one, the container's entity manager is not safe to share between
// threads (docs/architecture.md, "Entity managers").
@Transactional
public class JpaActivationReportRepository implements ActivationReportRepository {

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Override
    public void store(ActivationReport report) {
        em.persist(report);
    }

    @Override
    public Optional<ActivationReport> latest(String portalId) {
        return em.createQuery("select r from ActivationReport r where r.portalId = :p order by r.finishedAt desc",
                        ActivationReport.class)
                .setParameter("p", portalId).setMaxResults(1).getResultStream().findFirst();
    }
}
