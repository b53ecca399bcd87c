package org.supporthub.routing.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.supporthub.core.domain.model.staff.StaffAccountRepository;
import org.supporthub.core.domain.model.staff.StaffRole;
import org.supporthub.routing.application.RoutingRefusal;
import org.supporthub.routing.application.RoutingRefusal.Code;
import org.supporthub.routing.application.SessionAssignmentService;
import org.supporthub.routing.domain.model.RoutingMode;
import org.supporthub.routing.domain.model.SupportSessionState;
import org.supporthub.routing.domain.model.channel.OpenChannel;
import org.supporthub.routing.domain.model.channel.OpenChannelRepository;
import org.supporthub.routing.domain.model.operator.OperatorAvailability;
import org.supporthub.routing.domain.model.operator.OperatorPresence;
import org.supporthub.routing.domain.model.operator.OperatorPresenceRepository;
import org.supporthub.routing.domain.model.session.PortalAccessRepository;
import org.supporthub.routing.domain.model.session.SupportSession;
import org.supporthub.routing.domain.model.session.SupportSessionRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Operators taking, passing on and handing over sessions. Whatever frees an operator or moves a session
 * out of a channel drains that channel's queue in the same transaction, so the next waiting session is
 * offered at once rather than on the next routing beat.
 */
@ApplicationScoped
public class DefaultSessionAssignmentService implements SessionAssignmentService {

    @Inject
    SupportSessionRepository sessions;

    @Inject
    PortalAccessRepository access;

    @Inject
    OpenChannelRepository channels;

    @Inject
    OperatorPresenceRepository presence;

    @Inject
    OperatorAvailability availability;

    @Inject
    StaffAccountRepository staff;

    @Inject
    QueueDispatcher dispatcher;

    @Inject
    SessionNotes notes;

    @Inject
    SessionMoves moves;

    @Inject
    Clock clock;

    @Override
    @Transactional
    public void accept(String operator, String sessionId) {
        SupportSession session = moves.locked(sessionId);
        OpenChannel channel = channels.find(session.channelId()).orElseThrow();
        switch (session.state()) {
            case OFFERED -> {
                if (!session.offeredTo().contains(operator)) {
                    throw new RoutingRefusal(Code.NOT_OFFERED, "This session is not offered to you");
                }
            }
            case WAITING -> {
                if (channel.settings().routingMode() != RoutingMode.MANUAL) {
                    throw new RoutingRefusal(Code.NOT_OFFERED, "This session is not offered to you");
                }
                if (!channel.settings().operators().contains(operator)) {
                    throw new RoutingRefusal(Code.NOT_A_MEMBER, "You are not an operator of this channel");
                }
            }
            case CLOSED -> throw new RoutingRefusal(Code.SESSION_CLOSED, "This session is closed");
            default -> throw new RoutingRefusal(Code.SESSION_TAKEN, "Another operator already took this session");
        }
        Instant now = clock.instant();
        // The operator's presence row serialises their acceptances: capacity holds under concurrency too.
        OperatorPresence me = lockedPresence(operator, now);
        List<SupportSession> owned = sessions.ownedBy(operator);
        boolean countOnlyAnswered = channel.settings().countOnlyAnswered();
        long load = owned.stream().filter(s -> !countOnlyAnswered || s.state() == SupportSessionState.ANSWERED).count();
        if (load >= channel.settings().capacity()) {
            throw new RoutingRefusal(Code.AT_CAPACITY, "You already hold " + load + " session(s), the channel's "
                    + "capacity is " + channel.settings().capacity());
        }
        session.accept(operator, now);
        access.granted(session.portalId(), operator, now);
        me.tookSession(now);
        notes.system(session, "session.operatorJoined", notes.operatorName(operator));
        moves.announce(session, Set.of(channel.id()));
    }

    @Override
    @Transactional
    public void skip(String operator, String sessionId) {
        SupportSession session = moves.locked(sessionId);
        if (session.state() != SupportSessionState.OFFERED || !session.offeredTo().contains(operator)) {
            throw new RoutingRefusal(Code.NOT_OFFERED, "This session is not offered to you");
        }
        Instant now = clock.instant();
        session.withdrawOffer(operator, false, now);
        OpenChannel channel = channels.find(session.channelId()).orElseThrow();
        dispatcher.dispatch(channel, now);
        moves.announce(session, Set.of(channel.id()));
    }

    @Override
    @Transactional
    public void transfer(String operator, String sessionId, String toOperator, String toChannel, String note) {
        boolean toPerson = toOperator != null && !toOperator.isBlank();
        boolean toQueue = toChannel != null && !toChannel.isBlank();
        if (toPerson == toQueue) {
            throw new RoutingRefusal(Code.INVALID_TRANSFER, "Name exactly one of toOperator and toChannel");
        }
        if (note != null && note.length() > 1000) {
            throw new RoutingRefusal(Code.INVALID_TRANSFER, "A transfer note holds at most 1000 characters");
        }
        SupportSession session = moves.owned(operator, sessionId);
        Instant now = clock.instant();
        String from = session.channelId();
        OpenChannel target;
        if (toPerson) {
            if (toOperator.equals(operator)) {
                throw new RoutingRefusal(Code.INVALID_TRANSFER, "The session is already yours");
            }
            if (staff.findByUsername(toOperator).filter(a -> a.roles().contains(StaffRole.OPERATOR)).isEmpty()) {
                throw new RoutingRefusal(Code.UNKNOWN_OPERATOR, "No operator " + toOperator);
            }
            boolean available = presence.find(toOperator).map(p -> availability.available(p, now)).orElse(false);
            if (!available) {
                throw new RoutingRefusal(Code.TARGET_UNAVAILABLE, toOperator + " is not online");
            }
            target = channels.find(from).orElseThrow();
            session.transfer(null, toOperator, note, now);
            notes.system(session, "session.transferred");
        } else {
            target = channels.find(toChannel).filter(c -> c.settings().enabled())
                    .orElseThrow(() -> new RoutingRefusal(Code.UNKNOWN_CHANNEL, "No enabled channel " + toChannel));
            if (target.id().equals(from)) {
                throw new RoutingRefusal(Code.INVALID_TRANSFER, "The session is already in this channel");
            }
            session.transfer(target.id(), null, note, now);
            notes.system(session, "session.transferredChannel");
        }
        dispatcher.dispatch(target, now);
        if (!target.id().equals(from)) {
            dispatcher.dispatch(channels.find(from).orElseThrow(), now);
        }
        moves.announce(session, new HashSet<>(List.of(from, target.id())));
    }

    /** The operator's presence row under its lock; an operator without one yet gets it first. */
    private OperatorPresence lockedPresence(String operator, Instant now) {
        return presence.findForUpdate(operator).orElseGet(() -> {
            OperatorPresence p = new OperatorPresence(operator, now);
            presence.store(p);
            return presence.findForUpdate(operator).orElseThrow();
        });
    }
}
