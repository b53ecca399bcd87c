package org.supporthub.web.interfaces.websocket;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import org.supporthub.web.infrastructure.limits.KeyedRateLimiter;
import org.supporthub.core.application.BotTexts;
import org.supporthub.core.application.ChatService;
import org.supporthub.core.application.InvalidChatInputException;
import org.supporthub.core.domain.model.conversation.ConversationMessage;
import org.supporthub.routing.application.OperatorPresenceService;
import org.supporthub.routing.application.RoutingRefusal;
import org.supporthub.routing.application.SessionAssignmentService;
import org.supporthub.routing.application.SessionConversationService;
import org.supporthub.routing.application.SupportSessionQueries;
import org.supporthub.routing.domain.model.operator.PresenceStatus;
import org.supporthub.web.infrastructure.security.ConsoleAccessGuard;
import org.supporthub.web.infrastructure.security.StaffTokens;

import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The agent console's socket, {@code /ws/console}: adapts the console protocol (docs/protocol.md,
 * section 10) to the session service. Identity comes only from the hub-signed staff token in {@code hello};
 * every later frame is checked against the token's revocation (log-out, account changed) and expiry, and a
 * withdrawn login closes the socket with 1008 and the reason (docs/protocol.md).
 */
@ServerEndpoint(value = "/ws/console", configurator = ConsoleEndpointConfigurator.class)
public class ConsoleEndpoint {

    private static final Logger LOG = Logger.getLogger(ConsoleEndpoint.class.getName());
    private static final String CONNECTION = "supporthub.console";
    private static final long PRESENCE_EVERY_MILLIS = 5_000;

    @Inject
    StaffTokens tokens;

    @Inject
    SessionAssignmentService sessions;

    @Inject
    SessionConversationService conversation;

    @Inject
    SupportSessionQueries queries;

    @Inject
    OperatorPresenceService presence;

    @Inject
    ConsoleConnections connections;

    @Inject
    ChatConnections chats;

    @Inject
    ChatService chat;

    @Inject
    HelloDeadline helloDeadline;

    @Inject
    ConsoleAccessGuard access;

    @Inject
    SocketGuard guard;

    @Inject
    IdleTimeouts idle;

    @Inject
    BotTexts texts;

    @OnOpen
    public void open(Session session) {
        ConsoleConnection connection = new ConsoleConnection(session);
        session.getUserProperties().put(CONNECTION, connection);
        String refused = guard.admitAddress(session);
        if (refused != null) {
            connection.reply(refused);
            connection.close(SocketGuard.tooManySocketsReason());
            return;
        }
        idle.console(session);
        helloDeadline.watch(connection);
    }

    @OnMessage(maxMessageSize = ChatEndpoint.MAX_FRAME_BYTES)
    public void frame(String text, Session session) {
        ConsoleConnection connection = (ConsoleConnection) session.getUserProperties().get(CONNECTION);
        JsonObject frame = Frames.parse(text);
        String type = frame == null ? null : Frames.string(frame, "type");
        if (!connection.isAuthenticated()) {
            if ("hello".equals(type)) {
                connection.helloArrived();
                hello(connection, frame);
            } else {
                connection.close(policy("HELLO_REQUIRED"));
            }
            return;
        }
        // Every frame of a logged-in console: is the login still good (not logged out, account unchanged)?
        Optional<String> refused = access.refusal(connection.operator());
        if (refused.isPresent()) {
            connection.close(policy(refused.get()));
            return;
        }
        if (frame == null) {
            connection.reply(SessionFrames.error("MALFORMED_JSON", "A frame must be one JSON object", null, null));
            return;
        }
        String operator = connection.operator().username();
        String sessionId = Frames.string(frame, "sessionId");
        KeyedRateLimiter.Decision allowed = guard.consoleFrame(operator, type);
        if (!allowed.allowed()) {
            connection.reply(SocketGuard.rateLimited(allowed, Frames.string(frame, "clientMsgId"), sessionId));
            return;
        }
        try {
            if (connection.dueForPresence(System.currentTimeMillis(), PRESENCE_EVERY_MILLIS)) {
                presence.seen(operator);
            }
            dispatch(connection, operator, type, frame, sessionId);
        } catch (RoutingRefusal e) {
            connection.reply(SessionFrames.error(e.code().name(), e.getMessage(), Frames.string(frame, "clientMsgId"),
                    sessionId));
        } catch (InvalidChatInputException e) {
            connection.reply(SessionFrames.error(e.code().name(), e.getMessage(), Frames.string(frame, "clientMsgId"),
                    sessionId));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A console frame failed", e);
            connection.reply(SessionFrames.error("INTERNAL_ERROR", "The hub could not handle this frame; try again",
                    Frames.string(frame, "clientMsgId"), sessionId));
        }
    }

    private void dispatch(ConsoleConnection connection, String operator, String type, JsonObject frame,
                          String sessionId) {
        switch (type == null ? "" : type) {
            case "status" -> status(connection, operator, Frames.string(frame, "status"));
            case "accept" -> sessions.accept(operator, sessionId);
            case "skip" -> sessions.skip(operator, sessionId);
            case "open" -> openConversation(connection, operator, sessionId, Frames.lastSeq(frame));
            case "message" -> {
                String conversationId = queries.conversationFor(operator, sessionId).orElse(null);
                var posted = conversation.reply(operator, sessionId, Frames.string(frame, "clientMsgId"),
                        Frames.string(frame, "text"));
                // Sent only now: the reply's transaction has committed.
                connection.reply(SessionFrames.consoleAck(posted, conversationId));
            }
            case "typing" -> queries.conversationFor(operator, sessionId).ifPresent(conversationId -> {
                if (queries.ownerOfConversation(conversationId).filter(operator::equals).isPresent()) {
                    chats.typing(conversationId, connection.operator().name());
                }
            });
            case "transfer" -> sessions.transfer(operator, sessionId, Frames.string(frame, "toOperator"),
                    Frames.string(frame, "toChannel"), Frames.string(frame, "note"));
            case "close" -> conversation.close(operator, sessionId);
            case "label" -> conversation.relabel(operator, sessionId, Frames.string(frame, "area"),
                    Frames.string(frame, "coverage"));
            case "sessions" -> connections.fullSessions(connection, operator);
            case "ping" -> connection.reply(Frames.pong());
            case "hello" -> connection.reply(SessionFrames.error("ALREADY_AUTHENTICATED",
                    "This socket already said hello", null, null));
            default -> connection.reply(SessionFrames.error("UNKNOWN_TYPE", "Unknown frame type: " + type, null, null));
        }
    }

    private void status(ConsoleConnection connection, String operator, String value) {
        PresenceStatus status;
        try {
            status = PresenceStatus.valueOf(value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            connection.reply(SessionFrames.error("INVALID_STATUS", "status is ONLINE, AWAY or OFFLINE", null, null));
            return;
        }
        presence.changeStatus(operator, status);
    }

    private void openConversation(ConsoleConnection connection, String operator, String sessionId, long lastSeq) {
        String conversationId = queries.conversationFor(operator, sessionId).orElseThrow(
                () -> new RoutingRefusal(RoutingRefusal.Code.UNKNOWN_SESSION, "No session " + sessionId + " for you"));
        connection.opening(conversationId, after -> chat.history(conversationId, after, HistoryReplay.PAGE).stream()
                .map(m -> new OrderedFeed.Numbered(m.seq(), Frames.consoleMessage(m, texts))).toList());
        long after = lastSeq;
        List<ConversationMessage> page;
        do {
            page = chat.history(conversationId, after, HistoryReplay.PAGE);
            for (ConversationMessage m : page) {
                connection.replay(conversationId, m.seq(), Frames.consoleMessage(m, texts));
                after = m.seq();
            }
        } while (page.size() == HistoryReplay.PAGE);
        connection.replayed(conversationId, after);
    }

    private void hello(ConsoleConnection connection, JsonObject frame) {
        Optional<StaffTokens.Operator> operator = tokens.verify(Frames.string(frame, "token"));
        if (operator.isEmpty()) {
            connection.close(policy("INVALID_TOKEN"));
            return;
        }
        connection.authenticated(operator.get());
        presence.seen(operator.get().username());
        connections.register(connection);
        String username = operator.get().username();
        // The protocol's promise: a full session list follows the welcome; after it, only changes.
        connections.welcome(connection, username);
    }

    @OnClose
    public void closed(Session session, CloseReason reason) {
        guard.released(session);
        ConsoleConnection connection = (ConsoleConnection) session.getUserProperties().get(CONNECTION);
        // Once only: a socket that fails is also closed, and both may be reported.
        if (connection != null && connection.markClosed() && connections.unregister(connection)) {
            try {
                presence.disconnected(connection.operator().username());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not record that an operator's console closed", e);
            }
        }
    }

    @OnError
    public void failed(Session session, Throwable error) {
        LOG.log(Level.FINE, "Console socket error", error);
        if (!session.isOpen()) {
            closed(session, new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, "error"));
        }
    }



    static CloseReason policy(String reason) {
        return new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, reason);
    }
}
