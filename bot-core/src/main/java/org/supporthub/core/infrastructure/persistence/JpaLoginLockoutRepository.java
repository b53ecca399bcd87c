package org.supporthub.core.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.supporthub.core.domain.model.staff.LoginLockout;
import org.supporthub.core.domain.model.staff.LoginLockoutRepository;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
// Every call in a transaction: outside one, the container's entity manager is not safe to share between
// threads (docs/architecture.md, "Entity managers").
@Transactional
public class JpaLoginLockoutRepository implements LoginLockoutRepository {

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Override
    public Optional<LoginLockout> find(String username) {
        return Optional.ofNullable(em.find(LoginLockout.class, username));
    }

    @Override
    public void store(LoginLockout lockout) {
        if (!em.contains(lockout)) {
            em.persist(lockout);
        }
    }

    @Override
    public boolean remove(String username) {
        return em.createQuery("delete from LoginLockout l where l.username = :u")
                .setParameter("u", username).executeUpdate() > 0;
    }

    @Override
    public List<LoginLockout> locked(int limit) {
        return em.createQuery("select l from LoginLockout l where l.lockedAt is not null order by l.lockedAt desc",
                LoginLockout.class).setMaxResults(limit).getResultList();
    }
}
