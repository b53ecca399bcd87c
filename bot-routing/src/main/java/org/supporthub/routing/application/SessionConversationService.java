package org.supporthub.routing.application;

import org.supporthub.core.application.PostedMessage;

/**
 * What is said and decided inside a support session: the operator who holds it replies and closes it, a
 * channel's operator corrects its triage label, and the administrator rates it once it is closed.
 *
 * <p>Every method is one transaction that moves the session under its row lock and announces the move
 * ({@code @SupportSessionChanged}) for delivery after commit.
 *
 * @see RoutingRefusal for what is refused, and why
 */
public interface SessionConversationService {

    /** Stores the owner's reply; a resent client id is recognised, not stored again. */
    PostedMessage reply(String operator, String sessionId, String clientMsgId, String text);

    /**
     * The owner sent files into the session (message {@code seq}, stored by the attachment upload, not as
     * text here): a reply like any other, so it answers the session, counts as the first response, and is
     * mailed to an administrator who went away.
     */
    void repliedWithFiles(String operator, String sessionId, long seq, java.util.List<String> fileNames);

    /**
     * Ends the session: its owner may close it, and so may an operator of its channel while nobody holds it
     * (spam in the queue). The administrator is asked to rate it where the channel wants votes.
     */
    void close(String operator, String sessionId);

    /**
     * The administrator ends their conversation's open session from the widget, answered or not; the
     * operator is freed and the channel's queue drains. With no session open, the bot says so.
     */
    void endByAdministrator(String conversationId);

    /** An operator corrects the session's triage label; the correction is kept to improve the data. */
    void relabel(String operator, String sessionId, String area, String coverage);

    /** The administrator rates a closed session of their conversation. */
    void vote(String conversationId, String sessionId, String value, String comment);
}
