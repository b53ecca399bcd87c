package org.supporthub.routing.domain.model;

import static org.supporthub.routing.domain.model.SupportSessionEvent.ACCEPT;
import static org.supporthub.routing.domain.model.SupportSessionEvent.CLOSE;
import static org.supporthub.routing.domain.model.SupportSessionEvent.OFFER;
import static org.supporthub.routing.domain.model.SupportSessionEvent.OFFER_EXPIRED;
import static org.supporthub.routing.domain.model.SupportSessionEvent.OPERATOR_LOST;
import static org.supporthub.routing.domain.model.SupportSessionEvent.OPERATOR_REPLIED;
import static org.supporthub.routing.domain.model.SupportSessionEvent.TRANSFER;
import static org.supporthub.routing.domain.model.SupportSessionState.ANSWERED;
import static org.supporthub.routing.domain.model.SupportSessionState.ASSIGNED;
import static org.supporthub.routing.domain.model.SupportSessionState.CLOSED;
import static org.supporthub.routing.domain.model.SupportSessionState.OFFERED;
import static org.supporthub.routing.domain.model.SupportSessionState.WAITING;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The life of a support session as one transition table: for each {@link SupportSessionState}, which
 * {@link SupportSessionEvent}s it accepts and where each one leads. Every pair not in the table is refused.
 *
 * <p>Keeping all moves in a single table (rather than in {@code if}s spread over the router, the operator
 * console and the timers) means there is one place to read, one place to change, and one table test that
 * notices any change.
 *
 * <p>The table is the same for every {@link RoutingMode}. Whether an event makes sense for the channel's
 * mode (only a {@link RoutingMode#MANUAL} channel lets an operator accept a session straight from
 * {@code WAITING}) is the caller's concern, because the lifecycle does not know the channel.
 *
 * <p>"Exactly once" acceptance in {@link RoutingMode#ALL} follows from the table: {@code ACCEPT} is
 * refused in {@code ASSIGNED}, so once the first operator has taken the session every later acceptance
 * fails. Storage must still apply the move atomically (compare the stored state before writing).
 */
public final class SupportSessionLifecycle {

    private static final Map<SupportSessionState, Map<SupportSessionEvent, SupportSessionState>> TRANSITIONS =
            table();

    private SupportSessionLifecycle() {
    }

    private static Map<SupportSessionState, Map<SupportSessionEvent, SupportSessionState>> table() {
        EnumMap<SupportSessionState, EnumMap<SupportSessionEvent, SupportSessionState>> table =
                new EnumMap<>(SupportSessionState.class);
        for (SupportSessionState state : SupportSessionState.values()) {
            table.put(state, new EnumMap<>(SupportSessionEvent.class));
        }

        allow(table, WAITING, OFFER, OFFERED);
        allow(table, WAITING, ACCEPT, ASSIGNED);          // MANUAL: picked from the shared list
        allow(table, WAITING, CLOSE, CLOSED);

        allow(table, OFFERED, OFFER_EXPIRED, WAITING);    // queue time passed, or everyone skipped
        allow(table, OFFERED, ACCEPT, ASSIGNED);
        allow(table, OFFERED, OPERATOR_LOST, WAITING);    // the offer is withdrawn
        allow(table, OFFERED, CLOSE, CLOSED);

        allow(table, ASSIGNED, OPERATOR_REPLIED, ANSWERED);
        allow(table, ASSIGNED, TRANSFER, WAITING);
        allow(table, ASSIGNED, OPERATOR_LOST, WAITING);   // only after the grace period
        allow(table, ASSIGNED, CLOSE, CLOSED);

        allow(table, ANSWERED, OPERATOR_REPLIED, ANSWERED);
        allow(table, ANSWERED, TRANSFER, WAITING);
        allow(table, ANSWERED, OPERATOR_LOST, WAITING);   // only after the grace period
        allow(table, ANSWERED, CLOSE, CLOSED);

        // CLOSED accepts nothing: a new question opens a new session.

        EnumMap<SupportSessionState, Map<SupportSessionEvent, SupportSessionState>> frozen =
                new EnumMap<>(SupportSessionState.class);
        table.forEach((state, moves) -> frozen.put(state, Collections.unmodifiableMap(moves)));
        return Collections.unmodifiableMap(frozen);
    }

    private static void allow(EnumMap<SupportSessionState, EnumMap<SupportSessionEvent, SupportSessionState>> table,
                              SupportSessionState from, SupportSessionEvent event, SupportSessionState to) {
        SupportSessionState previous = table.get(from).put(event, to);
        if (previous != null) {
            // Guards the table against a copy-paste slip that would silently override a row.
            throw new IllegalStateException("Duplicate transition " + from + " + " + event);
        }
    }

    /**
     * @param state the session's current state
     * @param event what happened to it
     * @return the state the session moves to when {@code event} happens in {@code state}, or empty when
     *         the state refuses the event
     */
    public static Optional<SupportSessionState> next(SupportSessionState state, SupportSessionEvent event) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(event, "event");
        return Optional.ofNullable(TRANSITIONS.get(state).get(event));
    }

    /**
     * @param state the session's current state
     * @param event what happened to it
     * @return whether a session in {@code state} accepts {@code event}
     */
    public static boolean allows(SupportSessionState state, SupportSessionEvent event) {
        return next(state, event).isPresent();
    }

    /**
     * @param state the session's current state
     * @param event what happened to it
     * @return the state the session moves to
     * @throws IllegalSessionTransitionException when {@code state} refuses {@code event}
     */
    public static SupportSessionState apply(SupportSessionState state, SupportSessionEvent event) {
        return next(state, event).orElseThrow(() -> new IllegalSessionTransitionException(state, event));
    }
}
