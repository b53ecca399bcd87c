package org.supporthub.routing.application;

import org.supporthub.core.application.PostedMessage;
import org.supporthub.core.domain.model.conversation.SupportQuestion;

/**
 * What people do with support sessions: an administrator asks and votes, operators accept, skip, answer,
 * transfer and close. Every method is one transaction that moves the session under its row lock and
 * announces the move ({@code @SupportSessionChanged}) for delivery after commit.
 *
 * @see RoutingRefusal for what is refused, and why
 */
public interface SupportSessionService {

    /** Continues the conversation's open session, if it has one; returns whether it had. */
    boolean continueOpen(SupportQuestion question);

    /** Opens a session for the question (the conversation has none open) and routes it. */
    void open(SupportQuestion question);

    /**
     * Tells the administrator that the question cannot reach support (no open channel serves their
     * language), and takes it off the list of questions awaiting routing.
     */
    void cannotRoute(SupportQuestion question, RoutingRefusal why);

    void accept(String operator, String sessionId);

    void skip(String operator, String sessionId);

    /** Stores the owner's reply; a resent client id is recognised, not stored again. */
    PostedMessage reply(String operator, String sessionId, String clientMsgId, String text);

    /** Hands the session to another operator ({@code toOperator}) or another channel's queue ({@code toChannel}). */
    void transfer(String operator, String sessionId, String toOperator, String toChannel, String note);

    void close(String operator, String sessionId);

    /** The administrator asks for a question triage held back (not covered) to go to support anyway. */
    void sendAnyway(String conversationId);

    /** An operator corrects the session's triage label; the correction is kept to improve the data. */
    void relabel(String operator, String sessionId, String area, String coverage);

    /** The administrator rates a closed session of their conversation. */
    void vote(String conversationId, String sessionId, String value, String comment);
}
