package org.supporthub.core.domain.model.conversation;

import java.util.List;
import java.util.Optional;

/** Conversations and their messages. */
public interface ConversationRepository {

    Optional<Conversation> find(String conversationId);

    Optional<Conversation> findByUser(String portalId, String userId);

    /** The conversation, locked until the transaction ends: the guard for sequence numbers. */
    Optional<Conversation> findForUpdate(String conversationId);

    void store(Conversation conversation);

    void append(ChatMessage message);

    Optional<ChatMessage> findByClientMsgId(String conversationId, String clientMsgId);

    /** Messages with a sequence number above {@code afterSeq}, oldest first, at most {@code limit}. */
    List<ChatMessage> messagesAfter(String conversationId, long afterSeq, int limit);

    List<Conversation> conversationsOf(String portalId);

    /** The conversations of the portal's administrators. */
    default List<Conversation> administratorConversationsOf(String portalId) {
        return conversationsOf(portalId).stream().filter(Conversation::userAdmin).toList();
    }
}
