package org.supporthub.web.interfaces.websocket;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import org.supporthub.core.application.BotTexts;
import org.supporthub.core.application.ChatService;
import org.supporthub.core.application.ReadReceiptService;
import org.supporthub.core.domain.model.conversation.ReadSide;
import org.supporthub.core.domain.model.staff.ConsoleNotifications;
import org.supporthub.core.application.StaffAccountService;
import org.supporthub.core.domain.model.conversation.ConversationMessage;
import org.supporthub.core.domain.model.staff.StaffAccount;
import org.supporthub.core.domain.model.staff.StaffLanguage;
import org.supporthub.routing.application.OperatorPresenceService;
import org.supporthub.routing.application.RoutingRefusal;
import org.supporthub.routing.application.SessionAssignmentService;
import org.supporthub.routing.application.SessionConversationService;
import org.supporthub.routing.application.SupportSessionQueries;
import org.supporthub.routing.domain.model.operator.PresenceStatus;
import org.supporthub.web.infrastructure.security.ConsoleAccessGuard;
import org.supporthub.web.infrastructure.security.StaffTokens;
import org.supporthub.web.interfaces.websocket.protocol.AckFrame;
import org.supporthub.web.interfaces.websocket.protocol.ConsoleFrame;
import org.supporthub.web.interfaces.websocket.protocol.ConsoleFrameDecoder;
import org.supporthub.web.interfaces.websocket.protocol.ErrorFrame;
import org.supporthub.web.interfaces.websocket.protocol.Frame;
import org.supporthub.web.interfaces.websocket.protocol.MessageFrame;
import org.supporthub.web.interfaces.websocket.protocol.PongFrame;
import org.supporthub.web.interfaces.websocket.protocol.OpenedFrame;

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

    /** One shared, stateless decoder (see {@link ChatEndpoint} on why it is not registered per socket). */
    private static final ConsoleFrameDecoder DECODER = new ConsoleFrameDecoder();

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
    ClusterDelivery delivery;

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

    @Inject
    StaffAccountService staff;

    @Inject
    ReadReceiptService receipts;

    /**
     * The frames after {@code hello}, each to its handler. Every frame but {@code ping} counts against the
     * operator's limit (section 6a), and every one that passes it shows the operator is still there.
     */
    final FrameDispatcher<ConsoleConnection, ConsoleFrame> frames =
            new FrameDispatcher<ConsoleConnection, ConsoleFrame>(ConsoleFrame.class, "console", LOG,
                    ConsoleConnection::reply, FrameDispatcher.CLIENT_MSG_ID_AND_SESSION_ID)
                    .limitEvery(c -> guard.consoleFrame(operator(c)))
                    .beforeEach(this::seen)
                    .on(ConsoleFrame.Status.class, this::status)
                    .on(ConsoleFrame.Accept.class, this::accept)
                    .on(ConsoleFrame.Skip.class, this::skip)
                    .on(ConsoleFrame.Open.class, this::openSession)
                    .on(ConsoleFrame.Message.class, this::message)
                    .on(ConsoleFrame.Typing.class, this::typing)
                    .on(ConsoleFrame.Transfer.class, this::transfer)
                    .on(ConsoleFrame.Close.class, this::close)
                    .on(ConsoleFrame.Label.class, this::label)
                    .on(ConsoleFrame.Sessions.class, this::sessionList)
                    .on(ConsoleFrame.Read.class, this::read)
                    .on(Frame.Ping.class, FrameDispatcher.Limit.none(), this::ping);

    @OnOpen
    public void open(Session session) {
        ConsoleConnection connection = new ConsoleConnection(session);
        session.getUserProperties().put(CONNECTION, connection);
        ErrorFrame refused = guard.admitAddress(session);
        if (refused != null) {
            connection.reply(refused);
            connection.close(SocketGuard.tooManySocketsReason());
            return;
        }
        idle.console(session, connection::close);
        helloDeadline.watch(connection);
    }

    @OnMessage(maxMessageSize = ChatEndpoint.MAX_FRAME_BYTES)
    public void text(String text, Session session) {
        frame(DECODER.decode(text), session);
    }

    void frame(ConsoleFrame frame, Session session) {
        idle.heard(session);
        ConsoleConnection connection = (ConsoleConnection) session.getUserProperties().get(CONNECTION);
        if (!connection.isAuthenticated()) {
            if (frame instanceof Frame.Hello hello) {
                connection.helloArrived();
                hello(connection, hello);
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
        frames.dispatch(connection, frame);
    }

    /** Any frame proves the operator is still there; recorded at most every few seconds per socket. */
    private void seen(ConsoleConnection connection, ConsoleFrame frame) {
        if (connection.dueForPresence(System.currentTimeMillis(), PRESENCE_EVERY_MILLIS)) {
            presence.seen(operator(connection));
        }
    }

    // The handlers, one per frame type; the dispatcher has already applied the operator's rate limit.

    private void status(ConsoleConnection connection, ConsoleFrame.Status frame) {
        PresenceStatus status;
        try {
            status = PresenceStatus.valueOf(frame.status() == null ? "" : frame.status());
        } catch (IllegalArgumentException e) {
            connection.reply(ErrorFrame.of("INVALID_STATUS", "status is ONLINE, AWAY or OFFLINE"));
            return;
        }
        presence.changeStatus(operator(connection), status);
    }

    private void accept(ConsoleConnection connection, ConsoleFrame.Accept frame) {
        sessions.accept(operator(connection), frame.sessionId());
    }

    private void skip(ConsoleConnection connection, ConsoleFrame.Skip frame) {
        sessions.skip(operator(connection), frame.sessionId());
    }

    private void openSession(ConsoleConnection connection, ConsoleFrame.Open frame) {
        openConversation(connection, operator(connection), frame.sessionId(), frame.lastSeq());
    }

    private void message(ConsoleConnection connection, ConsoleFrame.Message frame) {
        String operator = operator(connection);
        String conversationId = queries.conversationFor(operator, frame.sessionId()).orElse(null);
        var posted = conversation.reply(operator, frame.sessionId(), frame.clientMsgId(), frame.text());
        // Sent only now: the reply's transaction has committed.
        connection.reply(AckFrame.inConversation(posted, conversationId));
    }

    private void typing(ConsoleConnection connection, ConsoleFrame.Typing frame) {
        String operator = operator(connection);
        queries.conversationFor(operator, frame.sessionId()).ifPresent(conversationId -> {
            if (queries.ownerOfConversation(conversationId).filter(operator::equals).isPresent()) {
                delivery.operatorTyping(conversationId, connection.operator().name());
            }
        });
    }

    private void transfer(ConsoleConnection connection, ConsoleFrame.Transfer frame) {
        sessions.transfer(operator(connection), frame.sessionId(), frame.toOperator(), frame.toChannel(),
                frame.note());
    }

    private void close(ConsoleConnection connection, ConsoleFrame.Close frame) {
        conversation.close(operator(connection), frame.sessionId());
    }

    private void label(ConsoleConnection connection, ConsoleFrame.Label frame) {
        conversation.relabel(operator(connection), frame.sessionId(), frame.area(), frame.coverage());
    }

    private void sessionList(ConsoleConnection connection, ConsoleFrame.Sessions frame) {
        connections.fullSessions(connection, operator(connection));
    }

    /**
     * The operator read a conversation this far. Only the operator holding its session speaks for
     * "support has read it", and only of a conversation this socket opened (which already proved they may
     * read it): anyone else is refused with {@code NOT_YOURS} and no mark moves.
     */
    private void read(ConsoleConnection connection, ConsoleFrame.Read frame) {
        String operator = operator(connection);
        String conversationId = frame.conversationId();
        if (conversationId == null || !connection.hasOpened(conversationId)
                || queries.ownerOfConversation(conversationId).filter(operator::equals).isEmpty()) {
            throw new RoutingRefusal(RoutingRefusal.Code.NOT_YOURS,
                    "Only the operator holding the session marks its conversation read; open it first");
        }
        receipts.read(conversationId, ReadSide.OPERATOR, frame.seq());
    }

    private void ping(ConsoleConnection connection, Frame.Ping frame) {
        connection.reply(new PongFrame());
    }

    private static String operator(ConsoleConnection connection) {
        return connection.operator().username();
    }

    private void openConversation(ConsoleConnection connection, String operator, String sessionId, long lastSeq) {
        String conversationId = queries.conversationFor(operator, sessionId).orElseThrow(
                () -> new RoutingRefusal(RoutingRefusal.Code.UNKNOWN_SESSION, "No session " + sessionId + " for you"));
        connection.opening(conversationId, after -> chat.history(conversationId, after, HistoryReplay.PAGE).stream()
                .map(m -> new OrderedFeed.Numbered(m.seq(), MessageFrame.forConsole(m, texts).encode())).toList());
        long after = lastSeq;
        List<ConversationMessage> page;
        do {
            page = chat.history(conversationId, after, HistoryReplay.PAGE);
            for (ConversationMessage m : page) {
                connection.replay(conversationId, m.seq(), MessageFrame.forConsole(m, texts).encode());
                after = m.seq();
            }
        } while (page.size() == HistoryReplay.PAGE);
        connection.replayed(conversationId, after);
        // The replay is complete: the read receipts as stored, after the history they refer to (later
        // moves are pushed as `read`). Queued behind the replayed messages on the same outbox.
        connection.reply(new OpenedFrame(conversationId, after, receipts.marks(conversationId)));
    }

    private void hello(ConsoleConnection connection, Frame.Hello frame) {
        Optional<StaffTokens.Operator> operator = tokens.verify(frame.token());
        if (operator.isEmpty()) {
            connection.close(policy("INVALID_TOKEN"));
            return;
        }
        connection.authenticated(operator.get());
        presence.seen(operator.get().username());
        connections.register(connection);
        String username = operator.get().username();
        // The console speaks the language the staff member chose, whichever browser they log in from.
        Optional<StaffAccount> account = staff.find(operator.get().accountId());
        String locale = account.flatMap(StaffAccount::consoleLocale).map(StaffLanguage::tag).orElse(null);
        // And draws their attention the way they chose, whichever browser they log in from.
        ConsoleNotifications notifications = account.map(StaffAccount::consoleNotifications)
                .orElse(ConsoleNotifications.ALL_ON);
        // The protocol's promise: a full session list follows the welcome; after it, only changes.
        connections.welcome(connection, username, locale, notifications);
    }

    @OnClose
    public void closed(Session session, CloseReason reason) {
        idle.forget(session);
        guard.released(session);
        ConsoleConnection connection = (ConsoleConnection) session.getUserProperties().get(CONNECTION);
        if (connection != null) {
            helloDeadline.forget(connection);
        }
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
