package org.supporthub.routing.domain.model;

/**
 * Something that happens to a support session and may move it to another {@link SupportSessionState}.
 *
 * <p>Which event is accepted in which state is decided by {@link SupportSessionLifecycle} alone; the
 * notes below describe the moves the table allows, so the two must be changed together.
 */
public enum SupportSessionEvent {

    /** The router offers the session to one or more operators: {@code WAITING → OFFERED}. */
    OFFER,

    /**
     * The offer lapsed, because the channel's queue time passed or every offered operator skipped:
     * {@code OFFERED → WAITING}, ready to be offered again.
     */
    OFFER_EXPIRED,

    /**
     * An operator takes the session: {@code OFFERED → ASSIGNED} after an offer, and
     * {@code WAITING → ASSIGNED} when an operator picks it from the shared list of a
     * {@link RoutingMode#MANUAL} channel.
     */
    ACCEPT,

    /**
     * The owning operator sent a reply: {@code ASSIGNED → ANSWERED}, and {@code ANSWERED → ANSWERED} for
     * every further reply.
     */
    OPERATOR_REPLIED,

    /** The owning operator hands the session back to the queue: {@code ASSIGNED/ANSWERED → WAITING}. */
    TRANSFER,

    /**
     * The operator went away (logged out, lost the connection) and did not come back within the grace
     * period: {@code ASSIGNED/ANSWERED → WAITING}. An outstanding offer to an operator who went away is
     * withdrawn as well: {@code OFFERED → WAITING}.
     */
    OPERATOR_LOST,

    /** The session ends, whoever closes it: any state except {@code CLOSED → CLOSED}. */
    CLOSE
}
