package org.supporthub.web.interfaces.websocket;

import jakarta.json.JsonObject;
import jakarta.websocket.Session;
import org.junit.jupiter.api.Test;
import org.supporthub.core.application.BotTexts;
import org.supporthub.core.application.ChatService;
import org.supporthub.core.application.InvalidChatInputException;
import org.supporthub.core.domain.model.conversation.AuthorKind;
import org.supporthub.core.domain.model.conversation.ConversationMessage;
import org.supporthub.core.domain.model.portal.SupportLocale;
import org.supporthub.core.domain.model.user.PortalUser;
import org.supporthub.web.infrastructure.limits.KeyedRateLimiter.Decision;
import org.supporthub.web.interfaces.websocket.protocol.WidgetFrame;

import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The widget's {@code locale} frame through the chat endpoint's dispatcher, with stand-ins for the chat
 * service and the sockets: the choice is stored first, then every tab of the conversation on this instance
 * is told and speaks it; a bad tag is an {@code INVALID_LOCALE} error; and the frame is counted against the
 * same per-socket limit as commands.
 */
class WidgetLocaleTest {

    private final Map<Session, List<String>> sent = new ConcurrentHashMap<>();
    private final List<String> chosen = new CopyOnWriteArrayList<>();
    private final ChatEndpoint endpoint = new ChatEndpoint();
    private final PortalUser anna = new PortalUser("p1", "u-anna", "Anna", true, List.of(), Optional.of(SupportLocale.EN));
    private Decision commandLimit = Decision.ALLOWED;

    WidgetLocaleTest() {
        endpoint.chat = chat();
        endpoint.connections = new ChatConnections();
        endpoint.connections.texts = new BotTexts();
        // Alone: no other hub instance to tell (ClusterNoticeTest covers the notice to the others).
        endpoint.delivery = new ClusterDelivery();
        endpoint.delivery.chats = endpoint.connections;
        endpoint.delivery.cluster = new org.supporthub.core.application.ClusterMessaging() {
            @Override
            public void publish(String notice) {
            }

            @Override
            public void subscribe(java.util.function.Consumer<String> receiver) {
            }

            @Override
            public Counts counts() {
                return new Counts(0, 0, 0);
            }
        };
        endpoint.guard = new SocketGuard() {
            @Override
            Decision widgetCommand(Session session) {
                return commandLimit;
            }
        };
    }

    @Test
    void theChoiceIsStoredThenEveryTabOfTheConversationHearsItAndSpeaksIt() {
        ChatConnection tab = connection("conv-1");
        ChatConnection otherTab = connection("conv-1");
        ChatConnection someoneElse = connection("conv-2");

        endpoint.frames.dispatch(tab, new WidgetFrame.Locale("pl"));

        assertThat(chosen).containsExactly("conv-1:pl");
        assertThat(sent.get(tab.session())).containsExactly("{\"type\":\"locale\",\"locale\":\"pl\"}");
        assertThat(sent.get(otherTab.session())).containsExactly("{\"type\":\"locale\",\"locale\":\"pl\"}");
        assertThat(sent.get(someoneElse.session())).isNull();
        assertThat(otherTab.locale()).isEqualTo(SupportLocale.PL);
        assertThat(someoneElse.locale()).isEqualTo(SupportLocale.EN);

        // The bot's buttons in later pushes are labelled in the chosen language.
        endpoint.connections.deliver(new ConversationMessage("p1", "conv-1", 1, null, AuthorKind.BOT, "Support bot",
                "Kliknij", List.of("activate"), Instant.parse("2025-03-01T10:00:00Z")));
        JsonObject pushed = json(sent.get(otherTab.session()).get(1));
        assertThat(pushed.getJsonArray("actions").getJsonObject(0).getString("label")).isEqualTo("Aktywuj");
    }

    @Test
    void aTagThatIsNotPlOrEnIsRefusedAndNobodyElseHearsOfIt() {
        ChatConnection tab = connection("conv-1");
        ChatConnection otherTab = connection("conv-1");

        endpoint.frames.dispatch(tab, new WidgetFrame.Locale("de"));

        assertThat(sent.get(tab.session())).singleElement().satisfies(text -> {
            JsonObject error = json(text);
            assertThat(error.getString("type")).isEqualTo("error");
            assertThat(error.getString("code")).isEqualTo("INVALID_LOCALE");
        });
        assertThat(sent.get(otherTab.session())).isNull();
        assertThat(tab.locale()).isEqualTo(SupportLocale.EN);
    }

    @Test
    void choosingALanguageCountsAgainstTheSocketsCommandLimit() {
        ChatConnection tab = connection("conv-1");
        commandLimit = new Decision("widget-commands-per-socket", 700);

        endpoint.frames.dispatch(tab, new WidgetFrame.Locale("pl"));

        assertThat(chosen).isEmpty();
        JsonObject error = json(sent.get(tab.session()).get(0));
        assertThat(error.getString("code")).isEqualTo("RATE_LIMITED");
        assertThat(error.getString("limit")).isEqualTo("widget-commands-per-socket");
        assertThat(tab.locale()).isEqualTo(SupportLocale.EN);
    }

    // ---- stand-ins ----------------------------------------------------------------------------------

    private ChatConnection connection(String conversationId) {
        ChatConnection c = new ChatConnection(socket(), "https://portal.example", "hub.example");
        c.authenticated(anna, conversationId, SupportLocale.EN, after -> List.of());
        c.replayed(0);
        endpoint.connections.register(c);
        return c;
    }

    /** Stores a choice of {@code pl} or {@code en} as the real service does, refuses anything else. */
    private ChatService chat() {
        return (ChatService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{ChatService.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("chooseLocale")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    String tag = (String) args[2];
                    if (!"pl".equals(tag) && !"en".equals(tag)) {
                        throw new InvalidChatInputException(InvalidChatInputException.Code.INVALID_LOCALE,
                                "locale must be 'pl' or 'en'");
                    }
                    chosen.add(args[1] + ":" + tag);
                    return SupportLocale.fromTag(tag).orElseThrow();
                });
    }

    /** A socket that is always open and whose every send completes at once, recording the frame. */
    private Session socket() {
        return RecordingSockets.socket(sent);
    }

    private static JsonObject json(String text) {
        try (var reader = jakarta.json.Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
