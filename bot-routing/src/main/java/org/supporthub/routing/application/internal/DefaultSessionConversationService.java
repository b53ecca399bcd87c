package org.supporthub.routing.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.supporthub.core.application.ChatService;
import org.supporthub.core.application.PostedMessage;
import org.supporthub.core.domain.model.conversation.AuthorKind;
import org.supporthub.core.domain.model.policy.Coverage;
import org.supporthub.core.domain.model.policy.SupportArea;
import org.supporthub.routing.application.RoutingRefusal;
import org.supporthub.routing.application.RoutingRefusal.Code;
import org.supporthub.routing.application.SessionConversationService;
import org.supporthub.routing.domain.model.SupportSessionState;
import org.supporthub.routing.domain.model.channel.OpenChannel;
import org.supporthub.routing.domain.model.channel.OpenChannelRepository;
import org.supporthub.routing.domain.model.session.SessionEnd;
import org.supporthub.routing.domain.model.session.SupportSession;
import org.supporthub.routing.domain.model.session.SupportSessionRepository;
import org.supporthub.routing.domain.model.session.TriageCorrection;
import org.supporthub.routing.domain.model.session.TriageCorrectionRepository;
import org.supporthub.routing.domain.model.session.Vote;

import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The conversation inside a session, from the first reply to the administrator's vote. The first reply
 * marks the session answered (which may count towards the operator's capacity); a close frees the operator
 * and drains the channel's queue in the same transaction.
 */
@ApplicationScoped
public class DefaultSessionConversationService implements SessionConversationService {

    static final int MAX_VOTE_COMMENT = 1000;

    @Inject
    SupportSessionRepository sessions;

    @Inject
    OpenChannelRepository channels;

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
    TriageCorrectionRepository corrections;

    @Inject
    SessionMail mail;

    @Override
    @Transactional
    public PostedMessage reply(String operator, String sessionId, String clientMsgId, String text) {
        SupportSession session = moves.owned(operator, sessionId);
        PostedMessage posted = chat.postAsStaff(session.conversationId(), clientMsgId, notes.operatorName(operator),
                text);
        if (!posted.duplicate()) {
            replied(session);
            // In this transaction: the answer and its mail (if the administrator is away) commit together.
            mail.answered(session, posted.seq(), notes.operatorName(operator), text, clock.instant());
        }
        return posted;
    }

    @Override
    @Transactional
    public void repliedWithFiles(String operator, String sessionId, long seq, java.util.List<String> fileNames) {
        SupportSession session = moves.owned(operator, sessionId);
        replied(session);
        mail.answeredWithFiles(session, seq, notes.operatorName(operator), fileNames, clock.instant());
    }

    private void replied(SupportSession session) {
        boolean first = session.state() == SupportSessionState.ASSIGNED;
        session.operatorReplied(clock.instant());
        if (first) {
            moves.announce(session, Set.of(session.channelId()));
        }
    }

    @Override
    @Transactional
    public void close(String operator, String sessionId) {
        SupportSession session = moves.locked(sessionId);
        if (!session.isOpen()) {
            throw new RoutingRefusal(Code.SESSION_CLOSED, "This session is already closed");
        }
        OpenChannel channel = channels.find(session.channelId()).orElseThrow();
        boolean mine = operator.equals(session.operator().orElse(null));
        boolean unassignedInMyChannel = session.isUnassigned() && channel.settings().operators().contains(operator);
        if (!mine && !unassignedInMyChannel) {
            throw new RoutingRefusal(Code.NOT_YOURS, "Only the operator who holds this session may close it");
        }
        SessionClosing.close(session, SessionEnd.OPERATOR, channel, notes, "session.closed", clock.instant());
        dispatcher.dispatch(channel, clock.instant());
        moves.announce(session, Set.of(channel.id()));
    }

    @Override
    @Transactional
    public void endByAdministrator(String conversationId) {
        SupportSession session = moves.openLocked(conversationId).orElse(null);
        if (session == null) {
            chat.note(conversationId, AuthorKind.BOT, notes.text(conversationId, "session.nothingToEnd"));
            return;
        }
        OpenChannel channel = channels.find(session.channelId()).orElseThrow();
        SessionClosing.close(session, SessionEnd.ADMINISTRATOR, channel, notes, "session.endedByAdministrator",
                clock.instant());
        dispatcher.dispatch(channel, clock.instant());
        moves.announce(session, Set.of(channel.id()));
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
            throw new RoutingRefusal(Code.INVALID_LABEL, "area is one of " + Arrays.toString(SupportArea.values())
                    + ", coverage one of " + Arrays.toString(Coverage.values()));
        }
        SupportSession session = moves.locked(sessionId);
        OpenChannel channel = channels.find(session.channelId()).orElseThrow();
        boolean mine = operator.equals(session.operator().orElse(null));
        if (!mine && !channel.settings().operators().contains(operator)) {
            throw new RoutingRefusal(Code.NOT_YOURS, "Only the channel's operators may label its sessions");
        }
        // The classifier's own label: the one the session had before its first correction.
        Optional<TriageCorrection> first = corrections.firstFor(session.id());
        String triagedArea = first.isPresent() ? first.get().triagedArea().orElse(null) : session.area().orElse(null);
        String triagedCoverage = first.isPresent() ? first.get().triagedCoverage().orElse(null)
                : session.coverage().orElse(null);
        session.relabel(newArea.name(), newCoverage.name());
        corrections.store(new TriageCorrection(UUID.randomUUID().toString(), session.id(), operator, newArea.name(),
                newCoverage.name(), session.firstMessage(), session.locale(), triagedArea, triagedCoverage,
                clock.instant()));
        moves.announce(session, Set.of(channel.id()));
    }

    @Override
    @Transactional
    public void vote(String conversationId, String sessionId, String value, String comment) {
        Vote vote = Vote.fromWire(value)
                .orElseThrow(() -> new RoutingRefusal(Code.INVALID_VOTE, "A vote is 'like' or 'dislike'"));
        if (comment != null && comment.length() > MAX_VOTE_COMMENT) {
            throw new RoutingRefusal(Code.INVALID_VOTE, "A comment holds at most " + MAX_VOTE_COMMENT + " characters");
        }
        // Only a session of the administrator's own conversation: a session id alone proves nothing.
        SupportSession session = sessions.findForUpdate(sessionId == null ? "" : sessionId)
                .filter(s -> s.conversationId().equals(conversationId))
                .orElseThrow(() -> new RoutingRefusal(Code.NO_SESSION, "No such session in this conversation"));
        if (!session.voteOpen()) {
            throw new RoutingRefusal(Code.VOTE_NOT_OPEN, "This session takes no vote now");
        }
        session.vote(vote, comment);
        notes.bot(session, "session.voteThanks");
        moves.announce(session, Set.of(session.channelId()));
    }
}
