package org.supporthub.routing.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.supporthub.core.application.ChatService;
import org.supporthub.core.application.PostedMessage;
import org.supporthub.core.domain.model.conversation.ConversationRepository;
import org.supporthub.core.domain.model.conversation.SupportQuestion;
import org.supporthub.core.domain.model.portal.Portal;
import org.supporthub.core.domain.model.portal.PortalRepository;
import org.supporthub.core.domain.model.staff.StaffAccountRepository;
import org.supporthub.core.domain.model.staff.StaffRole;
import org.supporthub.routing.application.OpenChannelRegistry;
import org.supporthub.routing.application.RoutingRefusal;
import org.supporthub.routing.application.RoutingRefusal.Code;
import org.supporthub.routing.application.SupportSessionService;
import org.supporthub.routing.domain.model.RoutingMode;
import org.supporthub.routing.domain.model.SupportSessionState;
import org.supporthub.routing.domain.model.channel.OpenChannel;
import org.supporthub.routing.domain.model.channel.OpenChannelRepository;
import org.supporthub.routing.domain.model.operator.OperatorAvailability;
import org.supporthub.routing.domain.model.operator.OperatorPresence;
import org.supporthub.routing.domain.model.operator.OperatorPresenceRepository;
import org.supporthub.routing.domain.model.session.SessionChange;
import org.supporthub.routing.domain.model.session.PortalAccessRepository;
import org.supporthub.routing.domain.model.session.SupportSession;
import org.supporthub.routing.domain.model.session.SupportSessionChanged;
import org.supporthub.routing.domain.model.session.SupportSessionRepository;
import org.supporthub.routing.domain.model.session.Vote;

import org.supporthub.core.application.ScopeTriage;
import org.supporthub.core.domain.model.policy.Coverage;
import org.supporthub.core.domain.model.policy.PolicyItem;
import org.supporthub.core.domain.model.policy.SupportArea;
import org.supporthub.core.domain.model.policy.TriageResult;
import org.supporthub.routing.domain.model.session.TriageCorrection;
import org.supporthub.routing.domain.model.session.TriageCorrectionRepository;

import java.time.Clock;
import java.util.logging.Level;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class DefaultSupportSessionService implements SupportSessionService {

    private static final java.util.logging.Logger LOG =
            java.util.logging.Logger.getLogger(DefaultSupportSessionService.class.getName());
    static final String EDITION = "commercial";
    /** Triage must be at least this sure that a question is not covered before the bot holds it back. */
    static final double HOLD_CONFIDENCE = 0.6;
    static final String SEND_ANYWAY = "send-anyway";
    static final int MAX_VOTE_COMMENT = 1000;

    @Inject
    SupportSessionRepository sessions;

    @Inject
    PortalAccessRepository access;

    @Inject
    org.supporthub.core.application.BotTexts texts;

    @Inject
    OpenChannelRepository channels;

    @Inject
    OpenChannelRegistry registry;

    @Inject
    OperatorPresenceRepository presence;

    @Inject
    OperatorAvailability availability;

    @Inject
    StaffAccountRepository staff;

    @Inject
    PortalRepository portals;

    @Inject
    ConversationRepository conversations;

    @Inject
    QueueDispatcher dispatcher;

    @Inject
    SessionNotes notes;

    @Inject
    ChatService chat;

    @Inject
    Clock clock;

    @Inject
    ScopeTriage scopeTriage;

    @Inject
    TriageCorrectionRepository corrections;

    @Inject
    @SupportSessionChanged
    Event<SessionChange> changed;

    @Override
    @Transactional
    public boolean continueOpen(SupportQuestion question) {
        boolean continued = sessions.openOfConversation(question.conversationId())
                .flatMap(s -> sessions.findForUpdate(s.id()))
                .filter(SupportSession::isOpen)
                .map(s -> {
                    s.administratorWrote(clock.instant());
                    return true;
                }).orElse(false);
        if (continued) {
            conversations.questionRouted(question.conversationId(), question.seq());
        }
        return continued;
    }

    @Override
    @Transactional
    public void open(SupportQuestion question) {
        // The conversation's row lock makes "no open session yet, so open one" safe for two tabs at once.
        conversations.findForUpdate(question.conversationId()).orElseThrow();
        if (sessions.openOfConversation(question.conversationId()).isPresent()) {
            continueOpen(question);
            return;
        }
        Portal portal = portals.find(question.portalId()).orElseThrow();
        OpenChannel channel = registry.serving(portal.locale().tag(), EDITION)
                .map(OpenChannelRegistry.ServingChannel::channel)
                .orElseThrow(() -> new RoutingRefusal(Code.NO_CHANNEL, "No open channel serves the portal's language '"
                        + portal.locale().tag() + "'"));
        Instant now = clock.instant();
        SupportSession session = new SupportSession(UUID.randomUUID().toString(), question.conversationId(),
                portal.id(), channel.id(), question.locale().tag(), question.seq(), question.text(), now);
        TriageResult triage = triageOf(question);
        boolean notCovered = triage.coverage().filter(c -> c == Coverage.NOT_COVERED).isPresent()
                && triage.confidence() >= HOLD_CONFIDENCE;
        session.triaged(triage.area().map(Enum::name).orElse(null), triage.coverage().map(Enum::name).orElse(null),
                triage.confidence(), triage.item().map(PolicyItem::id).orElse(null), notCovered);
        sessions.store(session);
        conversations.questionRouted(question.conversationId(), question.seq());
        if (notCovered) {
            // Nothing is dropped: the question waits, and the administrator decides.
            notes.botWithActions(session, List.of(SEND_ANYWAY), "triage.notCovered",
                    triage.item().orElseThrow().text(question.locale()));
        } else {
            queue(session, channel, now);
            triage.item().filter(i -> i.coverage() == Coverage.LIMITED)
                    .ifPresent(i -> notes.bot(session, "triage.limited", i.text(question.locale())));
        }
        announce(session, Set.of(channel.id()));
    }

    @Override
    @Transactional
    public void cannotRoute(SupportQuestion question, RoutingRefusal why) {
        chat.note(question.conversationId(), org.supporthub.core.domain.model.conversation.AuthorKind.BOT,
                texts.text(question.locale(), "session.noChannel"));
        conversations.questionRouted(question.conversationId(), question.seq());
    }

    /** The session joins the channel's queue, and the administrator is told where it stands. */
    private void queue(SupportSession session, OpenChannel channel, Instant now) {
        dispatcher.dispatch(channel, now);
        notes.bot(session, "session.received", queuePosition(session));
        notes.botVerbatim(session, channel.settings().session().welcomeMessage());
        if (!channel.workingHours().isOpen(now)) {
            notes.botVerbatim(session, channel.settings().session().outOfHoursMessage());
            notes.bot(session, "session.outOfHours");
        }
    }

    private TriageResult triageOf(SupportQuestion question) {
        try {
            return scopeTriage.classify(question.text(), question.locale());
        } catch (RuntimeException e) {
            // Triage helps; it must never stand between an administrator and support.
            LOG.log(Level.WARNING, "Triage failed; the question goes to support unlabelled", e);
            return TriageResult.unclear(0);
        }
    }

    @Override
    @Transactional
    public void sendAnyway(String conversationId) {
        conversations.findForUpdate(conversationId).orElseThrow();
        SupportSession session = sessions.openOfConversation(conversationId)
                .flatMap(s -> sessions.findForUpdate(s.id()))
                .filter(SupportSession::held)
                .orElse(null);
        if (session == null) {
            chat.note(conversationId, org.supporthub.core.domain.model.conversation.AuthorKind.BOT,
                    notes.text(conversationId, "triage.nothingHeld"));
            return;
        }
        session.release();
        OpenChannel channel = channels.find(session.channelId()).orElseThrow();
        queue(session, channel, clock.instant());
        announce(session, Set.of(channel.id()));
    }

    @Override
    @Transactional
    public void relabel(String operator, String sessionId, String area, String coverage) {
        SupportArea newArea;
        Coverage newCoverage;
        try {
            newArea = SupportArea.valueOf(area == null ? "" : area);
            newCoverage = Coverage.valueOf(coverage == null ? "" : coverage);
        } catch (IllegalArgumentException e) {
            throw new RoutingRefusal(Code.INVALID_LABEL, "area is one of " + java.util.Arrays.toString(
                    SupportArea.values()) + ", coverage one of " + java.util.Arrays.toString(Coverage.values()));
        }
        SupportSession session = locked(sessionId);
        OpenChannel channel = channels.find(session.channelId()).orElseThrow();
        boolean mine = operator.equals(session.operator().orElse(null));
        if (!mine && !channel.settings().operators().contains(operator)) {
            throw new RoutingRefusal(Code.NOT_YOURS, "Only the channel's operators may label its sessions");
        }
        session.relabel(newArea.name(), newCoverage.name());
        corrections.store(new TriageCorrection(UUID.randomUUID().toString(), session.id(), operator, newArea.name(),
                newCoverage.name(), session.firstMessage(), clock.instant()));
        announce(session, Set.of(channel.id()));
    }

    @Override
    @Transactional
    public void accept(String operator, String sessionId) {
        SupportSession session = locked(sessionId);
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
        announce(session, Set.of(channel.id()));
    }

    @Override
    @Transactional
    public void skip(String operator, String sessionId) {
        SupportSession session = locked(sessionId);
        if (session.state() != SupportSessionState.OFFERED || !session.offeredTo().contains(operator)) {
            throw new RoutingRefusal(Code.NOT_OFFERED, "This session is not offered to you");
        }
        Instant now = clock.instant();
        session.withdrawOffer(operator, false, now);
        OpenChannel channel = channels.find(session.channelId()).orElseThrow();
        dispatcher.dispatch(channel, now);
        announce(session, Set.of(channel.id()));
    }

    @Override
    @Transactional
    public PostedMessage reply(String operator, String sessionId, String clientMsgId, String text) {
        SupportSession session = owned(operator, sessionId);
        PostedMessage posted = chat.postAsStaff(session.conversationId(), clientMsgId, notes.operatorName(operator),
                text);
        if (!posted.duplicate()) {
            boolean first = session.state() == SupportSessionState.ASSIGNED;
            session.operatorReplied(clock.instant());
            if (first) {
                announce(session, Set.of(session.channelId()));
            }
        }
        return posted;
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
        SupportSession session = owned(operator, sessionId);
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
        announce(session, new HashSet<>(List.of(from, target.id())));
    }

    @Override
    @Transactional
    public void close(String operator, String sessionId) {
        SupportSession session = locked(sessionId);
        if (!session.isOpen()) {
            throw new RoutingRefusal(Code.SESSION_CLOSED, "This session is already closed");
        }
        OpenChannel channel = channels.find(session.channelId()).orElseThrow();
        boolean mine = operator.equals(session.operator().orElse(null));
        boolean unassignedInMyChannel = session.isUnassigned() && channel.settings().operators().contains(operator);
        if (!mine && !unassignedInMyChannel) {
            throw new RoutingRefusal(Code.NOT_YOURS, "Only the operator who holds this session may close it");
        }
        SessionClosing.close(session, channel, notes, "session.closed", clock.instant());
        dispatcher.dispatch(channel, clock.instant());
        announce(session, Set.of(channel.id()));
    }

    @Override
    @Transactional
    public void vote(String conversationId, String sessionId, String value, String comment) {
        Vote vote = Vote.fromWire(value)
                .orElseThrow(() -> new RoutingRefusal(Code.INVALID_VOTE, "A vote is 'like' or 'dislike'"));
        if (comment != null && comment.length() > MAX_VOTE_COMMENT) {
            throw new RoutingRefusal(Code.INVALID_VOTE, "A comment holds at most " + MAX_VOTE_COMMENT + " characters");
        }
        SupportSession session = sessions.findForUpdate(sessionId == null ? "" : sessionId)
                .filter(s -> s.conversationId().equals(conversationId))
                .orElseThrow(() -> new RoutingRefusal(Code.NO_SESSION, "No such session in this conversation"));
        if (!session.voteOpen()) {
            throw new RoutingRefusal(Code.VOTE_NOT_OPEN, "This session takes no vote now");
        }
        session.vote(vote, comment);
        notes.bot(session, "session.voteThanks");
        announce(session, Set.of(session.channelId()));
    }

    private SupportSession locked(String sessionId) {
        return sessions.findForUpdate(sessionId == null ? "" : sessionId)
                .orElseThrow(() -> new RoutingRefusal(Code.UNKNOWN_SESSION, "No such session"));
    }

    private SupportSession owned(String operator, String sessionId) {
        SupportSession session = locked(sessionId);
        if (!session.isOpen()) {
            throw new RoutingRefusal(Code.SESSION_CLOSED, "This session is closed");
        }
        if (!operator.equals(session.operator().orElse(null))) {
            throw new RoutingRefusal(Code.NOT_YOURS, "This session is not yours");
        }
        return session;
    }

    private OperatorPresence lockedPresence(String operator, Instant now) {
        return presence.findForUpdate(operator).orElseGet(() -> {
            OperatorPresence p = new OperatorPresence(operator, now);
            presence.store(p);
            return presence.findForUpdate(operator).orElseThrow();
        });
    }

    /** One read of the channel's queue, ids only. */
    private int queuePosition(SupportSession session) {
        List<SupportSessionRepository.QueueEntry> queue = sessions.queueOf(session.channelId());
        for (int i = 0; i < queue.size(); i++) {
            if (queue.get(i).sessionId().equals(session.id())) {
                return i + 1;
            }
        }
        return 0;
    }

    private void announce(SupportSession session, Set<String> channelIds) {
        changed.fire(new SessionChange(session.id(), session.conversationId(), new HashSet<>(channelIds)));
    }
}
