package org.supporthub.web.interfaces.websocket;

import jakarta.json.JsonObject;
import jakarta.websocket.Session;
import org.junit.jupiter.api.Test;
import org.supporthub.core.application.BotTexts;
import org.supporthub.core.application.InvalidChatInputException;
import org.supporthub.core.application.ReadReceiptService;
import org.supporthub.core.domain.model.conversation.ReadMarks;
import org.supporthub.core.domain.model.conversation.ReadReceipt;
import org.supporthub.core.domain.model.conversation.ReadSide;
import org.supporthub.core.domain.model.portal.SupportLocale;
import org.supporthub.core.domain.model.user.PortalUser;
import org.supporthub.web.infrastructure.limits.KeyedRateLimiter.Decision;
import org.supporthub.web.interfaces.websocket.protocol.WidgetFrame;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The widget's {@code read} frame through the chat endpoint's dispatcher, and what the widgets are pushed
 * when a mark moved: the frame speaks for the administrator's side of the socket's own conversation, a bad
 * number is {@code INVALID_SEQ}, it counts against the typing limit, and a moved mark reaches every widget of
 * that conversation and no other. Also when a widget counts as its user coming back.
 */
class WidgetReadReceiptTest {

    private final Map<Session, List<String>> sent = new ConcurrentHashMap<>();
    private final List<String> reads = new CopyOnWriteArrayList<>();
    private final ChatEndpoint endpoint = new ChatEndpoint();
    private final PortalUser anna = new PortalUser("p1", "u-anna", "Anna", true, List.of(), Optional.of(SupportLocale.EN));
    private Decision typingLimit = Decision.ALLOWED;

    WidgetReadReceiptTest() {
        endpoint.connections = new ChatConnections();
        endpoint.connections.texts = new BotTexts();
        endpoint.guard = new SocketGuard() {
            @Override
            Decision widgetTyping(Session session) {
                return typingLimit;
            }
        };
        endpoint.receipts = new ReadReceiptService() {
            @Override
            public Optional<ReadReceipt> read(String conversationId, ReadSide side, long seq) {
                if (seq < 1) {
                    throw new InvalidChatInputException(InvalidChatInputException.Code.INVALID_SEQ, "bad seq");
                }
                reads.add(conversationId + ":" + side + ":" + seq);
                return Optional.of(new ReadReceipt(conversationId, side, seq));
            }

            @Override
            public ReadMarks marks(String conversationId) {
                return ReadMarks.NONE;
            }
        };
    }

    @Test
    void theFrameMovesTheAdministratorsMarkOfTheSocketsOwnConversation() {
        ChatConnection tab = connection("conv-1");

        endpoint.frames.dispatch(tab, new WidgetFrame.Read(12));

        assertThat(reads).containsExactly("conv-1:ADMINISTRATOR:12");
        assertThat(sent.get(tab.session())).isNull(); // the answer is the pushed receipt, after commit
    }

    @Test
    void aMissingOrBadNumberIsRefusedAndMovesNothing() {
        ChatConnection tab = connection("conv-1");

        endpoint.frames.dispatch(tab, new WidgetFrame.Read(0));

        assertThat(reads).isEmpty();
        assertThat(json(sent.get(tab.session()).get(0)).getString("code")).isEqualTo("INVALID_SEQ");
    }

    @Test
    void readingCountsAgainstTheTypingLimit() {
        ChatConnection tab = connection("conv-1");
        typingLimit = new Decision("widget-typing-per-socket", 400);

        endpoint.frames.dispatch(tab, new WidgetFrame.Read(3));

        assertThat(reads).isEmpty();
        assertThat(json(sent.get(tab.session()).get(0)).getString("limit")).isEqualTo("widget-typing-per-socket");
    }

    @Test
    void aMovedMarkReachesEveryWidgetOfTheConversationAndNoOther() {
        ChatConnection tab = connection("conv-1");
        ChatConnection otherTab = connection("conv-1");
        ChatConnection someoneElse = connection("conv-2");

        endpoint.connections.read(new ReadReceipt("conv-1", ReadSide.OPERATOR, 5));

        assertThat(sent.get(tab.session())).containsExactly("{\"type\":\"read\",\"by\":\"operator\",\"seq\":5}");
        assertThat(sent.get(otherTab.session())).containsExactly("{\"type\":\"read\",\"by\":\"operator\",\"seq\":5}");
        assertThat(sent.get(someoneElse.session())).isNull();
    }

    @Test
    void aWidgetIsItsUserComingBackOnlyAfterNoneWasOpenForTheWhile() {
        ChatConnections connections = endpoint.connections;
        connections.returnAfterSeconds = 3600;
        ChatConnection first = socketOf("conv-1");
        // Never seen here (the first since the start): counts as coming back.
        assertThat(connections.register(first)).isTrue();
        // A second tab while the first is open: not a return.
        ChatConnection second = socketOf("conv-1");
        assertThat(connections.register(second)).isFalse();
        connections.unregister(first);
        connections.unregister(second);
        // A reload right after the last one closed: not a return either.
        ChatConnection reload = socketOf("conv-1");
        assertThat(connections.register(reload)).isFalse();
        connections.unregister(reload);
        // Closed long enough ago: back.
        connections.returnAfterSeconds = 0;
        assertThat(connections.register(socketOf("conv-1"))).isTrue();
    }

    // ---- stand-ins ----------------------------------------------------------------------------------

    private ChatConnection connection(String conversationId) {
        ChatConnection c = socketOf(conversationId);
        endpoint.connections.register(c);
        return c;
    }

    private ChatConnection socketOf(String conversationId) {
        ChatConnection c = new ChatConnection(RecordingSockets.socket(sent), "https://portal.example", "hub.example");
        c.authenticated(anna, conversationId, SupportLocale.EN, after -> List.of());
        c.replayed(0);
        return c;
    }

    private static JsonObject json(String text) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
