package org.supporthub.routing.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A snapshot of one operator of an open channel, as the router sees them at the moment it decides whom
 * to offer a session to.
 *
 * <p>The load counts follow the session states: {@code activeSessions} are the sessions the operator owns
 * that are not closed ({@link SupportSessionState#ASSIGNED} or {@link SupportSessionState#ANSWERED}), and
 * {@code answeredSessions} are those of them already {@link SupportSessionState#ANSWERED}. The second is
 * therefore part of the first and can never exceed it.
 *
 * @param operatorId       the operator's id; never null or blank
 * @param order            the operator's position in the channel's operator list (lower comes first)
 * @param online           whether the operator is signed in and accepting work
 * @param activeSessions   sessions the operator owns that are not closed; at least 0
 * @param answeredSessions of those, the ones the operator already replied to; from 0 to {@code activeSessions}
 * @param capacity         how many sessions the operator may hold at once; at least 1
 * @param idleSince        since when the operator has been waiting for work: the moment they last took a
 *                         session, or came online if they have not taken one since; never null
 */
public record OperatorCandidate(String operatorId,
                                int order,
                                boolean online,
                                int activeSessions,
                                int answeredSessions,
                                int capacity,
                                Instant idleSince) {

    /**
     * Checks the snapshot: an inconsistent one would make the routing rules silently wrong.
     *
     * @param operatorId       the operator's id
     * @param order            the position in the channel's operator list
     * @param online           whether the operator accepts work
     * @param activeSessions   sessions owned and not closed
     * @param answeredSessions of those, the answered ones
     * @param capacity         the most sessions held at once
     * @param idleSince        since when the operator has been waiting for work
     * @throws NullPointerException     when {@code operatorId} or {@code idleSince} is null
     * @throws IllegalArgumentException when a value is out of the range given for its component
     */
    public OperatorCandidate {
        Objects.requireNonNull(operatorId, "operatorId");
        if (operatorId.isBlank()) {
            throw new IllegalArgumentException("operatorId must not be blank");
        }
        if (capacity < 1) {
            // A channel member who may hold no session at all is not an operator of that channel.
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        if (activeSessions < 0) {
            throw new IllegalArgumentException("activeSessions must not be negative, was " + activeSessions);
        }
        if (answeredSessions < 0) {
            throw new IllegalArgumentException("answeredSessions must not be negative, was " + answeredSessions);
        }
        if (answeredSessions > activeSessions) {
            throw new IllegalArgumentException("answeredSessions (" + answeredSessions
                    + ") cannot exceed activeSessions (" + activeSessions + ")");
        }
        Objects.requireNonNull(idleSince, "idleSince");
    }

    /**
     * Whether the operator may take one more session.
     *
     * <p>Some channels count only the sessions the operator has already answered towards the capacity:
     * a session that was accepted but not yet answered costs the operator little, and counting it would
     * block new offers while the operator is still reading.
     *
     * @param countOnlyAnswered {@code true} to count only {@code answeredSessions}, {@code false} to count
     *                          every active session
     * @return whether the counted load is below {@code capacity}
     */
    public boolean hasCapacity(boolean countOnlyAnswered) {
        int load = countOnlyAnswered ? answeredSessions : activeSessions;
        return load < capacity;
    }
}
