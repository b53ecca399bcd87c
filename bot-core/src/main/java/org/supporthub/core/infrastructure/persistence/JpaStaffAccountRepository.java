package org.supporthub.core.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.supporthub.core.domain.model.staff.StaffAccount;
import org.supporthub.core.domain.model.staff.StaffAccountRepository;
import org.supporthub.core.domain.model.staff.StaffRole;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
// Every call in a transaction: outside one, the container's entity manager is not safe to share between
// threads (docs/architecture.md, "Entity managers").
@Transactional
public class JpaStaffAccountRepository implements StaffAccountRepository {

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Override
    public Optional<StaffAccount> findByUsername(String username) {
        return em.createQuery("select a from StaffAccount a where a.username = :u", StaffAccount.class)
                .setParameter("u", username).getResultStream().findFirst();
    }

    @Override
    public Optional<StaffAccount> find(String id) {
        return Optional.ofNullable(em.find(StaffAccount.class, id));
    }

    @Override
    public List<StaffAccount> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select a from StaffAccount a where a.id in :ids", StaffAccount.class)
                .setParameter("ids", List.copyOf(ids)).getResultList();
    }

    @Override
    public List<StaffAccount> list(int offset, int limit) {
        return em.createQuery("select a from StaffAccount a order by a.username", StaffAccount.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public void store(StaffAccount account) {
        em.persist(account);
    }

    @Override
    public void remove(StaffAccount account) {
        em.remove(em.contains(account) ? account : em.merge(account));
    }

    @Override
    public boolean anyWithRole(StaffRole role) {
        // Roles are kept as a short comma-separated list; match the name as a whole element of it.
        return em.createQuery("select a.roles from StaffAccount a", String.class).getResultStream()
                .anyMatch(roles -> Arrays.asList(roles.split(",")).contains(role.roleName()));
    }

    @Override
    public long countEnabledWithRole(StaffRole role) {
        return em.createQuery("select a.roles from StaffAccount a where a.enabled = true", String.class)
                .getResultStream().filter(roles -> Arrays.asList(roles.split(",")).contains(role.roleName())).count();
    }
}
