package org.supporthub.core.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.supporthub.core.domain.model.staff.StaffAccount;
import org.supporthub.core.domain.model.staff.StaffAccountRepository;
import org.supporthub.core.domain.model.staff.StaffRole;

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

    @Override
    public boolean anyWithRole(StaffRole role) {
        // Roles are kept as a short comma-separated list; match the name as a whole element of it.
        return em.createQuery("select a.roles from StaffAccount a", String.class).getResultStream()
                .anyMatch(roles -> java.util.Arrays.asList(roles.split(",")).contains(role.roleName()));
    }
}
