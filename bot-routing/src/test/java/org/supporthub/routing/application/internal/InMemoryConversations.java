package org.supporthub.routing.application.internal;

import org.supporthub.core.domain.model.conversation.ChatMessage;
import org.supporthub.core.domain.model.conversation.Conversation;
import org.supporthub.core.domain.model.conversation.ConversationRepository;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Conversations in a map; routing only locks them while it opens a session. */
final class InMemoryConversations implements ConversationRepository {

    private final Map<String, Conversation> byId = new LinkedHashMap<>();
    /** Reads asked for (single finds and batched name reads), as a database would count them. */
    int reads;

    @Override
    public void delete(String conversationId) {
        byId.remove(conversationId);
    }

    @Override
    public Optional<Conversation> find(String conversationId) {
        reads++;
        return Optional.ofNullable(byId.get(conversationId));
    }

    @Override
    public Map<String, String> userNames(java.util.Collection<String> conversationIds) {
        reads++;
        Map<String, String> names = new java.util.HashMap<>();
        conversationIds.forEach(id -> Optional.ofNullable(byId.get(id)).ifPresent(c -> names.put(id, c.userName())));
        return names;
    }

    @Override
    public Optional<Conversation> findForUpdate(String conversationId) {
        return find(conversationId);
    }

    @Override
    public void store(Conversation conversation) {
        byId.put(conversation.id(), conversation);
    }

    @Override
    public Optional<Conversation> findByUser(String portalId, String userId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void append(ChatMessage message) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Conversation> lockAll(java.util.Collection<String> conversationIds) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<ChatMessage> findByClientMsgIds(java.util.Collection<String> conversationIds,
                                                java.util.Collection<String> clientMsgIds) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void appendAll(List<ChatMessage> messages) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<ChatMessage> messagesAfter(String conversationId, long afterSeq, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Conversation> conversationsOf(String portalId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Conversation> conversationsOf(String portalId, int offset, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<ChatMessage> messagesBefore(String conversationId, long beforeSeq, int limit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<ChatMessage> latestMessages(java.util.Collection<String> conversationIds, int perConversation) {
        throw new UnsupportedOperationException();
    }

    final java.util.List<String> routed = new java.util.ArrayList<>();

    @Override
    public void questionRouted(String conversationId, long seq) {
        routed.add(conversationId + "#" + seq);
    }

    @Override
    public List<org.supporthub.core.domain.model.conversation.AwaitingQuestion> awaitingRouting(
            java.time.Instant storedBefore, int limit) {
        return awaiting.stream().filter(q -> q.message().createdAt().isBefore(storedBefore)
                        && !routed.contains(q.message().conversationId() + "#" + q.message().seq()))
                .limit(limit).toList();
    }

    /** Questions stored as awaiting routing (the test puts them here, as if a crash had left them). */
    final java.util.List<org.supporthub.core.domain.model.conversation.AwaitingQuestion> awaiting =
            new java.util.ArrayList<>();
}
