package org.supporthub.routing.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.supporthub.routing.domain.model.SupportSessionState;
import org.supporthub.routing.domain.model.session.SupportSession;
import org.supporthub.routing.domain.model.session.SupportSessionRepository;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaSupportSessionRepository implements SupportSessionRepository {

    private static final List<SupportSessionState> UNASSIGNED =
            List.of(SupportSessionState.WAITING, SupportSessionState.OFFERED);

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Override
    public Optional<SupportSession> find(String id) {
        return Optional.ofNullable(em.find(SupportSession.class, id));
    }

    @Override
    public Optional<SupportSession> findForUpdate(String id) {
        SupportSession s = em.find(SupportSession.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (s != null) {
            // Another instance may have moved it since this persistence context first read it.
            em.refresh(s, LockModeType.PESSIMISTIC_WRITE);
        }
        return Optional.ofNullable(s);
    }

    @Override
    public void store(SupportSession session) {
        em.persist(session);
        em.flush();
    }

    @Override
    public Optional<SupportSession> openOfConversation(String conversationId) {
        return em.createQuery("select s from SupportSession s where s.openKey = :c", SupportSession.class)
                .setParameter("c", conversationId).getResultStream().findFirst();
    }

    @Override
    public Optional<SupportSession> latestOfConversation(String conversationId) {
        return em.createQuery("select s from SupportSession s where s.conversationId = :c "
                        + "order by s.askedAt desc, s.id desc", SupportSession.class)
                .setParameter("c", conversationId).setMaxResults(1).getResultStream().findFirst();
    }

    @Override
    public List<SupportSession> unassignedInChannel(String channelId) {
        return em.createQuery("select s from SupportSession s where s.channelId = :c and s.state in :states "
                        + "order by s.askedAt, s.id", SupportSession.class)
                .setParameter("c", channelId).setParameter("states", UNASSIGNED).getResultList();
    }

    @Override
    public List<SupportSession> allOpen() {
        return em.createQuery("select s from SupportSession s where s.openKey is not null order by s.askedAt, s.id",
                SupportSession.class).getResultList();
    }

    @Override
    public List<SupportSession> ownedBy(String operator) {
        return em.createQuery("select s from SupportSession s where s.operator = :o and s.state in :states "
                        + "order by s.askedAt, s.id", SupportSession.class).setParameter("o", operator)
                .setParameter("states", List.of(SupportSessionState.ASSIGNED, SupportSessionState.ANSWERED))
                .getResultList();
    }

    @Override
    public List<SupportSession> ofPortal(String portalId) {
        return em.createQuery("select s from SupportSession s where s.portalId = :p order by s.askedAt, s.id",
                SupportSession.class).setParameter("p", portalId).getResultList();
    }
}
