package org.supporthub.routing.domain.model;

/**
 * How an open channel distributes waiting support sessions among its operators.
 *
 * <p>The mode is a property of the channel, set by the vendor's support lead. It decides only
 * <em>whom</em> a session is offered to; how the session then moves (offered, accepted, answered,
 * closed) is the same in every mode and is governed by {@link SupportSessionLifecycle}. The selection
 * rule for each mode lives in one place, {@link OperatorSelection}.
 */
public enum RoutingMode {

    /**
     * Offer the session to one operator at a time, in the order the operators are listed in the channel.
     * When the channel's queue time passes without an answer (or the operator skips), the offer moves to
     * the next operator in that order. Suits teams with a clear first line and back-up.
     */
    STRICT,

    /**
     * Offer the session to the single available operator who has been idle the longest, so that work is
     * spread evenly across the team instead of always landing on the first name in the list.
     */
    EVENLY,

    /**
     * Offer the session to every available operator at once. The first one to accept gets it, exactly
     * once: every later acceptance is refused because the session is no longer offered.
     */
    ALL,

    /**
     * Offer to nobody. Sessions wait on a list shared by the whole channel, and operators pick a session
     * from that list themselves.
     */
    MANUAL
}
