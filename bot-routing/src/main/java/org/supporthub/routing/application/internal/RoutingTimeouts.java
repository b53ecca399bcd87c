package org.supporthub.routing.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.supporthub.routing.domain.model.RoutingMode;
import org.supporthub.routing.domain.model.SupportSessionState;
import org.supporthub.routing.domain.model.channel.OpenChannel;
import org.supporthub.routing.domain.model.channel.OpenChannelRepository;
import org.supporthub.routing.domain.model.operator.OperatorAvailability;
import org.supporthub.routing.domain.model.operator.OperatorPresence;
import org.supporthub.routing.domain.model.operator.OperatorPresenceRepository;
import org.supporthub.routing.domain.model.session.SessionChange;
import org.supporthub.routing.domain.model.session.SessionEnd;
import org.supporthub.routing.domain.model.session.SupportSession;
import org.supporthub.routing.domain.model.session.SupportSessionChanged;
import org.supporthub.routing.domain.model.session.SupportSessionRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The beat of routing, run every second by every hub instance (each move under the session's row lock,
 * so two instances never move a session twice):
 * <ol>
 *   <li>offers to operators who are no longer available are withdrawn;</li>
 *   <li>sessions of operators lost past the grace period go back to the queue, with a note;</li>
 *   <li>offers older than the channel's queue time lapse (the next operator is tried), and a waiting
 *       session whose round is older than the queue time starts a new round;</li>
 *   <li>a queued session that waited longer than the queue time is offered, once, to be left for later;</li>
 *   <li>sessions quiet for longer than the channel's auto-close time are closed;</li>
 *   <li>every channel's queue is drained: within working hours, waiting sessions are offered.</li>
 * </ol>
 */
@ApplicationScoped
public class RoutingTimeouts {

    @Inject
    SupportSessionRepository sessions;

    @Inject
    OpenChannelRepository channels;

    @Inject
    OperatorPresenceRepository presence;

    @Inject
    OperatorAvailability availability;

    @Inject
    QueueDispatcher dispatcher;

    @Inject
    SessionNotes notes;

    @Inject
    Clock clock;

    @Inject
    @SupportSessionChanged
    Event<SessionChange> changed;

    @Transactional
    public void beat() {
        Instant now = clock.instant();
        Map<String, SupportSession> moved = new LinkedHashMap<>();
        Map<String, OpenChannel> byId = new LinkedHashMap<>();
        channels.all().forEach(c -> byId.put(c.id(), c));
        // One read of the open sessions for the whole beat: the per-operator steps filter it in memory
        // (they lock and refresh each session before moving it).
        List<SupportSession> allOpen = sessions.allOpen();
        for (OperatorPresence p : presence.all()) {
            if (!availability.available(p, now)) {
                withdrawOffers(allOpen, p.username(), now, moved);
            }
            if (availability.sessionsLost(p, now)) {
                requeue(allOpen, p.username(), now, moved);
            }
        }
        for (SupportSession open : allOpen) {
            OpenChannel channel = byId.get(open.channelId());
            if (channel != null) {
                expire(open, channel, now, moved);
            }
        }
        for (OpenChannel channel : byId.values()) {
            dispatcher.dispatch(channel, now).forEach(s -> moved.put(s.id(), s));
        }
        moved.values().forEach(s -> changed.fire(new SessionChange(s.id(), s.conversationId(), Set.of(s.channelId()))));
    }

    private void withdrawOffers(List<SupportSession> allOpen, String operator, Instant now,
                                Map<String, SupportSession> moved) {
        for (SupportSession s : allOpen) {
            if (s.state() == SupportSessionState.OFFERED && s.offeredTo().contains(operator)) {
                lock(s).filter(l -> l.offeredTo().contains(operator)).ifPresent(l -> {
                    l.withdrawOffer(operator, true, now);
                    moved.put(l.id(), l);
                });
            }
        }
    }

    private void requeue(List<SupportSession> allOpen, String operator, Instant now, Map<String, SupportSession> moved) {
        for (SupportSession s : List.copyOf(allOpen)) {
            if (!operator.equals(s.operator().orElse(null))) {
                continue;
            }
            lock(s).filter(l -> operator.equals(l.operator().orElse(null)) && !l.isUnassigned() && l.isOpen())
                    .ifPresent(l -> {
                        l.operatorLost(now);
                        notes.system(l, "session.operatorLost", notes.operatorName(operator));
                        moved.put(l.id(), l);
                    });
        }
    }

    private void expire(SupportSession s, OpenChannel channel, Instant now, Map<String, SupportSession> moved) {
        Duration queueTime = Duration.ofSeconds(channel.settings().queueTimeSeconds());
        boolean roundOver = s.offeredAt().map(at -> !at.plus(queueTime).isAfter(now)).orElse(false);
        if (s.state() == SupportSessionState.OFFERED && roundOver) {
            lock(s).filter(l -> l.state() == SupportSessionState.OFFERED).ifPresent(l -> {
                l.offerLapsed(now);
                if (channel.settings().routingMode() == RoutingMode.ALL) {
                    // Everyone had the offer at once; the next round offers it to everyone again.
                    l.forgetTried();
                }
                moved.put(l.id(), l);
            });
        } else if (s.state() == SupportSessionState.WAITING && roundOver && !s.tried().isEmpty()) {
            lock(s).filter(l -> l.state() == SupportSessionState.WAITING).ifPresent(SupportSession::forgetTried);
        }
        // Waiting longer than the queue time with nobody taking it: offer to leave it for later (once).
        boolean waitedTooLong = s.isQueued() && !s.laterOffered() && s.queuedAt()
                .map(at -> !at.plus(queueTime).isAfter(now)).orElse(false);
        if (waitedTooLong) {
            lock(s).filter(l -> l.isQueued() && !l.laterOffered()).ifPresent(l -> {
                DefaultSessionIntakeService.offerLater(l, notes);
                moved.put(l.id(), l);
            });
        }
        int autoClose = channel.settings().session().autoCloseMinutes();
        boolean held = s.state() == SupportSessionState.ASSIGNED || s.state() == SupportSessionState.ANSWERED;
        if (held && autoClose > 0 && !s.lastActivityAt().plus(Duration.ofMinutes(autoClose)).isAfter(now)) {
            lock(s).filter(SupportSession::isOpen).ifPresent(l -> {
                SessionClosing.close(l, SessionEnd.INACTIVITY, channel, notes, "session.autoClosed", now);
                moved.put(l.id(), l);
            });
        }
    }

    private Optional<SupportSession> lock(SupportSession s) {
        return sessions.findForUpdate(s.id());
    }
}
