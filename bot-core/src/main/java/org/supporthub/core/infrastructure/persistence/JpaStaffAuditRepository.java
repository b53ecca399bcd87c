package org.supporthub.core.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.supporthub.core.domain.model.staff.StaffAuditEntry;
import org.supporthub.core.domain.model.staff.StaffAuditRepository;

import java.util.List;

@ApplicationScoped
// Every call in a transaction: outside one, the container's entity manager is not safe to share between
// threads (docs/architecture.md, "Entity managers").
@Transactional
public class JpaStaffAuditRepository implements StaffAuditRepository {

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Override
    public void record(StaffAuditEntry entry) {
        em.persist(entry);
    }

    @Override
    public List<StaffAuditEntry> newest(int offset, int limit) {
        return em.createQuery("select e from StaffAuditEntry e order by e.at desc, e.id desc", StaffAuditEntry.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long count() {
        return em.createQuery("select count(e) from StaffAuditEntry e", Long.class).getSingleResult();
    }
}
