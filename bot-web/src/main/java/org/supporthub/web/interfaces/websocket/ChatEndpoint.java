package org.supporthub.web.interfaces.websocket;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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
import org.supporthub.core.application.PortalRegistryService;
import org.supporthub.core.application.SupportChannelDisabledException;
import org.supporthub.core.application.UserTokenService;
import org.supporthub.core.domain.model.portal.PublicAddress;
import org.supporthub.core.domain.model.user.PortalUser;
import org.supporthub.routing.application.RoutingRefusal;
import org.supporthub.routing.application.SupportSessionQueries;
import org.supporthub.routing.application.SessionConversationService;
import org.supporthub.web.infrastructure.limits.KeyedRateLimiter;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The widget's socket, {@code /ws/chat}: adapts the wire protocol (docs/protocol.md) to the chat service.
 */
@ServerEndpoint(value = "/ws/chat", configurator = ChatEndpointConfigurator.class)
public class ChatEndpoint {

    private static final Logger LOG = Logger.getLogger(ChatEndpoint.class.getName());

    /** Frames above this size close the socket with 1009. */
    static final int MAX_FRAME_BYTES = 16 * 1024;
    private static final String CONNECTION = "supporthub.connection";

    @Inject
    ChatService chat;

    @Inject
    UserTokenService tokens;

    @Inject
    PortalRegistryService portals;

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
    ConsoleConnections consoles;

    @Inject
    SocketGuard guard;

    @Inject
    IdleTimeouts idle;

    @OnOpen
    public void open(Session session, EndpointConfig config) {
        ChatConnection connection = new ChatConnection(session,
                (String) config.getUserProperties().get(ChatEndpointConfigurator.ORIGIN),
                (String) config.getUserProperties().get(ChatEndpointConfigurator.HOST));
        session.getUserProperties().put(CONNECTION, connection);
        String refused = guard.admitAddress(session);
        if (refused != null) {
            connection.reply(refused);
            connection.close(SocketGuard.tooManySocketsReason());
            return;
        }
        idle.widget(session);
        helloDeadline.watch(connection);
    }

    @OnMessage(maxMessageSize = MAX_FRAME_BYTES)
    public void frame(String text, Session session) {
        ChatConnection connection = (ChatConnection) session.getUserProperties().get(CONNECTION);
        JsonObject frame = Frames.parse(text);
        String type = frame == null ? null : Frames.string(frame, "type");
        if (!connection.isAuthenticated()) {
            if ("hello".equals(type)) {
                connection.helloArrived();
                try {
                    hello(connection, frame);
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
        if (frame == null) {
            connection.reply(Frames.error("MALFORMED_JSON", "A frame must be one JSON object", null));
            return;
        }
        KeyedRateLimiter.Decision allowed = guard.widgetFrame(session, userKey(connection.user()), type);
        if (!allowed.allowed()) {
            connection.reply(SocketGuard.rateLimited(allowed, Frames.string(frame, "clientMsgId"), null));
            return;
        }
        try {
            dispatch(connection, type, frame);
        } catch (InvalidChatInputException e) {
            connection.reply(Frames.error(e.code().name(), e.getMessage(), Frames.string(frame, "clientMsgId")));
        } catch (RoutingRefusal e) {
            connection.reply(Frames.error(e.code().name(), e.getMessage(), Frames.string(frame, "clientMsgId")));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A chat frame failed", e);
            connection.reply(Frames.error("INTERNAL_ERROR", "The hub could not handle this frame; try again",
                    Frames.string(frame, "clientMsgId")));
        }
    }

    private void dispatch(ChatConnection connection, String type, JsonObject frame) {
        PortalUser user = connection.user();
        switch (type == null ? "" : type) {
            case "message" -> chat.post(user, connection.conversationId(), Frames.string(frame, "clientMsgId"),
                    Frames.string(frame, "text"), posted -> connection.reply(Frames.ack(posted)));
            case "command" -> chat.command(user, connection.conversationId(), Frames.string(frame, "name"));
            case "ping" -> connection.reply(Frames.pong());
            case "typing" -> sessionQueries.ownerOfConversation(connection.conversationId())
                    .ifPresent(operator -> consoles.typing(operator, connection.conversationId(), user.name()));
            case "vote" -> sessions.vote(connection.conversationId(), Frames.string(frame, "sessionId"),
                    Frames.string(frame, "value"), Frames.string(frame, "comment"));
            case "hello" -> connection.reply(Frames.error("ALREADY_AUTHENTICATED", "This socket already said hello", null));
            default -> connection.reply(Frames.error("UNKNOWN_TYPE", "Unknown frame type: " + type, null));
        }
    }

    private void hello(ChatConnection connection, JsonObject frame) {
        PortalUser user;
        try {
            user = tokens.verify(Frames.string(frame, "token"));
        } catch (InvalidUserTokenException e) {
            connection.close(policy(e.reason().name()));
            return;
        }
        // The proven address's origin: a newly claimed address is trusted only once the portal proves it.
        String portalOrigin = portals.find(user.portalId()).map(p -> p.widgetOrigin()).orElse(null);
        boolean ownPage = OriginPolicy.isOwn(connection.origin(), connection.ownAuthority());
        boolean portalPage = PublicAddress.originOf(connection.origin()).map(o -> o.equals(portalOrigin)).orElse(false);
        if (!ownPage && !portalPage) {
            connection.close(policy("ORIGIN_NOT_ALLOWED"));
            return;
        }
        String refused = guard.admitUser(connection.session(), userKey(user));
        if (refused != null) {
            connection.reply(refused);
            connection.close(SocketGuard.tooManySocketsReason());
            return;
        }
        try {
            replay.start(connection, user, Frames.lastSeq(frame));
        } catch (SupportChannelDisabledException e) {
            connection.close(policy("SUPPORT_CHANNEL_DISABLED"));
        }
    }

    @OnClose
    public void closed(Session session, CloseReason reason) {
        guard.released(session);
        ChatConnection connection = (ChatConnection) session.getUserProperties().get(CONNECTION);
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
