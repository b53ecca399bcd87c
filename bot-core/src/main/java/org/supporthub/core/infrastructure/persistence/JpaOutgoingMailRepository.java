package org.supporthub.core.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.supporthub.core.domain.model.mail.MailStatus;
import org.supporthub.core.domain.model.mail.OutgoingMail;
import org.supporthub.core.domain.model.mail.OutgoingMailRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
// Every call in a transaction (docs/architecture.md, "Entity managers"); enqueue joins its cause's.
@Transactional
public class JpaOutgoingMailRepository implements OutgoingMailRepository {

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Override
    public boolean storeOnce(OutgoingMail mail) {
        // Callers hold the row lock of what causes the mail (the session), so a check then insert is safe;
        // the unique key on cause stays the last guard.
        boolean exists = !em.createQuery("select m.id from OutgoingMail m where m.cause = :cause", String.class)
                .setParameter("cause", mail.cause()).setMaxResults(1).getResultList().isEmpty();
        if (exists) {
            return false;
        }
        em.persist(mail);
        return true;
    }

    @Override
    public List<OutgoingMail> claimDue(Instant now, Instant leaseUntil, int limit) {
        List<OutgoingMail> due = em.createQuery("select m from OutgoingMail m where m.status = :pending"
                        + " and m.nextAttemptAt <= :now order by m.createdAt", OutgoingMail.class)
                .setParameter("pending", MailStatus.PENDING).setParameter("now", now)
                .setMaxResults(limit).getResultList();
        if (due.isEmpty()) {
            return due;
        }
        em.createQuery("update OutgoingMail m set m.nextAttemptAt = :lease where m.id in :ids"
                        + " and m.status = :pending")
                .setParameter("lease", leaseUntil).setParameter("ids", due.stream().map(OutgoingMail::id).toList())
                .setParameter("pending", MailStatus.PENDING).executeUpdate();
        return due;
    }

    @Override
    public List<OutgoingMail> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select m from OutgoingMail m where m.id in :ids", OutgoingMail.class)
                .setParameter("ids", ids).getResultList();
    }

    @Override
    public List<OutgoingMail> latest(int limit) {
        return em.createQuery("select m from OutgoingMail m order by m.createdAt desc", OutgoingMail.class)
                .setMaxResults(limit).getResultList();
    }

    @Override
    public long pendingCount() {
        return em.createQuery("select count(m) from OutgoingMail m where m.status = :pending", Long.class)
                .setParameter("pending", MailStatus.PENDING).getSingleResult();
    }
}
