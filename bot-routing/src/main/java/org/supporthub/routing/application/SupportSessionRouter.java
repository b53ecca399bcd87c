package org.supporthub.routing.application;

/**
 * The routing port: hands a portal administrator's support request to an open channel and reports what
 * became of it.
 *
 * <p>An implementation opens (or finds) the support session for the request's conversation, then routes
 * it by the channel's {@link org.supporthub.routing.domain.model.RoutingMode routing mode}: it reads a
 * snapshot of the channel's operators, asks
 * {@link org.supporthub.routing.domain.model.OperatorSelection#operatorsToOffer OperatorSelection} whom to
 * offer the session to, and moves the session only through
 * {@link org.supporthub.routing.domain.model.SupportSessionLifecycle SupportSessionLifecycle}. The rules
 * live in the domain; an implementation adds storage, the clock and concurrency, and nothing else.
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li><b>One open session per conversation.</b> Routing a conversation that already has a session that
 *       is not {@code CLOSED} returns that session's current decision instead of opening a second one, so
 *       a repeated request (a double click, a reconnect) is harmless.</li>
 *   <li><b>Nobody available is not an error.</b> When no operator can be offered the session (all offline,
 *       all at capacity, or a {@code MANUAL} channel), the decision is {@code WAITING} with the session's
 *       position in the queue.</li>
 *   <li><b>Atomic moves.</b> Every state change is written only if the stored state is still the one the
 *       move started from, so that in {@code ALL} mode exactly one acceptance wins.</li>
 * </ul>
 *
 * <p>The implementation is the subject of later work; this interface fixes what callers may rely on.
 */
public interface SupportSessionRouter {

    /**
     * Routes a support request.
     *
     * @param request the administrator's request; never null
     * @return the session's state after routing: {@code OFFERED} with the operators it was offered to, or
     *         {@code WAITING} with its queue position, or the current state of the conversation's existing
     *         open session
     */
    RoutingDecision route(SupportRequest request);
}
