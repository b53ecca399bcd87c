package org.supporthub.web.interfaces.websocket;

import org.supporthub.core.application.InvalidChatInputException;
import org.supporthub.routing.application.RoutingRefusal;
import org.supporthub.web.infrastructure.limits.KeyedRateLimiter.Decision;
import org.supporthub.web.interfaces.websocket.protocol.ErrorFrame;
import org.supporthub.web.interfaces.websocket.protocol.Frame;
import org.supporthub.web.interfaces.websocket.protocol.ServerFrame;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Hands the frames of a socket that has said {@code hello} to their handlers: one handler per frame record
 * class, registered by the endpoint. Around the handlers it does what both sockets do alike
 * (docs/protocol.md, sections 6 and 6a):
 * <ul>
 *     <li>text that is no frame is answered with {@code MALFORMED_JSON};</li>
 *     <li>a frame over its rate limit with {@code RATE_LIMITED}, and nothing else is done;</li>
 *     <li>a second {@code hello} with {@code ALREADY_AUTHENTICATED}, a type the socket does not know with
 *     {@code UNKNOWN_TYPE};</li>
 *     <li>a handler's refusal ({@link InvalidChatInputException}, {@link RoutingRefusal}) with an error
 *     carrying its code, anything unexpected is logged and answered with {@code INTERNAL_ERROR}.</li>
 * </ul>
 * The socket stays open in every case. Errors repeat the refused frame's ids, as far as the endpoint's
 * protocol has them repeated ({@link Echo}).
 *
 * <p>Built once per endpoint instance and then only read, so it needs no locking.
 *
 * @param <C> the endpoint's connection
 * @param <F> the endpoint's family of frames
 */
final class FrameDispatcher<C, F extends Frame> {

    /** Handles one type of frame. */
    @FunctionalInterface
    interface Handler<C, T> {
        void handle(C connection, T frame);
    }

    /** Takes a frame's place under a rate limit, or says how long until one is free. */
    @FunctionalInterface
    interface Limit<C> {
        Decision acquire(C connection);

        /** For frames that cost the hub nothing worth limiting. */
        static <C> Limit<C> none() {
            return connection -> Decision.ALLOWED;
        }
    }

    /** Which of a refused frame's ids an endpoint's errors repeat. */
    @FunctionalInterface
    interface Echo {
        ErrorFrame about(ErrorFrame error, Frame refused);
    }

    /** The widget's errors: the {@code clientMsgId} only. */
    static final Echo CLIENT_MSG_ID = (error, refused) -> error.about(refused.clientMsgId(), null);
    /** The console's errors: the {@code clientMsgId} and the {@code sessionId}. */
    static final Echo CLIENT_MSG_ID_AND_SESSION_ID =
            (error, refused) -> error.about(refused.clientMsgId(), refused.sessionId());

    /** A registered frame type: its own limit (null: the dispatcher's) and its handler. */
    private record Route<C>(Limit<C> limit, Handler<C, Frame> handler) {
    }

    private final Class<F> family;
    private final String socket;
    private final Logger log;
    private final BiConsumer<C, ServerFrame> reply;
    private final Echo echo;
    private final Map<Class<?>, Route<C>> routes = new HashMap<>();
    private Limit<C> limit = Limit.none();
    private BiConsumer<C, F> beforeEach = (connection, frame) -> {
    };

    /**
     * @param family the endpoint's sealed family of frames
     * @param socket the socket's name in log lines ("chat", "console")
     * @param reply  sends a frame to a connection
     */
    FrameDispatcher(Class<F> family, String socket, Logger log, BiConsumer<C, ServerFrame> reply, Echo echo) {
        this.family = family;
        this.socket = socket;
        this.log = log;
        this.reply = reply;
        this.echo = echo;
    }

    /** The limit of every frame whose type sets none of its own, unknown types and {@code hello} included. */
    FrameDispatcher<C, F> limitEvery(Limit<C> limit) {
        this.limit = limit;
        return this;
    }

    /** Work every frame that passed its limit does before its handler, under the same error handling. */
    FrameDispatcher<C, F> beforeEach(BiConsumer<C, F> work) {
        this.beforeEach = work;
        return this;
    }

    /** Frames of this type go to the handler, under the dispatcher's limit. */
    <T extends F> FrameDispatcher<C, F> on(Class<T> type, Handler<C, ? super T> handler) {
        return route(type, null, handler);
    }

    /** Frames of this type go to the handler, under their own limit. */
    <T extends F> FrameDispatcher<C, F> on(Class<T> type, Limit<C> limit, Handler<C, ? super T> handler) {
        return route(type, limit, handler);
    }

    private <T extends F> FrameDispatcher<C, F> route(Class<T> type, Limit<C> limit, Handler<C, ? super T> handler) {
        if (!type.isRecord() || routes.containsKey(type)) {
            throw new IllegalArgumentException("One handler per frame record: " + type);
        }
        routes.put(type, new Route<>(limit, (connection, frame) -> handler.handle(connection, type.cast(frame))));
        return this;
    }

    /**
     * The frame types of the family that have no handler yet, apart from those the dispatcher answers itself
     * ({@code hello}, malformed, unknown): empty once an endpoint registered its whole protocol.
     */
    Set<Class<?>> unhandled() {
        Set<Class<?>> answeredHere = Set.of(Frame.Hello.class, Frame.Malformed.class, Frame.Unknown.class);
        return Arrays.stream(family.getPermittedSubclasses())
                .filter(type -> !answeredHere.contains(type) && !routes.containsKey(type))
                .collect(Collectors.toSet());
    }

    /** Handles one frame of an authenticated socket; whatever happens, the socket gets its answer. */
    void dispatch(C connection, F frame) {
        if (frame instanceof Frame.Malformed) {
            reply.accept(connection, ErrorFrame.of("MALFORMED_JSON", "A frame must be one JSON object"));
            return;
        }
        Route<C> route = routes.get(frame.getClass());
        Decision allowed = (route == null || route.limit() == null ? limit : route.limit()).acquire(connection);
        if (!allowed.allowed()) {
            reply.accept(connection, echo.about(SocketGuard.rateLimited(allowed), frame));
            return;
        }
        try {
            beforeEach.accept(connection, frame);
            if (frame instanceof Frame.Hello) {
                reply.accept(connection, ErrorFrame.of("ALREADY_AUTHENTICATED", "This socket already said hello"));
            } else if (route == null) {
                reply.accept(connection, ErrorFrame.of("UNKNOWN_TYPE", "Unknown frame type: " + typeOf(frame)));
            } else {
                route.handler().handle(connection, frame);
            }
        } catch (InvalidChatInputException e) {
            reply.accept(connection, echo.about(ErrorFrame.of(e.code().name(), e.getMessage()), frame));
        } catch (RoutingRefusal e) {
            reply.accept(connection, echo.about(ErrorFrame.of(e.code().name(), e.getMessage()), frame));
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "A " + socket + " frame failed", e);
            reply.accept(connection, echo.about(ErrorFrame.of("INTERNAL_ERROR",
                    "The hub could not handle this frame; try again"), frame));
        }
    }

    private static String typeOf(Frame frame) {
        return frame instanceof Frame.Unknown unknown ? unknown.type() : frame.getClass().getSimpleName();
    }
}
