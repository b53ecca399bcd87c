package org.supporthub.web.interfaces.websocket;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import org.supporthub.core.application.ChatService;
import org.supporthub.core.application.InvalidChatInputException;
import org.supporthub.core.application.InvalidUserTokenException;
import org.supporthub.core.application.ReadReceiptService;
import org.supporthub.core.domain.model.conversation.ReadSide;
import org.supporthub.core.application.SupportChannelDisabledException;
import org.supporthub.core.application.UserTokenService;
import org.supporthub.core.domain.model.portal.PublicAddress;
import org.supporthub.core.domain.model.user.EmailAddress;
import org.supporthub.core.domain.model.user.PortalUser;
import org.supporthub.routing.application.SessionIntakeService;
import org.supporthub.routing.application.SupportSessionQueries;
import org.supporthub.routing.application.SessionConversationService;
import org.supporthub.web.interfaces.websocket.protocol.AckFrame;
import org.supporthub.web.interfaces.websocket.protocol.ErrorFrame;
import org.supporthub.web.interfaces.websocket.protocol.Frame;
import org.supporthub.web.interfaces.websocket.protocol.PongFrame;
import org.supporthub.web.interfaces.websocket.protocol.WidgetFrame;
import org.supporthub.web.interfaces.websocket.protocol.WidgetFrameDecoder;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The widget's socket, {@code /ws/chat}: adapts the wire protocol (docs/protocol.md) to the chat service.
 * Text frames are decoded by {@link WidgetFrameDecoder}; the first must be {@code hello}, the rest go
 * through the {@link FrameDispatcher} to one handler each.
 *
 * <p>The decoder is one shared instance called here, not registered with {@code @ServerEndpoint}: the
 * container would create a decoder per socket through CDI, under the bean manager's lock that every
 * connect then waits on (docs/benchmarks.md); the decoder is stateless.
 */
@ServerEndpoint(value = "/ws/chat", configurator = ChatEndpointConfigurator.class)
public class ChatEndpoint {

    private static final WidgetFrameDecoder DECODER = new WidgetFrameDecoder();

    private static final Logger LOG = Logger.getLogger(ChatEndpoint.class.getName());

    /** Frames above this size close the socket with 1009. */
    static final int MAX_FRAME_BYTES = 16 * 1024;
    private static final String CONNECTION = "supporthub.connection";

    @Inject
    ChatService chat;

    @Inject
    UserTokenService tokens;

    @Inject
    ChatConnections connections;

    @Inject
    HelloDeadline helloDeadline;

    @Inject
    HistoryReplay replay;

    @Inject
    SessionConversationService sessions;

    @Inject
    SupportSessionQueries sessionQueries;

    @Inject
    ClusterDelivery delivery;

    @Inject
    SocketGuard guard;

    @Inject
    IdleTimeouts idle;

    @Inject
    ReadReceiptService receipts;

    @Inject
    SessionIntakeService intake;

    /**
     * The frames after {@code hello}, each to its handler. The limits are section 6a's: messages per socket
     * and per user, commands, votes and language choices together, typing on its own; a {@code ping} costs
     * nothing.
     */
    final FrameDispatcher<ChatConnection, WidgetFrame> frames = new FrameDispatcher<ChatConnection, WidgetFrame>(
            WidgetFrame.class, "chat", LOG, ChatConnection::reply, FrameDispatcher.CLIENT_MSG_ID)
            .on(WidgetFrame.Message.class, c -> guard.widgetMessage(c.session(), userKey(c.user())), this::message)
            .on(WidgetFrame.Command.class, c -> guard.widgetCommand(c.session()), this::command)
            .on(WidgetFrame.Vote.class, c -> guard.widgetCommand(c.session()), this::vote)
            .on(WidgetFrame.Typing.class, c -> guard.widgetTyping(c.session()), this::typing)
            .on(WidgetFrame.Locale.class, c -> guard.widgetCommand(c.session()), this::locale)
            // Read receipts cost what a typing notice costs, and share its limit.
            .on(WidgetFrame.Read.class, c -> guard.widgetTyping(c.session()), this::read)
            .on(WidgetFrame.Leave.class, c -> guard.widgetCommand(c.session()), this::leave)
            .on(Frame.Ping.class, this::ping);

    @OnOpen
    public void open(Session session, EndpointConfig config) {
        ChatConnection connection = new ChatConnection(session,
                (String) config.getUserProperties().get(ChatEndpointConfigurator.ORIGIN),
                (String) config.getUserProperties().get(ChatEndpointConfigurator.HOST));
        session.getUserProperties().put(CONNECTION, connection);
        ErrorFrame refused = guard.admitAddress(session);
        if (refused != null) {
            connection.reply(refused);
            connection.close(SocketGuard.tooManySocketsReason());
            return;
        }
        idle.widget(session, connection::close);
        helloDeadline.watch(connection);
    }

    @OnMessage(maxMessageSize = MAX_FRAME_BYTES)
    public void text(String text, Session session) {
        frame(DECODER.decode(text), session);
    }

    void frame(WidgetFrame frame, Session session) {
        idle.heard(session);
        ChatConnection connection = (ChatConnection) session.getUserProperties().get(CONNECTION);
        if (!connection.isAuthenticated()) {
            if (frame instanceof Frame.Hello hello) {
                connection.helloArrived();
                try {
                    hello(connection, hello);
                } catch (RuntimeException e) {
                    // Never a socket left waiting for a welcome that will not come: the client reconnects.
                    LOG.log(Level.WARNING, "A chat hello failed", e);
                    connection.close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "HELLO_FAILED"));
                }
            } else {
                connection.close(policy("HELLO_REQUIRED"));
            }
            return;
        }
        frames.dispatch(connection, frame);
    }

    // The handlers, one per frame type; the dispatcher has already applied the frame's rate limit.

    private void message(ChatConnection connection, WidgetFrame.Message frame) {
        chat.post(connection.user(), connection.conversationId(), frame.clientMsgId(), frame.text(),
                posted -> connection.reply(AckFrame.of(posted)));
    }

    private void command(ChatConnection connection, WidgetFrame.Command frame) {
        chat.command(connection.user(), connection.conversationId(), frame.name());
    }

    private void typing(ChatConnection connection, WidgetFrame.Typing frame) {
        sessionQueries.ownerOfConversation(connection.conversationId())
                .ifPresent(operator -> delivery.administratorTyping(operator, connection.conversationId(),
                        connection.user().name()));
    }

    private void vote(ChatConnection connection, WidgetFrame.Vote frame) {
        sessions.vote(connection.conversationId(), frame.sessionId(), frame.value(), frame.comment());
    }

    /** Stored first; then this socket and the user's other tabs here hear of it (and speak it from now on). */
    private void locale(ChatConnection connection, WidgetFrame.Locale frame) {
        delivery.localeChosen(connection.conversationId(),
                chat.chooseLocale(connection.user(), connection.conversationId(), frame.locale()));
    }

    /** The user read their conversation this far: stored (never lowered), then both sides hear of it. */
    private void read(ChatConnection connection, WidgetFrame.Read frame) {
        receipts.read(connection.conversationId(), ReadSide.ADMINISTRATOR, frame.seq());
    }

    /** The question is left for later with an address; routing marks the session and the bot confirms. */
    private void leave(ChatConnection connection, WidgetFrame.Leave frame) {
        String email = EmailAddress.parse(frame.email())
                .orElseThrow(() -> new InvalidChatInputException(
                        InvalidChatInputException.Code.INVALID_EMAIL,
                        "email must be an e-mail address"));
        intake.leaveForLater(connection.conversationId(), email);
    }

    private void ping(ChatConnection connection, Frame.Ping frame) {
        connection.reply(new PongFrame());
    }

    private void hello(ChatConnection connection, Frame.Hello frame) {
        UserTokenService.Verified verified;
        try {
            verified = tokens.verifyWithPortal(frame.token());
        } catch (InvalidUserTokenException e) {
            connection.close(policy(e.reason().name()));
            return;
        }
        PortalUser user = verified.user();
        // The proven address's origin: a newly claimed address is trusted only once the portal proves it.
        String portalOrigin = verified.portal().widgetOrigin();
        boolean ownPage = OriginPolicy.isOwn(connection.origin(), connection.ownAuthority());
        boolean portalPage = PublicAddress.originOf(connection.origin()).map(o -> o.equals(portalOrigin)).orElse(false);
        if (!ownPage && !portalPage) {
            connection.close(policy("ORIGIN_NOT_ALLOWED"));
            return;
        }
        ErrorFrame refused = guard.admitUser(connection.session(), userKey(user));
        if (refused != null) {
            connection.reply(refused);
            connection.close(SocketGuard.tooManySocketsReason());
            return;
        }
        try {
            replay.start(connection, user, verified.portal(), frame.lastSeq());
        } catch (SupportChannelDisabledException e) {
            connection.close(policy("SUPPORT_CHANNEL_DISABLED"));
        }
    }

    @OnClose
    public void closed(Session session, CloseReason reason) {
        idle.forget(session);
        guard.released(session);
        ChatConnection connection = (ChatConnection) session.getUserProperties().get(CONNECTION);
        if (connection != null) {
            helloDeadline.forget(connection);
        }
        if (connection != null) {
            connections.unregister(connection);
        }
    }

    @OnError
    public void failed(Session session, Throwable error) {
        LOG.log(Level.FINE, "Chat socket error", error);
    }

    /** One key per portal user, whichever socket or tab they use. */
    private static String userKey(PortalUser user) {
        return user == null ? null : user.portalId() + "/" + user.userId();
    }

    private static CloseReason policy(String reason) {
        return new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, reason);
    }
}
