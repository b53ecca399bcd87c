package org.supporthub.routing.domain.model;

/**
 * Where a support session stands on its way from the administrator's question to its end.
 *
 * <p>The allowed moves between these states are listed in one table, {@link SupportSessionLifecycle}.
 */
public enum SupportSessionState {

    /** In the channel's queue; no operator currently has an offer for it. */
    WAITING,

    /** Offered to one or more operators, none of whom has accepted yet. */
    OFFERED,

    /** An operator accepted the session and owns it, but has not replied yet. */
    ASSIGNED,

    /** The owning operator has replied at least once; the administrator is being helped. */
    ANSWERED,

    /** Finished. A closed session never moves again; a new question opens a new session. */
    CLOSED
}
