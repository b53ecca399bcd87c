package org.supporthub.routing.domain.model.session;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Support sessions. Lists come oldest question first: that is the queue's order. */
public interface SupportSessionRepository {

    Optional<SupportSession> find(String id);

    /** The session, locked until the transaction ends: every move of a session holds this lock. */
    Optional<SupportSession> findForUpdate(String id);

    /** Stores a new session and writes it at once, so that a second open session of the conversation fails here. */
    void store(SupportSession session);

    Optional<SupportSession> openOfConversation(String conversationId);

    /** Removes every session of the conversation, with its offers and triage corrections (the conversation goes). */
    void deleteOfConversation(String conversationId);

    Optional<SupportSession> latestOfConversation(String conversationId);

    /** The conversation's sessions the operator holds or held (was the last to own), oldest first. */
    List<SupportSession> heldBy(String conversationId, String operator);

    /** Waiting and offered sessions of a channel, in queue order. */
    List<SupportSession> unassignedInChannel(String channelId);

    /** Every session that is not closed, in queue order. */
    List<SupportSession> allOpen();

    /**
     * The channel's queue (waiting or offered, not held for the administrator's decision), as ids only,
     * in queue order: one read gives every queue position of the channel (position = index + 1).
     */
    List<QueueEntry> queueOf(String channelId);

    /** The open sessions of these conversations, in one read (a conversation has at most one). */
    List<SupportSession> openOfConversations(Collection<String> conversationIds);

    /**
     * Offered, assigned and answered sessions, in any channel: the operators' load. Their number is
     * bounded by the operators' capacity, not by how many sessions wait.
     */
    List<SupportSession> engaged();

    List<SupportSession> ofPortal(String portalId);

    /** The portal's latest sessions, newest first, at most {@code limit}. */
    List<SupportSession> latestOfPortal(String portalId, int limit);

    /** Sessions the operator owns (assigned or answered), in any channel. */
    List<SupportSession> ownedBy(String operator);

    /** One place in a channel's queue. */
    record QueueEntry(String sessionId, String conversationId) {
    }
}
