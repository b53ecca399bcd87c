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

    /** Removes the conversation and its messages (rows that refer to them must be gone first). */
    void delete(String conversationId);

    void append(ChatMessage message);

    /**
     * The conversations, locked until the transaction ends, in one read. They are locked in the order of
     * their ids, so that two transactions locking overlapping sets wait for each other instead of
     * deadlocking. Unknown ids are left out.
     */
    List<Conversation> lockAll(java.util.Collection<String> conversationIds);

    /**
     * The messages of these conversations that carry one of these client ids, in one read (the caller
     * matches conversation and client id pairs).
     */
    List<ChatMessage> findByClientMsgIds(java.util.Collection<String> conversationIds,
                                         java.util.Collection<String> clientMsgIds);

    /** Stores the messages with one flush: a unique-key clash surfaces here, for the whole batch. */
    void appendAll(List<ChatMessage> messages);

    /** Messages with a sequence number above {@code afterSeq}, oldest first, at most {@code limit}. */
    List<ChatMessage> messagesAfter(String conversationId, long afterSeq, int limit);

    List<Conversation> conversationsOf(String portalId);

    /** Routing took the question stored at {@code seq}: it no longer awaits routing. */
    void questionRouted(String conversationId, long seq);

    /** Questions stored before {@code storedBefore} that routing has not taken yet, oldest first. */
    List<AwaitingQuestion> awaitingRouting(java.time.Instant storedBefore, int limit);

    /** One page of the portal's conversations, oldest first. */
    List<Conversation> conversationsOf(String portalId, int offset, int limit);

    /** Up to {@code limit} messages of the conversation before {@code beforeSeq}, in sequence order. */
    List<ChatMessage> messagesBefore(String conversationId, long beforeSeq, int limit);

    /**
     * The last {@code perConversation} messages of each of the conversations, in one read, ordered by
     * conversation and sequence.
     */
    List<ChatMessage> latestMessages(java.util.Collection<String> conversationIds, int perConversation);

    /** The latest sequence number of each of these conversations (unknown ids are left out). */
    default java.util.Map<String, Long> lastSeqs(java.util.Collection<String> conversationIds) {
        java.util.Map<String, Long> last = new java.util.HashMap<>();
        conversationIds.forEach(id -> find(id).ifPresent(c -> last.put(id, c.lastSeq())));
        return last;
    }

    /** The user's name shown for each of these conversations (unknown ids are left out). */
    default java.util.Map<String, String> userNames(java.util.Collection<String> conversationIds) {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        conversationIds.forEach(id -> find(id).ifPresent(c -> names.put(id, c.userName())));
        return names;
    }

    /** The conversations of the portal's administrators. */
    default List<Conversation> administratorConversationsOf(String portalId) {
        return conversationsOf(portalId).stream().filter(Conversation::userAdmin).toList();
    }
}
