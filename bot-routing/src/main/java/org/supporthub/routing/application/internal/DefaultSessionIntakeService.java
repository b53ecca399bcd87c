package org.supporthub.routing.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.supporthub.core.application.BotTexts;
import org.supporthub.core.application.ChatService;
import org.supporthub.core.application.ScopeTriage;
import org.supporthub.core.domain.model.conversation.AuthorKind;
import org.supporthub.core.domain.model.conversation.ConversationRepository;
import org.supporthub.core.domain.model.conversation.SupportQuestion;
import org.supporthub.core.domain.model.policy.Coverage;
import org.supporthub.core.domain.model.policy.PolicyItem;
import org.supporthub.core.domain.model.policy.TriageResult;
import org.supporthub.core.domain.model.portal.Portal;
import org.supporthub.core.domain.model.portal.PortalRepository;
import org.supporthub.routing.application.OpenChannelRegistry;
import org.supporthub.routing.application.RoutingRefusal;
import org.supporthub.routing.application.RoutingRefusal.Code;
import org.supporthub.routing.application.SessionIntakeService;
import org.supporthub.routing.domain.model.channel.OpenChannel;
import org.supporthub.routing.domain.model.channel.OpenChannelRepository;
import org.supporthub.routing.domain.model.session.SupportSession;
import org.supporthub.routing.domain.model.session.SupportSessionRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Opens and continues sessions for administrators' questions. A new session is triaged first: a question
 * triage is confident support does not cover waits for the administrator's "send to support anyway";
 * every other question joins the channel's queue at once, and the administrator is told where it stands.
 */
@ApplicationScoped
public class DefaultSessionIntakeService implements SessionIntakeService {

    private static final Logger LOG = Logger.getLogger(DefaultSessionIntakeService.class.getName());
    static final String EDITION = "commercial";
    /** Triage must be at least this sure that a question is not covered before the bot holds it back. */
    static final double HOLD_CONFIDENCE = 0.6;
    static final String SEND_ANYWAY = "send-anyway";
    /** The widget's action for leaving a question for later; it asks for the address, then sends {@code leave}. */
    static final String LEAVE_FOR_LATER = "leave-for-later";

    @Inject
    SupportSessionRepository sessions;

    @Inject
    BotTexts texts;

    @Inject
    OpenChannelRepository channels;

    @Inject
    OpenChannelRegistry registry;

    @Inject
    PortalRepository portals;

    @Inject
    ConversationRepository conversations;

    @Inject
    QueueDispatcher dispatcher;

    @Inject
    SessionNotes notes;

    @Inject
    SessionMoves moves;

    @Inject
    ChatService chat;

    @Inject
    Clock clock;

    @Inject
    ScopeTriage scopeTriage;

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
        if (sessions.latestOfConversation(question.conversationId()).flatMap(SupportSession::lastSeq)
                .filter(last -> question.seq() <= last).isPresent()) {
            // Written while the latest session was open, routed only after it closed (the operator closed it
            // between the message being stored and routed): it belongs to that session and opens no new one.
            conversations.questionRouted(question.conversationId(), question.seq());
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
        moves.announce(session, Set.of(channel.id()));
    }

    @Override
    @Transactional
    public void cannotRoute(SupportQuestion question, RoutingRefusal why) {
        chat.note(question.conversationId(), AuthorKind.BOT, texts.text(question.locale(), "session.noChannel"));
        conversations.questionRouted(question.conversationId(), question.seq());
    }

    @Override
    @Transactional
    public void sendAnyway(String conversationId) {
        conversations.findForUpdate(conversationId).orElseThrow();
        SupportSession session = moves.openLocked(conversationId).filter(SupportSession::held).orElse(null);
        if (session == null) {
            chat.note(conversationId, AuthorKind.BOT, notes.text(conversationId, "triage.nothingHeld"));
            return;
        }
        session.release(clock.instant());
        OpenChannel channel = channels.find(session.channelId()).orElseThrow();
        queue(session, channel, clock.instant());
        moves.announce(session, Set.of(channel.id()));
    }

    @Override
    @Transactional
    public void leaveForLater(String conversationId, String email) {
        SupportSession session = moves.openLocked(conversationId).filter(SupportSession::isUnassigned).orElse(null);
        if (session == null) {
            chat.note(conversationId, AuthorKind.BOT, notes.text(conversationId, "session.nothingToLeave"));
            return;
        }
        session.leaveForLater(email);
        notes.bot(session, "session.leftForLater", email);
        moves.announce(session, Set.of(session.channelId()));
    }

    /** The session joins the channel's queue, and the administrator is told where it stands. */
    private void queue(SupportSession session, OpenChannel channel, Instant now) {
        boolean offered = dispatcher.dispatch(channel, now).stream().anyMatch(s -> s.id().equals(session.id()));
        notes.bot(session, "session.received", queuePosition(session));
        notes.botVerbatim(session, channel.settings().session().welcomeMessage());
        boolean closed = !channel.workingHours().isOpen(now);
        if (closed) {
            notes.botVerbatim(session, channel.settings().session().outOfHoursMessage());
            notes.bot(session, "session.outOfHours");
        }
        if (!offered && (closed || !dispatcher.anyoneOnline(channel, now))) {
            offerLater(session, notes);
        }
    }

    /**
     * Nobody can take the question now (support is closed, no operator is online, or the queue time passed):
     * the bot offers, once per session, to leave it for support with an address to be answered at.
     */
    static void offerLater(SupportSession session, SessionNotes notes) {
        if (session.offerLater()) {
            notes.botWithActions(session, List.of(LEAVE_FOR_LATER), "session.laterOffer");
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
}
