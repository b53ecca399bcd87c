package org.supporthub.core.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.supporthub.core.domain.model.staff.RevokedStaffToken;
import org.supporthub.core.domain.model.staff.RevokedStaffTokenRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

@ApplicationScoped
// Every call in a transaction: outside one, the container's entity manager is not safe to share between
// threads (docs/architecture.md, "Entity managers").
@Transactional
public class JpaRevokedStaffTokenRepository implements RevokedStaffTokenRepository {

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Override
    public void revoke(RevokedStaffToken token) {
        if (em.find(RevokedStaffToken.class, token.tokenId()) == null) {
            em.persist(token);
        }
    }

    @Override
    public boolean isRevoked(String tokenId) {
        return em.find(RevokedStaffToken.class, tokenId) != null;
    }

    @Override
    public Set<String> revokedAmong(Collection<String> tokenIds) {
        if (tokenIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(em.createQuery("select t.tokenId from RevokedStaffToken t where t.tokenId in :ids", String.class)
                .setParameter("ids", List.copyOf(tokenIds)).getResultList());
    }

    @Override
    public int purgeExpired(Instant now) {
        return em.createQuery("delete from RevokedStaffToken t where t.expiresAt < :now").setParameter("now", now)
                .executeUpdate();
    }
}
