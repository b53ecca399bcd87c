package org.supporthub.activation.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.supporthub.activation.domain.model.ActivationRun;
import org.supporthub.activation.domain.model.ActivationRunRepository;
import org.supporthub.core.domain.model.bot.BotState;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@ApplicationScoped
// Every call in a transaction: outside one, the container's entity manager is not safe to share between
// threads (docs/architecture.md, "Entity managers").
@Transactional
public class JpaActivationRunRepository implements ActivationRunRepository {

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Override
    public Optional<ActivationRun> find(String portalId) {
        return Optional.ofNullable(em.find(ActivationRun.class, portalId));
    }

    @Override
    public void start(ActivationRun run) {
        ActivationRun leftOver = em.find(ActivationRun.class, run.portalId());
        if (leftOver == null) {
            em.persist(run);
        } else {
            // Updated in place: a delete and an insert of the same key in one transaction may be flushed
            // insert first.
            leftOver.replaceWith(run);
        }
    }

    @Override
    public void remove(ActivationRun run) {
        em.remove(em.contains(run) ? run : em.find(ActivationRun.class, run.portalId()));
    }

    @Override
    public List<String> suspectPortals(Instant deadlineBefore) {
        // Few rows (the activations running now, on every instance): filtered here, not by the database.
        Set<String> ids = new LinkedHashSet<>();
        em.createQuery("select r from ActivationRun r", ActivationRun.class).getResultList().stream()
                .filter(r -> r.deadlineAt().isBefore(deadlineBefore)).forEach(r -> ids.add(r.portalId()));
        ids.addAll(em.createQuery("select p.id from Portal p where p.botState = :activating and not exists "
                        + "(select r from ActivationRun r where r.portalId = p.id)", String.class)
                .setParameter("activating", BotState.ACTIVATING).getResultList());
        return List.copyOf(ids);
    }
}
