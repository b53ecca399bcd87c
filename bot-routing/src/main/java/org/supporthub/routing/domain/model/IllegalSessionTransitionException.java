package org.supporthub.routing.domain.model;

import java.util.Objects;

/**
 * Thrown when an event is applied to a support session in a state that does not accept it, for example
 * a second operator accepting a session that another operator already took.
 *
 * <p>It is a domain error, not a programming slip to be caught and ignored: callers such as the router
 * turn it into a refusal shown to the operator ("this session was already taken").
 */
public class IllegalSessionTransitionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** The state the session was in. */
    private final SupportSessionState state;

    /** The event the session refused. */
    private final SupportSessionEvent event;

    /**
     * @param state the state the session was in
     * @param event the event it refused
     */
    public IllegalSessionTransitionException(SupportSessionState state, SupportSessionEvent event) {
        super("A support session in state " + Objects.requireNonNull(state, "state")
                + " does not accept the event " + Objects.requireNonNull(event, "event"));
        this.state = state;
        this.event = event;
    }

    /** @return the state the session was in when the event was refused */
    public SupportSessionState state() {
        return state;
    }

    /** @return the refused event */
    public SupportSessionEvent event() {
        return event;
    }
}
