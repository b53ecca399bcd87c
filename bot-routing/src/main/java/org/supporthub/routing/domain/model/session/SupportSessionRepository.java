package org.supporthub.routing.domain.model.session;

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

    Optional<SupportSession> latestOfConversation(String conversationId);

    /** Waiting and offered sessions of a channel, in queue order. */
    List<SupportSession> unassignedInChannel(String channelId);

    /** Every session that is not closed, in queue order. */
    List<SupportSession> allOpen();

    List<SupportSession> ofPortal(String portalId);

    /** Sessions the operator owns (assigned or answered), in any channel. */
    List<SupportSession> ownedBy(String operator);
}
