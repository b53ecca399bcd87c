package org.supporthub.core.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.supporthub.core.domain.model.conversation.ChatMessage;
import org.supporthub.core.domain.model.conversation.Conversation;
import org.supporthub.core.domain.model.conversation.ConversationRepository;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
// Every call in a transaction: outside one, the container's entity manager is not safe to share between
// threads (docs/architecture.md, "Entity managers").
@Transactional
public class JpaConversationRepository implements ConversationRepository {

    @PersistenceContext(unitName = "hub")
    EntityManager em;

    @Override
    public Optional<Conversation> find(String conversationId) {
        return Optional.ofNullable(em.find(Conversation.class, conversationId));
    }

    @Override
    public Optional<Conversation> findByUser(String portalId, String userId) {
        return em.createQuery("select c from Conversation c where c.portalId = :portal and c.userId = :user",
                        Conversation.class)
                .setParameter("portal", portalId).setParameter("user", userId)
                .getResultStream().findFirst();
    }

    @Override
    public Optional<Conversation> findForUpdate(String conversationId) {
        return Optional.ofNullable(em.find(Conversation.class, conversationId, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public void store(Conversation conversation) {
        em.persist(conversation);
        // Now, before any of its messages: messages name their conversation by id, not by a mapped
        // relation, so the provider would not know to insert the conversation first.
        em.flush();
    }

    @Override
    public void delete(String conversationId) {
        em.createQuery("delete from ChatMessage m where m.conversationId = :c").setParameter("c", conversationId)
                .executeUpdate();
        em.createQuery("delete from Conversation c where c.id = :c").setParameter("c", conversationId).executeUpdate();
    }

    @Override
    public void append(ChatMessage message) {
        em.persist(message);
        // Flush now so that a unique-key clash surfaces here, inside the caller's transaction.
        em.flush();
    }

    @Override
    public List<Conversation> lockAll(java.util.Collection<String> conversationIds) {
        if (conversationIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select c from Conversation c where c.id in :ids order by c.id", Conversation.class)
                .setParameter("ids", List.copyOf(conversationIds))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    @Override
    public List<ChatMessage> findByClientMsgIds(java.util.Collection<String> conversationIds,
                                                java.util.Collection<String> clientMsgIds) {
        if (conversationIds.isEmpty() || clientMsgIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select m from ChatMessage m where m.conversationId in :c and m.clientMsgId in :ids",
                        ChatMessage.class)
                .setParameter("c", List.copyOf(conversationIds)).setParameter("ids", List.copyOf(clientMsgIds))
                .getResultList();
    }

    @Override
    public void appendAll(List<ChatMessage> messages) {
        messages.forEach(em::persist);
        em.flush();
    }

    @Override
    public List<ChatMessage> messagesAfter(String conversationId, long afterSeq, int limit) {
        return em.createQuery("select m from ChatMessage m where m.conversationId = :c and m.seq > :after "
                        + "order by m.seq", ChatMessage.class)
                .setParameter("c", conversationId).setParameter("after", afterSeq)
                .setMaxResults(limit).getResultList();
    }

    @Override
    public List<Conversation> conversationsOf(String portalId) {
        return em.createQuery("select c from Conversation c where c.portalId = :portal order by c.createdAt",
                        Conversation.class)
                .setParameter("portal", portalId).getResultList();
    }

    @Override
    public void questionRouted(String conversationId, long seq) {
        em.createQuery("update ChatMessage m set m.awaitingRouting = null where m.conversationId = :c and m.seq = :s")
                .setParameter("c", conversationId).setParameter("s", seq).executeUpdate();
    }

    @Override
    public List<org.supporthub.core.domain.model.conversation.AwaitingQuestion> awaitingRouting(
            java.time.Instant storedBefore, int limit) {
        return em.createQuery("select c.portalId, m from ChatMessage m, Conversation c where m.conversationId = c.id "
                        + "and m.awaitingRouting is not null and m.createdAt < :before order by m.createdAt",
                        Object[].class)
                .setParameter("before", storedBefore).setMaxResults(limit).getResultList().stream()
                .map(row -> new org.supporthub.core.domain.model.conversation.AwaitingQuestion((String) row[0],
                        (ChatMessage) row[1]))
                .toList();
    }

    @Override
    public List<Conversation> conversationsOf(String portalId, int offset, int limit) {
        return em.createQuery("select c from Conversation c where c.portalId = :portal order by c.createdAt, c.id",
                        Conversation.class)
                .setParameter("portal", portalId).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public List<ChatMessage> messagesBefore(String conversationId, long beforeSeq, int limit) {
        List<ChatMessage> newestFirst = em.createQuery("select m from ChatMessage m where m.conversationId = :c "
                        + "and m.seq < :before order by m.seq desc", ChatMessage.class)
                .setParameter("c", conversationId).setParameter("before", beforeSeq)
                .setMaxResults(limit).getResultList();
        List<ChatMessage> ordered = new java.util.ArrayList<>(newestFirst);
        java.util.Collections.reverse(ordered);
        return ordered;
    }

    @Override
    public List<ChatMessage> latestMessages(java.util.Collection<String> conversationIds, int perConversation) {
        if (conversationIds.isEmpty()) {
            return List.of();
        }
        // Sequence numbers are gap-free per conversation, so "the last n" is "seq above lastSeq - n": one
        // query for the whole page, each conversation's window read through the (conversation, seq) key.
        return em.createQuery("select m from ChatMessage m, Conversation c where m.conversationId = c.id "
                        + "and c.id in :ids and m.seq > c.lastSeq - :n order by m.conversationId, m.seq",
                        ChatMessage.class)
                .setParameter("ids", List.copyOf(conversationIds)).setParameter("n", (long) perConversation)
                .getResultList();
    }

    @Override
    public java.util.Map<String, Long> lastSeqs(java.util.Collection<String> conversationIds) {
        java.util.Map<String, Long> last = new java.util.HashMap<>();
        List<String> ids = List.copyOf(conversationIds);
        // In slices, so that the IN list stays within what every database accepts.
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> slice = ids.subList(from, Math.min(ids.size(), from + 500));
            em.createQuery("select c.id, c.lastSeq from Conversation c where c.id in :ids", Object[].class)
                    .setParameter("ids", slice).getResultList()
                    .forEach(row -> last.put((String) row[0], ((Number) row[1]).longValue()));
        }
        return last;
    }

    @Override
    public java.util.Map<String, String> userNames(java.util.Collection<String> conversationIds) {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        List<String> ids = List.copyOf(conversationIds);
        // One read per slice of ids, not one per conversation: a console lists every queued session.
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> slice = ids.subList(from, Math.min(ids.size(), from + 500));
            em.createQuery("select c.id, c.userName from Conversation c where c.id in :ids", Object[].class)
                    .setParameter("ids", slice).getResultList()
                    .forEach(row -> names.put((String) row[0], (String) row[1]));
        }
        return names;
    }
}
