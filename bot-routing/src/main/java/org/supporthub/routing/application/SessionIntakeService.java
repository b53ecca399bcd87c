package org.supporthub.routing.application;

import org.supporthub.core.domain.model.conversation.SupportQuestion;

/**
 * How a portal administrator's question enters support. A question continues its conversation's open
 * session, or opens one in the channel that serves the portal's language; triage may hold a question
 * support does not cover until the administrator asks to send it anyway. A question no channel can take is
 * explained in the chat instead, so that no acknowledged question is left without an answer.
 *
 * <p>Every method is one transaction that moves the session under its row lock and announces the move
 * ({@code @SupportSessionChanged}) for delivery after commit.
 *
 * @see RoutingRefusal for what is refused, and why
 */
public interface SessionIntakeService {

    /** Continues the conversation's open session, if it has one; returns whether it had. */
    boolean continueOpen(SupportQuestion question);

    /** Opens a session for the question (the conversation has none open) and routes it. */
    void open(SupportQuestion question);

    /**
     * Tells the administrator that the question cannot reach support (no open channel serves their
     * language), and takes it off the list of questions awaiting routing.
     */
    void cannotRoute(SupportQuestion question, RoutingRefusal why);

    /** The administrator asks for a question triage held back (not covered) to go to support anyway. */
    void sendAnyway(String conversationId);

    /**
     * The administrator leaves their waiting question for support, to be answered by mail at
     * {@code email} (see {@code leave} in docs/protocol.md); the session stays in the queue, marked "left
     * for later". Told in the chat when there is no waiting question.
     */
    void leaveForLater(String conversationId, String email);
}
