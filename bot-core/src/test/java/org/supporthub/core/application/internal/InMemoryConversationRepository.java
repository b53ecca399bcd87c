package org.supporthub.core.application.internal;

import org.supporthub.core.domain.model.conversation.ChatMessage;
import org.supporthub.core.domain.model.conversation.Conversation;
import org.supporthub.core.domain.model.conversation.ConversationRepository;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Conversations and messages in memory. Enforces the same unique keys as the schema (one conversation
 * per portal and user, one message per conversation and client id), so a double store shows up.
 */
class InMemoryConversationRepository implements ConversationRepository {

    final Map<String, Conversation> conversations = new LinkedHashMap<>();
    /** Every appended message, in the order appended. */
    final List<ChatMessage> messages = new ArrayList<>();
    /** Row locks taken and conversations stored: what a write would cost in the database. */
    int locks;
    int stores;

    @Override
    public Optional<Conversation> find(String conversationId) {
        return Optional.ofNullable(conversations.get(conversationId));
    }

    @Override
    public Optional<Conversation> findByUser(String portalId, String userId) {
        return conversations.values().stream()
                .filter(c -> c.portalId().equals(portalId) && c.userId().equals(userId)).findFirst();
    }

    @Override
    public void delete(String conversationId) {
        conversations.remove(conversationId);
        messages.removeIf(m -> m.conversationId().equals(conversationId));
    }

    @Override
    public Optional<Conversation> findForUpdate(String conversationId) {
        locks++;
        return find(conversationId);
    }

    /** Batched reads and writes, as the database would count them. */
    int batchLocks;
    int batchLookups;
    int batchAppends;

    @Override
    public List<Conversation> lockAll(java.util.Collection<String> conversationIds) {
        batchLocks++;
        return conversations.values().stream().filter(c -> conversationIds.contains(c.id()))
                .sorted(Comparator.comparing(Conversation::id)).toList();
    }

    @Override
    public List<ChatMessage> findByClientMsgIds(java.util.Collection<String> conversationIds,
                                                java.util.Collection<String> clientMsgIds) {
        batchLookups++;
        return messages.stream().filter(m -> conversationIds.contains(m.conversationId())
                && clientMsgIds.contains(m.clientMsgId())).toList();
    }

    @Override
    public void appendAll(List<ChatMessage> batch) {
        batchAppends++;
        batch.forEach(this::append);
    }

    @Override
    public void store(Conversation conversation) {
        if (findByUser(conversation.portalId(), conversation.userId()).isPresent()) {
            throw new IllegalStateException("unique key: one conversation per portal and user");
        }
        stores++;
        conversations.put(conversation.id(), conversation);
    }

    @Override
    public void append(ChatMessage message) {
        if (message.clientMsgId() != null
                && findByClientMsgId(message.conversationId(), message.clientMsgId()).isPresent()) {
            throw new IllegalStateException("unique key: client message id stored twice");
        }
        messages.add(message);
    }

    /** A stored message by its client id (for the tests' assertions). */
    public Optional<ChatMessage> findByClientMsgId(String conversationId, String clientMsgId) {
        return messages.stream()
                .filter(m -> m.conversationId().equals(conversationId) && clientMsgId.equals(m.clientMsgId()))
                .findFirst();
    }

    @Override
    public List<ChatMessage> messagesAfter(String conversationId, long afterSeq, int limit) {
        return messages.stream().filter(m -> m.conversationId().equals(conversationId) && m.seq() > afterSeq)
                .sorted(Comparator.comparingLong(ChatMessage::seq)).limit(limit).toList();
    }

    @Override
    public List<Conversation> conversationsOf(String portalId) {
        return conversations.values().stream().filter(c -> c.portalId().equals(portalId)).toList();
    }

    List<ChatMessage> messagesOf(String conversationId) {
        return messagesAfter(conversationId, 0, Integer.MAX_VALUE);
    }

    @Override
    public List<Conversation> conversationsOf(String portalId, int offset, int limit) {
        return conversationsOf(portalId).stream().skip(offset).limit(limit).toList();
    }

    @Override
    public List<ChatMessage> messagesBefore(String conversationId, long beforeSeq, int limit) {
        List<ChatMessage> before = messagesOf(conversationId).stream().filter(m -> m.seq() < beforeSeq).toList();
        return before.subList(Math.max(0, before.size() - limit), before.size());
    }

    @Override
    public List<ChatMessage> latestMessages(java.util.Collection<String> conversationIds, int perConversation) {
        return conversationIds.stream().flatMap(id -> messagesBefore(id, Long.MAX_VALUE, perConversation).stream())
                .toList();
    }

    @Override
    public void questionRouted(String conversationId, long seq) {
        routed.add(conversationId + "#" + seq);
    }

    final java.util.Set<String> routed = new java.util.HashSet<>();

    @Override
    public List<org.supporthub.core.domain.model.conversation.AwaitingQuestion> awaitingRouting(
            java.time.Instant storedBefore, int limit) {
        return messages.stream().filter(m -> m.awaitingRouting().isPresent()
                        && !routed.contains(m.conversationId() + "#" + m.seq()) && m.createdAt().isBefore(storedBefore))
                .limit(limit).map(m -> new org.supporthub.core.domain.model.conversation.AwaitingQuestion(
                        conversations.get(m.conversationId()).portalId(), m)).toList();
    }
}
