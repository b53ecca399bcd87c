package org.supporthub.core.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.supporthub.core.domain.model.staff.StaffAccount;
import org.supporthub.core.domain.model.staff.StaffAccountRepository;

import java.util.Optional;

@ApplicationScoped
public class JpaStaffAccountRepository implements StaffAccountRepository {

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Override
    public Optional<StaffAccount> findByUsername(String username) {
        return em.createQuery("select a from StaffAccount a where a.username = :u", StaffAccount.class)
                .setParameter("u", username).getResultStream().findFirst();
    }

    @Override
    public void store(StaffAccount account) {
        em.persist(account);
    }
}
