package org.supporthub.routing.application;

import java.util.List;
import java.util.Objects;

import org.supporthub.routing.domain.model.SupportSessionState;

/**
 * What the router did with a support request: the session it stands for, the state that session is in,
 * whom it was offered to, and where it stands in the channel's queue.
 *
 * <p>The fields must agree with the state, so that the widget and the operator console can trust them:
 * only an {@link SupportSessionState#OFFERED OFFERED} session has operators in {@code offeredTo}, and only
 * a {@link SupportSessionState#WAITING WAITING} session has a queue position (from 1, the next to be
 * served). Once offered, the session is no longer counted as waiting in line.
 *
 * @param sessionId     the support session's id; never null or blank
 * @param state         the session's state after routing; never null
 * @param offeredTo     ids of the operators the session is offered to, in offer order; not empty exactly
 *                      when the state is {@code OFFERED}; copied, unmodifiable
 * @param queuePosition the session's 1-based position among the channel's waiting sessions when the state
 *                      is {@code WAITING}, otherwise 0
 */
public record RoutingDecision(String sessionId,
                              SupportSessionState state,
                              List<String> offeredTo,
                              int queuePosition) {

    /**
     * Checks that the fields agree with the state, and copies {@code offeredTo} so that a list the caller
     * keeps cannot change the decision later.
     *
     * @param sessionId     the support session's id
     * @param state         the session's state after routing
     * @param offeredTo     the operators the session is offered to
     * @param queuePosition the position among waiting sessions, or 0
     * @throws NullPointerException     when a component, or an operator id, is null
     * @throws IllegalArgumentException when a value is blank, repeated or does not fit the state
     */
    public RoutingDecision {
        Objects.requireNonNull(sessionId, "sessionId");
        if (sessionId.isBlank()) {
            throw new IllegalArgumentException("sessionId must not be blank");
        }
        Objects.requireNonNull(state, "state");
        offeredTo = List.copyOf(Objects.requireNonNull(offeredTo, "offeredTo")); // also refuses null ids

        boolean offered = state == SupportSessionState.OFFERED;
        if (offered == offeredTo.isEmpty()) {
            throw new IllegalArgumentException(offered
                    ? "an OFFERED session must be offered to at least one operator"
                    : "a session in state " + state + " is offered to nobody, but offeredTo is " + offeredTo);
        }
        if (offeredTo.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("offeredTo must not contain blank operator ids");
        }
        if (offeredTo.stream().distinct().count() != offeredTo.size()) {
            throw new IllegalArgumentException("offeredTo names an operator twice: " + offeredTo);
        }

        boolean waiting = state == SupportSessionState.WAITING;
        if (waiting && queuePosition < 1) {
            throw new IllegalArgumentException("a WAITING session needs a queue position from 1, was "
                    + queuePosition);
        }
        if (!waiting && queuePosition != 0) {
            throw new IllegalArgumentException("a session in state " + state
                    + " is not in the queue, so its queue position must be 0, was " + queuePosition);
        }
    }
}
