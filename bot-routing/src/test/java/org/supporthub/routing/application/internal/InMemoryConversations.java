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

    @Override
    public Optional<Conversation> find(String conversationId) {
        return Optional.ofNullable(byId.get(conversationId));
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
    public Optional<ChatMessage> findByClientMsgId(String conversationId, String clientMsgId) {
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
}
