package org.supporthub.routing.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.supporthub.routing.domain.model.SupportSessionState;
import org.supporthub.routing.domain.model.session.SupportSession;
import org.supporthub.routing.domain.model.session.SupportSessionRepository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
// Every call in a transaction: outside one, the container's entity manager is not safe to share between
// threads (docs/architecture.md, "Entity managers").
@Transactional
public class JpaSupportSessionRepository implements SupportSessionRepository {

    private static final List<SupportSessionState> UNASSIGNED =
            List.of(SupportSessionState.WAITING, SupportSessionState.OFFERED);
    private static final List<SupportSessionState> ENGAGED =
            List.of(SupportSessionState.OFFERED, SupportSessionState.ASSIGNED, SupportSessionState.ANSWERED);
    /** Ids per IN list: well inside every database's limit on bind parameters. */
    private static final int CHUNK = 500;

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Override
    public void deleteOfConversation(String conversationId) {
        // Native: the offers are an element collection and the corrections another aggregate; one statement each.
        for (String sql : new String[]{
                "delete from triage_correction where session_id in (select id from support_session where conversation_id = ?)",
                "delete from support_session_offer where session_id in (select id from support_session where conversation_id = ?)",
                "delete from support_session where conversation_id = ?"}) {
            em.createNativeQuery(sql).setParameter(1, conversationId).executeUpdate();
        }
    }

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
    public List<SupportSession> heldBy(String conversationId, String operator) {
        return em.createQuery("select s from SupportSession s where s.conversationId = :c and s.operator = :o "
                        + "order by s.askedAt, s.id", SupportSession.class)
                .setParameter("c", conversationId).setParameter("o", operator).getResultList();
    }

    @Override
    public List<SupportSession> unassignedInChannel(String channelId) {
        return batched(em.createQuery("select s from SupportSession s where s.channelId = :c and s.state in :states "
                        + "order by s.askedAt, s.id", SupportSession.class))
                .setParameter("c", channelId).setParameter("states", UNASSIGNED).getResultList();
    }

    @Override
    public List<SupportSession> allOpen() {
        return batched(em.createQuery("select s from SupportSession s where s.openKey is not null "
                + "order by s.askedAt, s.id", SupportSession.class)).getResultList();
    }

    @Override
    public List<QueueEntry> queueOf(String channelId) {
        // Two columns, no entities: cheap even for a queue of thousands (index support_session_queue_idx).
        return em.createQuery("select s.id, s.conversationId from SupportSession s where s.channelId = :c "
                        + "and s.state in :states and s.held = false order by s.askedAt, s.id", Object[].class)
                .setParameter("c", channelId).setParameter("states", UNASSIGNED).getResultStream()
                .map(row -> new QueueEntry((String) row[0], (String) row[1])).toList();
    }

    @Override
    public List<SupportSession> openOfConversations(Collection<String> conversationIds) {
        List<String> ids = List.copyOf(conversationIds);
        List<SupportSession> found = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            found.addAll(batched(em.createQuery("select s from SupportSession s where s.openKey in :ids",
                            SupportSession.class))
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK))).getResultList());
        }
        return found;
    }

    @Override
    public List<SupportSession> engaged() {
        return batched(em.createQuery("select s from SupportSession s where s.state in :states "
                + "order by s.askedAt, s.id", SupportSession.class)).setParameter("states", ENGAGED).getResultList();
    }

    /**
     * Reads the offers of all the listed sessions in one further query: an eager element collection is
     * otherwise read with one query per session, which a long queue makes expensive.
     */
    private static <T> TypedQuery<T> batched(TypedQuery<T> query) {
        return query.setHint("eclipselink.batch", "s.offeredTo").setHint("eclipselink.batch.type", "IN")
                .setHint("eclipselink.batch.size", String.valueOf(CHUNK));
    }

    @Override
    public List<SupportSession> ownedBy(String operator) {
        return batched(em.createQuery("select s from SupportSession s where s.operator = :o and s.state in :states "
                        + "order by s.askedAt, s.id", SupportSession.class)).setParameter("o", operator)
                .setParameter("states", List.of(SupportSessionState.ASSIGNED, SupportSessionState.ANSWERED))
                .getResultList();
    }

    @Override
    public List<SupportSession> ofPortal(String portalId) {
        return em.createQuery("select s from SupportSession s where s.portalId = :p order by s.askedAt, s.id",
                SupportSession.class).setParameter("p", portalId).getResultList();
    }

    @Override
    public List<SupportSession> latestOfPortal(String portalId, int limit) {
        return em.createQuery("select s from SupportSession s where s.portalId = :p order by s.askedAt desc, s.id desc",
                SupportSession.class).setParameter("p", portalId).setMaxResults(limit).getResultList();
    }
}
