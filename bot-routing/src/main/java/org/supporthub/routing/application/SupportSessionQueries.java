package org.supporthub.routing.application;

import org.supporthub.routing.domain.model.SupportSessionState;
import org.supporthub.routing.domain.model.channel.CannedResponse;
import org.supporthub.routing.domain.model.operator.PresenceStatus;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the widget and the console show about support sessions; reads only. */
public interface SupportSessionQueries {

    /** The conversation's latest session as its administrator sees it; empty when it never had one. */
    Optional<WidgetSession> forConversation(String conversationId);

    /**
     * The latest session of each of these conversations, as its administrator sees it (conversations
     * that never had one are left out). Costs a constant number of reads per call, whatever the number
     * of conversations: this is how a whole queue's positions are pushed at once.
     */
    Map<String, WidgetSession> forConversations(Collection<String> conversationIds);

    /**
     * Conversations whose session is queued in one of these channels: their queue positions may have
     * moved. One read (ids only) per channel.
     */
    Set<String> queuedConversationsIn(Set<String> channelIds);

    /** Conversations that have an open session, in any channel. */
    Set<String> openConversations();

    /** Everything the operator should see now: offered to them, theirs, or waiting in their channels. */
    List<ConsoleSession> forOperator(String operator);

    /** {@link #forOperator} for several operators at once, from one read of the open sessions. */
    Map<String, List<ConsoleSession>> forOperators(Collection<String> operators);


    OperatorProfile profile(String operator);

    /** The owner of the conversation's open session, for forwarding the administrator's typing. */
    Optional<String> ownerOfConversation(String conversationId);

    /** The session's conversation, if the operator may read it (they own it or it is in their channels). */
    Optional<String> conversationFor(String operator, String sessionId);

    /**
     * Whether the operator is a participant of the message: they hold the conversation's open session (and
     * so see the whole conversation in the console), or they held the session the message was written in.
     * The rule for a conversation's files, narrower than reading the portal's history.
     */
    boolean heldSessionOf(String operator, String conversationId, long messageSeq);

    /** The session as plain text, for download. */
    Optional<String> transcript(String operator, String sessionId);

    /**
     * One page of the portal's conversations, each with its latest messages, for someone who may read them:
     * a manager ({@code everyPortal}), or an operator who holds or has held a session of the portal.
     *
     * @return empty when the viewer may not read the portal's history
     */
    Optional<HistoryPage> portalHistory(String viewer, boolean everyPortal, String portalId, HistoryWindow window);

    /**
     * Earlier messages of one of the portal's conversations, before {@code beforeSeq}, under the same rule.
     *
     * @return empty when the viewer may not read it, or the conversation is not the portal's
     */
    Optional<ConversationHistory> earlierMessages(String viewer, boolean everyPortal, String portalId,
                                                  String conversationId, long beforeSeq, int limit);

    /**
     * The portal's latest support sessions, newest first, for managers: state, channel, who held it, when,
     * and how the administrator voted. Two reads (the sessions, the channels' names).
     *
     * @param limit at most this many, 1..{@value #MAX_PORTAL_SESSIONS}
     */
    List<PortalSession> portalSessions(String portalId, int limit);

    int MAX_PORTAL_SESSIONS = 200;

    record PortalSession(String sessionId, String conversationId, String channelId, String channelName,
                         SupportSessionState state, String operator, Instant askedAt, Instant closedAt,
                         String firstMessage, String vote) {
    }

    /**
     * Which part of a portal's history to read. The bounds hold whatever a client asks for.
     *
     * @param page     0-based page of conversations, oldest first
     * @param size     conversations per page, 1..{@value #MAX_SIZE}
     * @param messages latest messages per conversation, 1..{@value #MAX_MESSAGES}
     */
    record HistoryWindow(int page, int size, int messages) {
        public static final int MAX_SIZE = 50;
        public static final int MAX_MESSAGES = 200;

        public HistoryWindow {
            page = Math.max(0, page);
            size = Math.min(MAX_SIZE, Math.max(1, size));
            messages = Math.min(MAX_MESSAGES, Math.max(1, messages));
        }
    }

    /** @param hasMore whether a further page of conversations exists */
    record HistoryPage(List<ConversationHistory> conversations, int page, int size, boolean hasMore) {
    }

    /**
     * @param held         waiting for the administrator to send the question to support anyway
     * @param leftForLater the administrator left the question for later, with an address for the answer
     */
    record WidgetSession(String sessionId, SupportSessionState state, int queuePosition, String operatorName,
                         boolean outOfHours, boolean voteOpen, String vote, boolean held, boolean leftForLater) {

        public WidgetSession(String sessionId, SupportSessionState state, int queuePosition, String operatorName,
                             boolean outOfHours, boolean voteOpen, String vote, boolean held) {
            this(sessionId, state, queuePosition, operatorName, outOfHours, voteOpen, vote, held, false);
        }
    }

    /** @param leftForLater the administrator left the question for later: the answer may reach them by mail */
    record ConsoleSession(String sessionId, String conversationId, String portalId, String portalName,
                          String administrator, String channelId, String channelName, SupportSessionState state,
                          String operator, boolean offeredToMe, Instant askedAt, long waitingSeconds,
                          String firstMessage, String note, int queuePosition, Label label, boolean leftForLater) {

        public ConsoleSession(String sessionId, String conversationId, String portalId, String portalName,
                              String administrator, String channelId, String channelName, SupportSessionState state,
                              String operator, boolean offeredToMe, Instant askedAt, long waitingSeconds,
                              String firstMessage, String note, int queuePosition, Label label) {
            this(sessionId, conversationId, portalId, portalName, administrator, channelId, channelName, state,
                    operator, offeredToMe, askedAt, waitingSeconds, firstMessage, note, queuePosition, label, false);
        }
    }

    /**
     * What triage (or an operator's correction) says of the question.
     *
     * @param area       a policy area, or {@code UNCLEAR}
     * @param coverage   {@code COVERED}, {@code LIMITED}, {@code NOT_COVERED} or {@code UNCLEAR}
     * @param policyItem the policy item that matched, or null
     */
    record Label(String area, String coverage, double confidence, String policyItem) {
    }

    record OperatorProfile(String username, String name, PresenceStatus status, List<ChannelSummary> channels,
                           List<OperatorSummary> operators) {
    }

    record ChannelSummary(String id, String name, String routingMode, List<CannedResponse> cannedResponses) {
    }

    record OperatorSummary(String username, String name, PresenceStatus status) {
    }

    /** @param hasEarlier whether messages before the first one here exist ({@code earlierMessages} reads them) */
    record ConversationHistory(String conversationId, String user, List<HistoryMessage> messages,
                               boolean hasEarlier) {
    }

    record HistoryMessage(long seq, Author author, String text, Instant at) {
    }

    /** @param kind {@code user}, {@code bot}, {@code staff} or {@code system}, as on the wire */
    record Author(String kind, String name) {
    }
}
