package org.supporthub.routing.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.supporthub.routing.domain.model.session.TriageModelVersion;

import java.sql.Timestamp;
import java.time.Clock;

/** The one-row table {@code triage_model}: read directly, never from a cache another instance may have outdated. */
@ApplicationScoped
// Every call in a transaction: outside one, the container's entity manager is not safe to share between
// threads (docs/architecture.md, "Entity managers").
@Transactional
public class JpaTriageModelVersion implements TriageModelVersion {

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Override
    public long current() {
        return ((Number) em.createNativeQuery("select version from triage_model where id = 1").getSingleResult())
                .longValue();
    }

    @Override
    public long advance() {
        // One update statement: two instances accepting at once each get their own increment (the row lock).
        em.createNativeQuery("update triage_model set version = version + 1, changed_at = ? where id = 1")
                .setParameter(1, Timestamp.from(Clock.systemUTC().instant())).executeUpdate();
        return current();
    }
}
