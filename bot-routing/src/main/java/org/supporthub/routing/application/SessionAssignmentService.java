package org.supporthub.routing.application;

/**
 * Who holds a support session. An operator accepts a session offered to them (or, in a manual channel,
 * picks a waiting one) within the channel's capacity, skips an offer so that it moves on, or hands a
 * session they hold to another operator or to another channel's queue.
 *
 * <p>Every method is one transaction that moves the session under its row lock and announces the move
 * ({@code @SupportSessionChanged}) for delivery after commit.
 *
 * @see RoutingRefusal for what is refused, and why
 */
public interface SessionAssignmentService {

    /**
     * The operator takes the session: it must be offered to them, or wait in a manual channel they serve,
     * and they must have room under the channel's capacity. From now on they may read the portal's history.
     */
    void accept(String operator, String sessionId);

    /** The operator passes on an offer they hold; the queue offers the session to the next operator. */
    void skip(String operator, String sessionId);

    /** Hands the session to another operator ({@code toOperator}) or another channel's queue ({@code toChannel}). */
    void transfer(String operator, String sessionId, String toOperator, String toChannel, String note);
}
