package org.supporthub.web.interfaces.websocket;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supporthub.core.application.InvalidChatInputException;
import org.supporthub.routing.application.RoutingRefusal;
import org.supporthub.web.infrastructure.limits.KeyedRateLimiter.Decision;
import org.supporthub.web.interfaces.websocket.protocol.ConsoleFrame;
import org.supporthub.web.interfaces.websocket.protocol.Frame;
import org.supporthub.web.interfaces.websocket.protocol.WidgetFrame;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The dispatcher shared by both sockets: each frame reaches the handler registered for its record, and
 * everything else is answered the same way on both, with the socket left open.
 */
class FrameDispatcherTest {

    private static final String ID = "c8f2b1a4-2d63-4a47-9d0b-0f3d0a3e6e11";
    private static final Logger LOG = Logger.getLogger(FrameDispatcherTest.class.getName());

    /** A stand-in socket: what it was sent, decoded again. */
    static final class Socket {
        final List<JsonObject> sent = new ArrayList<>();
        final List<Object> handled = new ArrayList<>();
    }

    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Socket socket = new Socket();

    @BeforeEach
    void captureLog() {
        LOG.setUseParentHandlers(false);
        LOG.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        LOG.removeHandler(capture);
        LOG.setUseParentHandlers(true);
    }

    private static FrameDispatcher<Socket, WidgetFrame> widget() {
        return new FrameDispatcher<Socket, WidgetFrame>(WidgetFrame.class, "chat", LOG,
                (s, frame) -> s.sent.add(read(frame.encode())), FrameDispatcher.CLIENT_MSG_ID);
    }

    private static FrameDispatcher<Socket, ConsoleFrame> console() {
        return new FrameDispatcher<Socket, ConsoleFrame>(ConsoleFrame.class, "console", LOG,
                (s, frame) -> s.sent.add(read(frame.encode())), FrameDispatcher.CLIENT_MSG_ID_AND_SESSION_ID);
    }

    @Test
    void eachFrameReachesTheHandlerOfItsRecordAsThatRecord() {
        List<WidgetFrame.Message> messages = new ArrayList<>();
        List<WidgetFrame.Vote> votes = new ArrayList<>();
        FrameDispatcher<Socket, WidgetFrame> frames = widget()
                .on(WidgetFrame.Message.class, (s, f) -> messages.add(f))
                .on(WidgetFrame.Vote.class, (s, f) -> votes.add(f));
        frames.dispatch(socket, new WidgetFrame.Message(ID, "Hi"));
        frames.dispatch(socket, new WidgetFrame.Vote("s1", "like", null));
        assertThat(messages).containsExactly(new WidgetFrame.Message(ID, "Hi"));
        assertThat(votes).containsExactly(new WidgetFrame.Vote("s1", "like", null));
        assertThat(socket.sent).isEmpty();
    }

    @Test
    void textThatWasNoFrameIsMalformedJsonAndCostsNoAllowance() {
        int[] limited = {0};
        FrameDispatcher<Socket, ConsoleFrame> frames = console().limitEvery(s -> {
            limited[0]++;
            return Decision.ALLOWED;
        });
        frames.dispatch(socket, new Frame.Malformed());
        assertThat(socket.sent).containsExactly(json(
                "{'type':'error','code':'MALFORMED_JSON','message':'A frame must be one JSON object'}"));
        assertThat(limited[0]).isZero();
    }

    @Test
    void aTypeTheSocketDoesNotKnowIsUnknownType() {
        FrameDispatcher<Socket, WidgetFrame> frames = widget();
        frames.dispatch(socket, new Frame.Unknown("accept"));
        frames.dispatch(socket, new Frame.Unknown(null));
        assertThat(socket.sent).containsExactly(
                json("{'type':'error','code':'UNKNOWN_TYPE','message':'Unknown frame type: accept'}"),
                json("{'type':'error','code':'UNKNOWN_TYPE','message':'Unknown frame type: null'}"));
    }

    @Test
    void aSecondHelloIsAlreadyAuthenticated() {
        FrameDispatcher<Socket, ConsoleFrame> frames = console();
        frames.dispatch(socket, new Frame.Hello("token", 0));
        assertThat(socket.sent).containsExactly(json(
                "{'type':'error','code':'ALREADY_AUTHENTICATED','message':'This socket already said hello'}"));
    }

    @Test
    void aChatInputRefusalIsAnErrorWithItsCodeAndTheWidgetsMessageId() {
        FrameDispatcher<Socket, WidgetFrame> frames = widget()
                .on(WidgetFrame.Message.class, (s, f) -> {
                    throw new InvalidChatInputException(InvalidChatInputException.Code.TEXT_EMPTY, "text is empty");
                })
                .on(WidgetFrame.Vote.class, (s, f) -> {
                    throw new RoutingRefusal(RoutingRefusal.Code.VOTE_NOT_OPEN, "no vote now");
                });
        frames.dispatch(socket, new WidgetFrame.Message(ID, " "));
        frames.dispatch(socket, new WidgetFrame.Vote("s1", "like", null));
        // the widget's errors repeat the clientMsgId only, never a sessionId
        assertThat(socket.sent).containsExactly(
                json("{'type':'error','code':'TEXT_EMPTY','message':'text is empty','clientMsgId':'" + ID + "'}"),
                json("{'type':'error','code':'VOTE_NOT_OPEN','message':'no vote now'}"));
        assertThat(logged).isEmpty();
    }

    @Test
    void aRoutingRefusalOnTheConsoleRepeatsTheMessageAndTheSession() {
        FrameDispatcher<Socket, ConsoleFrame> frames = console()
                .on(ConsoleFrame.Message.class, (s, f) -> {
                    throw new RoutingRefusal(RoutingRefusal.Code.NOT_YOURS, "not yours");
                })
                .on(ConsoleFrame.Accept.class, (s, f) -> {
                    throw new RoutingRefusal(RoutingRefusal.Code.SESSION_TAKEN, "taken");
                })
                .on(ConsoleFrame.Open.class, (s, f) -> {
                    throw new InvalidChatInputException(InvalidChatInputException.Code.TEXT_TOO_LONG, "long");
                });
        frames.dispatch(socket, new ConsoleFrame.Message("s1", ID, "Hi"));
        frames.dispatch(socket, new ConsoleFrame.Accept("s2"));
        frames.dispatch(socket, new ConsoleFrame.Open("s3", 0));
        assertThat(socket.sent).containsExactly(
                json("{'type':'error','code':'NOT_YOURS','message':'not yours','clientMsgId':'" + ID + "',"
                        + "'sessionId':'s1'}"),
                json("{'type':'error','code':'SESSION_TAKEN','message':'taken','sessionId':'s2'}"),
                json("{'type':'error','code':'TEXT_TOO_LONG','message':'long','sessionId':'s3'}"));
    }

    @Test
    void anythingUnexpectedIsLoggedAndAnsweredWithInternalError() {
        IllegalStateException bug = new IllegalStateException("database gone");
        FrameDispatcher<Socket, ConsoleFrame> frames = console().on(ConsoleFrame.Message.class, (s, f) -> {
            throw bug;
        });
        frames.dispatch(socket, new ConsoleFrame.Message("s1", ID, "Hi"));
        assertThat(socket.sent).containsExactly(json("{'type':'error','code':'INTERNAL_ERROR',"
                + "'message':'The hub could not handle this frame; try again','clientMsgId':'" + ID + "',"
                + "'sessionId':'s1'}"));
        assertThat(logged).singleElement().satisfies(r -> {
            assertThat(r.getLevel()).isEqualTo(Level.WARNING);
            assertThat(r.getMessage()).isEqualTo("A console frame failed");
            assertThat(r.getThrown()).isSameAs(bug);
        });
    }

    @Test
    void aFrameOverItsOwnLimitIsRateLimitedAndNotHandled() {
        FrameDispatcher<Socket, WidgetFrame> frames = widget()
                .on(WidgetFrame.Message.class, s -> new Decision("widget-messages-per-socket", 250),
                        (s, f) -> s.handled.add(f))
                .on(WidgetFrame.Typing.class, s -> Decision.ALLOWED, (s, f) -> s.handled.add(f));
        frames.dispatch(socket, new WidgetFrame.Message(ID, "Hi"));
        frames.dispatch(socket, new WidgetFrame.Typing());
        assertThat(socket.handled).containsExactly(new WidgetFrame.Typing());
        assertThat(socket.sent).containsExactly(json("{'type':'error','code':'RATE_LIMITED',"
                + "'message':'Too many frames; try again in 250 ms','limit':'widget-messages-per-socket',"
                + "'retryAfterMs':250,'clientMsgId':'" + ID + "'}"));
    }

    @Test
    void theDispatchersLimitCountsEveryFrameWithoutItsOwnHelloAndUnknownTypesIncluded() {
        List<Object> counted = new ArrayList<>();
        List<Object> before = new ArrayList<>();
        FrameDispatcher<Socket, ConsoleFrame> frames = console()
                .limitEvery(s -> {
                    counted.add(s);
                    return counted.size() > 3 ? new Decision("console-frames-per-operator", 50) : Decision.ALLOWED;
                })
                .beforeEach((s, f) -> before.add(f))
                .on(ConsoleFrame.Close.class, (s, f) -> s.handled.add(f))
                .on(Frame.Ping.class, FrameDispatcher.Limit.none(), (s, f) -> s.handled.add(f));
        frames.dispatch(socket, new ConsoleFrame.Close("s1"));
        frames.dispatch(socket, new Frame.Hello("token", 0));
        frames.dispatch(socket, new Frame.Unknown("nonsense"));
        frames.dispatch(socket, new Frame.Ping());
        frames.dispatch(socket, new ConsoleFrame.Close("s2"));
        assertThat(counted).hasSize(4);
        assertThat(socket.handled).containsExactly(new ConsoleFrame.Close("s1"), new Frame.Ping());
        // the work before each handler is done for every frame that passed its limit, and only for those
        assertThat(before).containsExactly(new ConsoleFrame.Close("s1"), new Frame.Hello("token", 0),
                new Frame.Unknown("nonsense"), new Frame.Ping());
        assertThat(socket.sent).extracting(f -> f.getString("code"))
                .containsExactly("ALREADY_AUTHENTICATED", "UNKNOWN_TYPE", "RATE_LIMITED");
        assertThat(socket.sent.get(2).getString("sessionId")).isEqualTo("s2");
    }

    @Test
    void aFailureOfTheWorkBeforeEachHandlerIsAnInternalErrorToo() {
        FrameDispatcher<Socket, ConsoleFrame> frames = console()
                .beforeEach((s, f) -> {
                    throw new IllegalStateException("presence store down");
                })
                .on(ConsoleFrame.Skip.class, (s, f) -> s.handled.add(f));
        frames.dispatch(socket, new ConsoleFrame.Skip("s1"));
        assertThat(socket.handled).isEmpty();
        assertThat(socket.sent).extracting(f -> f.getString("code")).containsExactly("INTERNAL_ERROR");
        assertThat(logged).hasSize(1);
    }

    @Test
    void oneHandlerPerRecord() {
        FrameDispatcher<Socket, WidgetFrame> frames = widget().on(Frame.Ping.class, (s, f) -> { });
        assertThatThrownBy(() -> frames.on(Frame.Ping.class, (s, f) -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unhandledNamesTheFramesOfTheFamilyThatHaveNoHandlerYet() {
        FrameDispatcher<Socket, WidgetFrame> frames = widget()
                .on(WidgetFrame.Message.class, (s, f) -> { })
                .on(Frame.Ping.class, (s, f) -> { });
        assertThat(frames.unhandled()).containsExactlyInAnyOrder(WidgetFrame.Command.class, WidgetFrame.Typing.class,
                WidgetFrame.Vote.class, WidgetFrame.Locale.class, WidgetFrame.Read.class, WidgetFrame.Leave.class);
    }

    @Test
    void bothEndpointsHandleTheirWholeProtocol() {
        assertThat(new ChatEndpoint().frames.unhandled()).isEmpty();
        assertThat(new ConsoleEndpoint().frames.unhandled()).isEmpty();
    }

    private static JsonObject json(String singleQuoted) {
        return read(singleQuoted.replace('\'', '"'));
    }

    private static JsonObject read(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
