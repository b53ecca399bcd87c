package org.supporthub.routing.domain.model.operator;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether an operator can be offered work, and when they count as gone. One small rule, read by routing
 * and by the timeouts alike:
 * <ul>
 *   <li><b>reachable</b>: a console socket is open and spoke within {@code silence};</li>
 *   <li><b>available</b>: reachable and {@link PresenceStatus#ONLINE}; only they are offered sessions, and
 *       an offer to anyone else is withdrawn at once;</li>
 *   <li><b>lost since</b>: the moment the last socket closed, or the moment the silence ran out;</li>
 *   <li><b>sessions lost</b>: lost for at least {@code grace}: their sessions go back to the queue. The
 *       grace lets a reload or a network blip pass without the administrator noticing.</li>
 * </ul>
 */
public record OperatorAvailability(Duration silence, Duration grace) {

    public OperatorAvailability {
        Objects.requireNonNull(silence, "silence");
        Objects.requireNonNull(grace, "grace");
        if (silence.isNegative() || silence.isZero() || grace.isNegative()) {
            throw new IllegalArgumentException("silence must be positive and grace not negative");
        }
    }

    public boolean reachable(OperatorPresence p, Instant now) {
        return lostSince(p, now).isEmpty();
    }

    public boolean available(OperatorPresence p, Instant now) {
        return p.status() == PresenceStatus.ONLINE && reachable(p, now);
    }

    public Optional<Instant> lostSince(OperatorPresence p, Instant now) {
        Instant silentFrom = p.lastSeenAt().plus(silence);
        if (p.disconnectedAt().isPresent()) {
            // Whichever came first: a console that fell silent and closed later gets no extra grace.
            Instant closed = p.disconnectedAt().get();
            return Optional.of(silentFrom.isBefore(closed) ? silentFrom : closed);
        }
        return silentFrom.isAfter(now) ? Optional.empty() : Optional.of(silentFrom);
    }

    public boolean sessionsLost(OperatorPresence p, Instant now) {
        return lostSince(p, now).map(since -> !since.plus(grace).isAfter(now)).orElse(false);
    }
}
