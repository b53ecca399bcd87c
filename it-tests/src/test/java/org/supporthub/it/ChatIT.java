package org.supporthub.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The foundation end to end on the real WAR: portal registration and its support channel over REST,
 * then the widget protocol over a real WebSocket (docs/protocol.md).
 */
@ExtendWith(ArquillianExtension.class)
class ChatIT {

    @Deployment(testable = false)
    static WebArchive hub() {
        return HubDeployment.war();
    }

    @ArquillianResource
    URL base;

    HubClient hub;

    @BeforeEach
    void client() {
        hub = new HubClient(base);
    }

    // ---- health, pages ------------------------------------------------------------------------------

    @Test
    void healthReportsTheDatabase() throws Exception {
        for (String path : List.of("health/ready", "health/live")) {
            HttpResponse<String> r = hub.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            JsonObject body = Json.parse(r.body());
            assertThat(body.getString("status")).isEqualTo("UP");
            // Among the checks (their order is the runtime's): the database, up.
            assertThat(body.getJsonArray("checks").getValuesAs(JsonObject.class))
                    .anySatisfy(c -> {
                        assertThat(c.getString("name")).isEqualTo("database");
                        assertThat(c.getString("status")).isEqualTo("UP");
                    });
        }
    }

    @Test
    void landingPageWidgetAndDemoAreServedInDevelopmentMode() throws Exception {
        // The landing page reads the hub's status with a script of its own (no inline scripts: docs/security.md).
        assertThat(hub.get("").body()).contains("Support Hub").contains("<script src=\"/index.js\"></script>");
        assertThat(hub.get("index.js").body()).contains("/api/v1/info");
        HttpResponse<String> widget = hub.get("widget.js");
        assertThat(widget.statusCode()).isEqualTo(200);
        assertThat(widget.headers().firstValue("Content-Type").orElse("")).contains("javascript");
        assertThat(widget.body()).contains("SupportHub").contains("attachShadow");
        assertThat(hub.get("demo/portal.html").body()).contains("/widget.js");
        assertThat(Json.parse(hub.get("api/v1/info").body()).getString("mode")).isEqualTo("development");
        HttpResponse<String> token = hub.get("demo/api/token?user=admin&locale=pl");
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(Json.parse(token.body()).getString("token")).contains(".");
        assertThat(hub.get("demo/api/token?user=mallory").statusCode()).isEqualTo(404);
        // The demo's manager opens the console's management area and nothing else.
        HttpResponse<String> manager = SupportFixtures.login(hub, "demo-manager", "support-demo");
        assertThat(manager.statusCode()).as(manager.body()).isEqualTo(200);
        assertThat(Json.parse(manager.body()).getJsonArray("roles").toString()).isEqualTo("[\"manager\"]");
    }

    // ---- registration -------------------------------------------------------------------------------

    @Test
    void registrationReturnsIdAndSecretOnceAndKeepsNoClearSecret() throws Exception {
        HubClient.Portal p = hub.registerPortal("en");
        assertThat(UUID.fromString(p.id())).isNotNull();
        assertThat(p.secret()).hasSizeGreaterThanOrEqualTo(40);
        String row = HubDatabase.portalRow(p.id());
        assertThat(row).isNotNull().doesNotContain(p.secret());
        assertThat(HubDatabase.count("select count(*) from portal where id = ? and bot_state = 'DISABLED'", p.id()))
                .isEqualTo(1);
    }

    @Test
    void invalidRegistrationIsAProblemListingEachFieldAndStoresNothing() throws Exception {
        long before = HubDatabase.count("select count(*) from portal");
        HttpResponse<String> r = hub.post("api/v1/portal/register", """
                {"name": " ", "publicAddress": "ftp://x", "licenseKey": "K", "productVersion": "latest", "locale": "de"}""");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonObject problem = Json.parse(r.body());
        assertThat(problem.getInt("status")).isEqualTo(400);
        assertThat(problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("name", "publicAddress", "productVersion", "locale");
        assertThat(HubDatabase.count("select count(*) from portal")).isEqualTo(before);
    }

    @Test
    void malformedOrMissingBodyIsAProblem() throws Exception {
        for (String body : List.of("{not json", "", "[1,2]")) {
            HttpResponse<String> r = hub.post("api/v1/portal/register", body);
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(body).startsWith("application/problem+json");
        }
    }

    // ---- support channel ----------------------------------------------------------------------------

    @Test
    void supportChannelNeedsThePortalsOwnCredentials() throws Exception {
        HubClient.Portal a = hub.registerPortal("en");
        HubClient.Portal b = hub.registerPortal("en");
        String path = "api/v1/portal/" + a.id() + "/support-channel";

        HttpResponse<String> none = hub.put(path, "{\"enabled\":true}", null, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
        assertThat(none.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(hub.put(path, "{\"enabled\":true}", a.id(), b.secret()).statusCode()).isEqualTo(401);
        HttpResponse<String> foreign = hub.put(path, "{\"enabled\":true}", b.id(), b.secret());
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).doesNotContain(a.id());
        assertThat(HubDatabase.count("select count(*) from portal where id = ? and bot_state = 'DISABLED'", a.id()))
                .isEqualTo(1);

        HttpResponse<String> bad = hub.put(path, "{}", a.id(), a.secret());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("enabled");

        long version = HubDatabase.count("select version from portal where id = ?", a.id());
        HttpResponse<String> on = hub.put(path, "{\"enabled\":true}", a.id(), a.secret());
        assertThat(on.statusCode()).isEqualTo(200);
        assertThat(Json.parse(on.body()).getString("botState")).isEqualTo("INSTALLED");
        // The bot's state is persisted under optimistic locking: each change moves the row's version on.
        assertThat(HubDatabase.count("select version from portal where id = ?", a.id())).isEqualTo(version + 1);
        HttpResponse<String> again = hub.put(path, "{\"enabled\":true}", a.id(), a.secret());
        assertThat(Json.parse(again.body()).getString("botState")).isEqualTo("INSTALLED");
        assertThat(HubDatabase.count("select version from portal where id = ?", a.id())).isEqualTo(version + 1);
        assertThat(Json.parse(hub.put(path, "{\"enabled\":false}", a.id(), a.secret()).body()).getString("botState"))
                .isEqualTo("DISABLED");
        assertThat(HubDatabase.count("select version from portal where id = ?", a.id())).isEqualTo(version + 2);
        hub.put(path, "{\"enabled\":true}", a.id(), a.secret());
    }

    @Test
    void disablingTheChannelTellsOpenChatsAndClosesThem() throws Exception {
        HubClient.Portal p = hub.registerEnabledPortal("en");
        try (ChatClient chat = ChatClient.connect(hub, p.origin())) {
            chat.hello(HubClient.adminToken(p, "u1"), null);
            chat.nextOfType("welcome");
            chat.nextOfType("message");

            HttpResponse<String> off = hub.put("api/v1/portal/" + p.id() + "/support-channel", "{\"enabled\":false}",
                    p.id(), p.secret());
            assertThat(Json.parse(off.body()).getString("botState")).isEqualTo("DISABLED");
            JsonObject notice = chat.nextOfType("message");
            assertThat(notice.getJsonObject("author").getString("kind")).isEqualTo("system");
            assertThat(notice.getString("text")).contains("switched its support channel off");
            assertThat(chat.awaitClose()).isEqualTo(1000);
            assertThat(chat.closeReason).isEqualTo("SUPPORT_CHANNEL_DISABLED");
        }
        try (ChatClient late = ChatClient.connect(hub, p.origin())) {
            late.hello(HubClient.adminToken(p, "u1"), null);
            assertThat(late.awaitClose()).isEqualTo(1008);
            assertThat(late.closeReason).isEqualTo("SUPPORT_CHANNEL_DISABLED");
        }
    }

    // ---- the handshake and hello --------------------------------------------------------------------

    @Test
    void foreignOrMissingOriginIsRefusedAtTheHandshake() throws Exception {
        hub.registerEnabledPortal("en");
        for (String origin : new String[]{"https://evil.example", null, "null"}) {
            assertThatThrownBy(() -> ChatClient.connect(hub, origin)).as(String.valueOf(origin))
                    .isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(WebSocketHandshakeException.class)
                    .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode())
                            .isEqualTo(403));
        }
    }

    @Test
    void badTokensCloseWith1008AndAReason() throws Exception {
        HubClient.Portal p = hub.registerEnabledPortal("en");
        HubClient.Portal other = hub.registerEnabledPortal("en");
        String forged = HubClient.sign(p.id(), other.secret(), "u", "Mallory", true, List.of("Employees"), "en",
                Instant.now().plusSeconds(300));
        String expired = HubClient.token(p, "u", "Ada", true, "en", Instant.now().minusSeconds(120));
        String tooLong = HubClient.token(p, "u", "Ada", true, "en", Instant.now().plusSeconds(7200));
        String[][] cases = {
                {forged, "TOKEN_SIGNATURE_INVALID"}, {expired, "TOKEN_EXPIRED"}, {tooLong, "TOKEN_LIFETIME_TOO_LONG"},
                {"", "TOKEN_MISSING"}, {"not.a.jwt", "TOKEN_MALFORMED"}};
        for (String[] c : cases) {
            try (ChatClient chat = ChatClient.connect(hub, p.origin())) {
                chat.hello(c[0], null);
                assertThat(chat.awaitClose()).as(c[1]).isEqualTo(1008);
                assertThat(chat.closeReason).isEqualTo(c[1]);
            }
        }
        try (ChatClient chat = ChatClient.connect(hub, p.origin())) {
            chat.send("{\"type\":\"message\",\"clientMsgId\":\"" + UUID.randomUUID() + "\",\"text\":\"hi\"}");
            assertThat(chat.awaitClose()).isEqualTo(1008);
            assertThat(chat.closeReason).isEqualTo("HELLO_REQUIRED");
        }
    }

    @Test
    void helloMustComeFromThePagesOfTheTokensPortal() throws Exception {
        HubClient.Portal p = hub.registerEnabledPortal("en");
        HubClient.Portal other = hub.registerEnabledPortal("en");
        try (ChatClient chat = ChatClient.connect(hub, other.origin())) {
            chat.hello(HubClient.adminToken(p, "u"), null);
            assertThat(chat.awaitClose()).isEqualTo(1008);
            assertThat(chat.closeReason).isEqualTo("ORIGIN_NOT_ALLOWED");
        }
        // The hub's own pages (the demo portal) may carry any portal's token.
        try (ChatClient chat = ChatClient.connect(hub, hub.ownOrigin())) {
            chat.hello(HubClient.adminToken(p, "u"), null);
            assertThat(chat.nextOfType("welcome").getString("botState")).isEqualTo("INSTALLED");
        }
    }

    @Test
    void silentSocketIsClosedWhenHelloDoesNotCome() throws Exception {
        hub.registerEnabledPortal("en");
        try (ChatClient chat = ChatClient.connect(hub, hub.ownOrigin())) {
            assertThat(chat.awaitClose()).isEqualTo(1008);
            assertThat(chat.closeReason).isEqualTo("HELLO_TIMEOUT");
        }
    }

    // ---- chatting -----------------------------------------------------------------------------------

    @Test
    void adminIsGreetedAndEveryMessageIsStoredBeforeItsAck() throws Exception {
        HubClient.Portal p = hub.registerEnabledPortal("en");
        try (ChatClient chat = ChatClient.connect(hub, p.origin())) {
            chat.hello(HubClient.adminToken(p, "ada"), null);
            JsonObject welcome = chat.nextOfType("welcome");
            assertThat(welcome.getString("botState")).isEqualTo("INSTALLED");
            assertThat(welcome.getJsonObject("user").getBoolean("admin")).isTrue();
            JsonObject greeting = chat.next();
            assertThat(greeting.getInt("seq")).isEqualTo(1);
            assertThat(greeting.getJsonObject("author").getString("kind")).isEqualTo("bot");
            assertThat(greeting.getString("text")).contains("Support for on-premise editions");
            assertThat(greeting.getJsonArray("actions").getJsonObject(0).getString("name")).isEqualTo("activate");

            String id = UUID.randomUUID().toString();
            chat.message(id, "Our portal shows error 500 after the update");
            JsonObject ack = chat.nextOfType("ack");
            assertThat(ack.getString("clientMsgId")).isEqualTo(id);
            assertThat(ack.getInt("seq")).isEqualTo(2);
            assertThat(ack.getBoolean("duplicate")).isFalse();
            // Acknowledged means already in the database.
            assertThat(HubDatabase.count("select count(*) from chat_message where client_msg_id = ? and seq = 2", id))
                    .isEqualTo(1);
            JsonObject reply = chat.nextOfType("message");
            assertThat(reply.getInt("seq")).isEqualTo(3);
            assertThat(reply.getString("text")).contains("activated");
        }
    }

    @Test
    void resentClientIdIsAcknowledgedAgainWithoutASecondCopy() throws Exception {
        HubClient.Portal p = hub.registerEnabledPortal("en");
        String id = UUID.randomUUID().toString();
        try (ChatClient chat = ChatClient.connect(hub, p.origin())) {
            chat.hello(HubClient.adminToken(p, "dup"), null);
            chat.message(id, "first copy");
            JsonObject first = chat.nextOfType("ack");
            chat.message(id, "first copy");
            JsonObject second = chat.nextOfType("ack");
            assertThat(second.getInt("seq")).isEqualTo(first.getInt("seq"));
            assertThat(second.getBoolean("duplicate")).isTrue();
        }
        // ... also from a new socket after a reconnect.
        try (ChatClient chat = ChatClient.connect(hub, p.origin())) {
            chat.hello(HubClient.adminToken(p, "dup"), 100L);
            chat.nextOfType("welcome");
            chat.message(id, "first copy");
            assertThat(chat.nextOfType("ack").getBoolean("duplicate")).isTrue();
        }
        assertThat(HubDatabase.count("select count(*) from chat_message where client_msg_id = ?", id)).isEqualTo(1);
    }

    @Test
    void badFramesGetStableErrorsAndTheSocketStaysUsable() throws Exception {
        HubClient.Portal p = hub.registerEnabledPortal("en");
        try (ChatClient chat = ChatClient.connect(hub, p.origin())) {
            chat.hello(HubClient.adminToken(p, "bad"), null);
            chat.nextOfType("welcome");
            chat.next();
            long before = HubDatabase.count("select count(*) from chat_message");
            String valid = UUID.randomUUID().toString();
            Object[][] cases = {
                    {"{oops", "MALFORMED_JSON"},
                    {"[1]", "MALFORMED_JSON"},
                    {"{\"type\":\"dance\"}", "UNKNOWN_TYPE"},
                    {"{\"text\":\"no type\"}", "UNKNOWN_TYPE"},
                    {"{\"type\":\"message\",\"clientMsgId\":\"" + valid + "\",\"text\":\"   \"}", "TEXT_EMPTY"},
                    {"{\"type\":\"message\",\"clientMsgId\":\"" + valid + "\"}", "TEXT_EMPTY"},
                    {"{\"type\":\"message\",\"clientMsgId\":\"" + valid + "\",\"text\":\"" + "x".repeat(4001) + "\"}",
                            "TEXT_TOO_LONG"},
                    {"{\"type\":\"message\",\"clientMsgId\":\"12\",\"text\":\"hi\"}", "INVALID_CLIENT_MSG_ID"},
                    {"{\"type\":\"message\",\"text\":\"hi\"}", "INVALID_CLIENT_MSG_ID"},
                    {"{\"type\":\"command\",\"name\":\"self-destruct\"}", "UNKNOWN_COMMAND"},
                    {"{\"type\":\"hello\",\"token\":\"x\"}", "ALREADY_AUTHENTICATED"}};
            for (Object[] c : cases) {
                chat.send((String) c[0]);
                JsonObject error = chat.next();
                assertThat(error.getString("type")).as((String) c[0]).isEqualTo("error");
                assertThat(error.getString("code")).as((String) c[0]).isEqualTo(c[1]);
            }
            assertThat(HubDatabase.count("select count(*) from chat_message")).isEqualTo(before);
            chat.send("{\"type\":\"ping\"}");
            assertThat(chat.next().getString("type")).isEqualTo("pong");
            chat.message("x".repeat(4000));
            assertThat(chat.nextOfType("ack").getBoolean("duplicate")).isFalse();
        }
    }

    @Test
    void oversizedFrameClosesWith1009() throws Exception {
        HubClient.Portal p = hub.registerEnabledPortal("en");
        try (ChatClient chat = ChatClient.connect(hub, p.origin())) {
            chat.hello(HubClient.adminToken(p, "big"), null);
            chat.nextOfType("welcome");
            chat.message("y".repeat(20_000));
            assertThat(chat.awaitClose()).isEqualTo(1009);
        }
    }

    @Test
    void reconnectResumesWithWhatWasMissedInOrder() throws Exception {
        HubClient.Portal p = hub.registerEnabledPortal("en");
        String token = HubClient.adminToken(p, "resume");
        long seen;
        try (ChatClient chat = ChatClient.connect(hub, p.origin())) {
            chat.hello(token, null);
            chat.nextOfType("welcome");
            chat.message("first");
            seen = chat.nextOfType("ack").getInt("seq");
        }
        // Meanwhile, in another tab, the conversation goes on.
        try (ChatClient other = ChatClient.connect(hub, p.origin())) {
            other.hello(token, seen);
            other.nextOfType("welcome");
            other.message("second");
            other.nextOfType("ack");
            other.message("help");
            other.nextOfType("ack");
            other.until(f -> ChatClient.type(f, "message") && f.getJsonObject("author").getString("kind").equals("bot")
                    && f.getString("text").contains("Commands"));
        }
        try (ChatClient back = ChatClient.connect(hub, p.origin())) {
            back.hello(token, seen);
            JsonObject welcome = back.nextOfType("welcome");
            long last = welcome.getJsonNumber("lastSeq").longValue();
            assertThat(last).isGreaterThan(seen);
            long expected = seen + 1;
            while (expected <= last) {
                JsonObject m = back.next();
                assertThat(m.getString("type")).isEqualTo("message");
                assertThat(m.getJsonNumber("seq").longValue()).isEqualTo(expected++);
            }
            assertThat(back.poll(300)).isNull();
        }
        try (ChatClient fresh = ChatClient.connect(hub, p.origin())) {
            fresh.hello(token, null);
            fresh.nextOfType("welcome");
            assertThat(fresh.next().getInt("seq")).isEqualTo(1);
        }
    }

    @Test
    void everyOpenTabSeesTheMessage() throws Exception {
        HubClient.Portal p = hub.registerEnabledPortal("en");
        String token = HubClient.adminToken(p, "tabs");
        try (ChatClient one = ChatClient.connect(hub, p.origin()); ChatClient two = ChatClient.connect(hub, p.origin())) {
            one.hello(token, null);
            one.nextOfType("welcome");
            one.next();
            two.hello(token, 1L);
            two.nextOfType("welcome");
            String id = one.message("from tab one");
            JsonObject echoed = two.until(f -> ChatClient.type(f, "message") && id.equals(f.getString("clientMsgId", "")))
                    .get(0);
            assertThat(echoed.getString("text")).isEqualTo("from tab one");
        }
    }

    @Test
    void nonAdministratorIsToldPolitelyOnlyAdministratorsCanContactSupport() throws Exception {
        HubClient.Portal p = hub.registerEnabledPortal("en");
        String token = HubClient.token(p, "emp", "Eve Employee", false, "en", Instant.now().plusSeconds(300));
        try (ChatClient chat = ChatClient.connect(hub, p.origin())) {
            chat.hello(token, null);
            chat.nextOfType("welcome");
            JsonObject greeting = chat.next();
            assertThat(greeting.getString("text")).contains("Only this portal's administrators");
            assertThat(greeting.containsKey("actions")).isFalse();
            chat.message("Please fix my printer");
            JsonObject reply = chat.nextOfType("message");
            reply = reply.getJsonObject("author").getString("kind").equals("user") ? chat.nextOfType("message") : reply;
            assertThat(reply.getString("text")).contains("only portal administrators");
            chat.send("{\"type\":\"command\",\"name\":\"activate\"}");
            assertThat(chat.nextOfType("message").getString("text")).contains("Only portal administrators can activate");
        }
    }

    @Test
    void activateTravelsToTheActivationChecksAndHelpAndStatusAnswer() throws Exception {
        // A loopback address: allowed for fixtures in development mode only (production refuses it as local).
        String license = hub.issueLicense("127.0.0.1", "commercial", java.time.LocalDate.now().plusYears(1).toString());
        HubClient.Portal p = hub.enable(hub.registerPortal("en", "https://127.0.0.1:9443", "https://127.0.0.1:9443/",
                license));
        // The portal's server shows it can reach the hub.
        HttpResponse<String> beat = hub.heartbeat(p);
        assertThat(beat.statusCode()).isEqualTo(200);
        assertThat(Json.parse(beat.body()).getString("receivedAt")).isNotBlank();
        assertThat(hub.http.send(java.net.http.HttpRequest.newBuilder(hub.base.resolve("api/v1/portal/" + p.id() + "/heartbeat"))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        try (ChatClient chat = ChatClient.connect(hub, p.origin())) {
            chat.hello(HubClient.adminToken(p, "act"), null);
            chat.nextOfType("welcome");
            chat.next();
            chat.send("{\"type\":\"command\",\"name\":\"activate\"}");
            assertThat(chat.nextOfType("message").getString("text")).startsWith("Activation starts");
            // Nothing listens at the portal's address: everything else passes, the hub cannot reach it.
            assertThat(chat.until(f -> ChatClient.type(f, "message") && f.getString("text").contains("refused the connection"))
                    .stream().filter(f -> ChatClient.type(f, "message")).map(f -> f.getString("text")))
                    .contains("\u2714 Stable updates installed", "\u2714 Licence", "\u2714 Open-channel settings",
                            "\u2714 The portal reaches the vendor", "\u2714 Public site address",
                            "\u2718 The vendor reaches the portal (HTTPS, valid certificate): NETWORK_ERROR");
            chat.send("{\"type\":\"command\",\"name\":\"status\"}");
            assertThat(chat.nextOfType("message").getString("text")).contains("installed but not activated");
            chat.send("{\"type\":\"command\",\"name\":\"help\"}");
            assertThat(chat.nextOfType("message").getString("text")).contains("Commands");
        }
    }

    @Test
    void botSpeaksPolishWhenTheTokenSaysSo() throws Exception {
        HubClient.Portal p = hub.registerEnabledPortal("en");
        try (ChatClient chat = ChatClient.connect(hub, p.origin())) {
            chat.hello(HubClient.token(p, "pl", "Jan", true, "pl", Instant.now().plusSeconds(300)), null);
            assertThat(chat.nextOfType("welcome").getString("locale")).isEqualTo("pl");
            JsonObject greeting = chat.next();
            assertThat(greeting.getString("text")).contains("Dzień dobry, Jan").contains("Aktywuj");
            assertThat(greeting.getJsonArray("actions").getJsonObject(0).getString("label")).isEqualTo("Aktywuj");
            chat.message("pomoc");
            chat.nextOfType("ack");
            assertThat(chat.nextOfType("message").getString("text")).contains("Polecenia");
        }
    }

    @Test
    void theLanguageTheUserPicksIsKeptWithTheConversationAndTheBotFollowsIt() throws Exception {
        HubClient.Portal p = hub.registerEnabledPortal("en");
        // The token says English: the user's own choice beats it, now and after reconnecting.
        String token = HubClient.token(p, "lang-" + UUID.randomUUID(), "Jan", true, "en", Instant.now().plusSeconds(300));
        try (ChatClient chat = ChatClient.connect(hub, p.origin()); ChatClient otherTab = ChatClient.connect(hub, p.origin())) {
            chat.hello(token, null);
            assertThat(chat.nextOfType("welcome").getString("locale")).isEqualTo("en");
            otherTab.hello(token, 1_000_000L);
            otherTab.nextOfType("welcome");

            // Only pl or en, exactly: anything else is an error frame and the socket stays usable.
            for (String bad : List.of("{\"type\":\"locale\",\"locale\":\"de\"}", "{\"type\":\"locale\",\"locale\":\"pl-PL\"}",
                    "{\"type\":\"locale\"}", "{\"type\":\"locale\",\"locale\":7}")) {
                chat.send(bad);
                JsonObject error = chat.nextOfType("error");
                assertThat(error.getString("code")).as(bad).isEqualTo("INVALID_LOCALE");
            }
            chat.message("help");
            chat.nextOfType("ack");
            assertThat(chat.nextOfType("message").getString("text")).as("still English").contains("Commands");

            chat.send("{\"type\":\"locale\",\"locale\":\"pl\"}");
            assertThat(chat.nextOfType("locale").getString("locale")).isEqualTo("pl");
            // The user's other tab hears of it too.
            assertThat(otherTab.nextOfType("locale").getString("locale")).isEqualTo("pl");
            chat.message("help");
            chat.nextOfType("ack");
            assertThat(chat.nextOfType("message").getString("text")).contains("Polecenia");
        }
        // Kept with the conversation: a new socket (a reconnect, another tab, a restarted hub) speaks Polish.
        assertThat(HubDatabase.count("select count(*) from conversation where portal_id = ? and locale = 'pl'", p.id()))
                .isEqualTo(1);
        try (ChatClient again = ChatClient.connect(hub, p.origin())) {
            again.hello(token, 1_000_000L);
            assertThat(again.nextOfType("welcome").getString("locale")).isEqualTo("pl");
            again.send("{\"type\":\"command\",\"name\":\"status\"}");
            assertThat(again.nextOfType("message").getString("text")).doesNotContain("installed but not activated")
                    .contains("zainstalowany");
            again.send("{\"type\":\"locale\",\"locale\":\"en\"}");
            assertThat(again.nextOfType("locale").getString("locale")).isEqualTo("en");
            again.message("help");
            again.nextOfType("ack");
            assertThat(again.nextOfType("message").getString("text")).contains("Commands");
        }
    }

    // ---- activation (the checks this hub runs so far) ------------------------------------------------

    private static List<String> texts(List<JsonObject> frames) {
        return frames.stream().filter(f -> ChatClient.type(f, "message")).map(f -> f.getString("text")).toList();
    }

    @Test
    void failedActivationExplainsEachCauseAndTheReportCanBeReadBack() throws Exception {
        // An outdated portal whose administrator is not in "Employees".
        String host = "old-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
        JsonObject reg = Json.parse(hub.post("api/v1/portal/register", """
                {"name": "Old portal", "publicAddress": "https://%s", "licenseKey": "K", "productVersion": "23.5.1",
                 "locale": "en"}""".formatted(host)).body());
        HubClient.Portal p = new HubClient.Portal(reg.getString("portalId"), reg.getString("portalSecret"), "https://" + host);
        hub.put("api/v1/portal/" + p.id() + "/support-channel", "{\"enabled\":true}", p.id(), p.secret());
        String path = "api/v1/portal/" + p.id() + "/activation/latest";
        JsonObject before = Json.parse(hub.getAs(path, p.id(), p.secret()).body());
        assertThat(before.getString("state")).isEqualTo("INSTALLED");
        assertThat(before.getJsonArray("checks")).isEmpty();

        String token = HubClient.sign(p.id(), p.secret(), "boss", "Bo Boss", true, List.of("Administrators"), "en",
                Instant.now().plusSeconds(300));
        try (ChatClient chat = ChatClient.connect(hub, p.origin())) {
            chat.hello(token, null);
            chat.nextOfType("welcome");
            chat.next();
            chat.send("{\"type\":\"command\",\"name\":\"activate\"}");
            List<String> said = texts(chat.until(f -> ChatClient.type(f, "message")
                    && f.getString("text").contains("All stable updates must be installed")));
            assertThat(said.get(0)).startsWith("Activation starts");
            assertThat(said).contains("\u2718 Stable updates installed: UPDATES_REQUIRED",
                    "\u2718 Public site address: INVALID_PUBLIC_ADDRESS",
                    "\u2718 You can receive messages (member of \"Employees\"): CONTACTS_ONLY_NOT_DELIVERED");
            assertThat(said).anyMatch(t -> t.contains("only from their contacts") && t.contains("Employees"));
            assertThat(said.get(said.size() - 1)).contains("23.5.1").contains("24.0.0");
        }
        JsonObject latest = Json.parse(hub.getAs(path, p.id(), p.secret()).body());
        assertThat(latest.getString("state")).isEqualTo("INSTALLED");
        assertThat(latest.getString("outcome")).isEqualTo("FAILED");
        assertThat(latest.getString("requestedBy")).isEqualTo("Bo Boss");
        assertThat(latest.getJsonArray("errors").getValuesAs(JsonObject.class)).extracting(e -> e.getString("code"))
                .containsExactly("INVALID_PUBLIC_ADDRESS", "NETWORK_ERROR", "NETWORK_ERROR", "LICENSE_INVALID",
                        "CONTACTS_ONLY_NOT_DELIVERED", "UPDATES_REQUIRED");
        assertThat(latest.getJsonArray("errors").getValuesAs(JsonObject.class)).extracting(e -> e.getString("detail", null))
                .containsExactly("DNS_NO_SUCH_HOST", "ADDRESS_REFUSED", "PORTAL_CANNOT_REACH_HUB", null, null, null);
        assertThat(latest.getJsonArray("checks")).hasSize(9);
        assertThat(HubDatabase.count("select count(*) from activation_report where portal_id = ?", p.id())).isEqualTo(1);

        // Another portal's credentials read nothing of it.
        HubClient.Portal other = hub.registerPortal("en");
        assertThat(hub.getAs(path, other.id(), other.secret()).statusCode()).isEqualTo(403);
    }

    @Test
    void everyWidgetOfThePortalIsToldTheBotsStateAndNoOtherPortalsWidgetIs() throws Exception {
        HubClient.Portal p = hub.registerEnabledPortal("en");
        HubClient.Portal other = hub.registerEnabledPortal("en");
        Instant exp = Instant.now().plusSeconds(300);
        try (ChatClient admin = ChatClient.connect(hub, p.origin());
             ChatClient bystander = ChatClient.connect(hub, p.origin());
             ChatClient stranger = ChatClient.connect(hub, other.origin())) {
            admin.hello(HubClient.adminToken(p, "state-admin"), null);
            admin.nextOfType("welcome");
            bystander.hello(HubClient.token(p, "state-user", "Bea", false, "en", exp), null);
            assertThat(bystander.nextOfType("welcome").getString("botState")).isEqualTo("INSTALLED");
            stranger.hello(HubClient.adminToken(other, "state-stranger"), null);
            stranger.nextOfType("welcome");

            // The administrator activates (it fails: the portal's address does not resolve); a user who only
            // has the widget open sees the bot go to ACTIVATING and back, without reconnecting.
            admin.send("{\"type\":\"command\",\"name\":\"activate\"}");
            assertThat(bystander.nextOfType("state").getString("botState")).isEqualTo("ACTIVATING");
            assertThat(bystander.nextOfType("state").getString("botState")).isEqualTo("INSTALLED");
            assertThat(admin.nextOfType("state").getString("botState")).isEqualTo("ACTIVATING");
            assertThat(admin.nextOfType("state").getString("botState")).isEqualTo("INSTALLED");

            // The portal switches support off: DISABLED first, then the close.
            hub.put("api/v1/portal/" + p.id() + "/support-channel", "{\"enabled\":false}", p.id(), p.secret());
            assertThat(bystander.nextOfType("state").getString("botState")).isEqualTo("DISABLED");
            assertThat(bystander.awaitClose()).isEqualTo(1000);

            List<JsonObject> strangers = new java.util.ArrayList<>();
            for (JsonObject f; (f = stranger.poll(500)) != null; ) {
                strangers.add(f);
            }
            assertThat(strangers).as("another portal's widget hears nothing of this bot")
                    .noneMatch(f -> ChatClient.type(f, "state"));
        }
    }

    @Test
    void nonAdministratorActivationIsRefusedWithoutTouchingTheBot() throws Exception {
        HubClient.Portal p = hub.registerEnabledPortal("en");
        long version = HubDatabase.count("select version from portal where id = ?", p.id());
        try (ChatClient chat = ChatClient.connect(hub, p.origin())) {
            chat.hello(HubClient.token(p, "emp", "Eve", false, "en", Instant.now().plusSeconds(300)), null);
            chat.nextOfType("welcome");
            chat.next();
            chat.send("{\"type\":\"command\",\"name\":\"activate\"}");
            assertThat(chat.nextOfType("message").getString("text")).contains("Only portal administrators can activate");
        }
        assertThat(HubDatabase.count("select version from portal where id = ?", p.id())).isEqualTo(version);
        // Answered in the chat only: a non-administrator's request is never the portal's latest report.
        JsonObject latest = Json.parse(hub.getAs("api/v1/portal/" + p.id() + "/activation/latest", p.id(), p.secret()).body());
        assertThat(latest.getString("state")).isEqualTo("INSTALLED");
        assertThat(latest.getString("outcome", null)).isNull();
        assertThat(latest.getJsonArray("checks")).isEmpty();
        assertThat(latest.getJsonArray("errors")).isEmpty();
        assertThat(HubDatabase.count("select count(*) from activation_report where portal_id = ?", p.id())).isZero();
    }

    // ---- files in the conversation (docs/protocol.md, section 13) ------------------------------------

    private static String widgetToken(HubClient.Portal p, String user, String locale) {
        return HubClient.token(p, user, "Ada Admin", true, locale, Instant.now().plusSeconds(600));
    }

    private static JsonObject json(HttpResponse<String> r) {
        return Json.parse(r.body());
    }

    private static void assertProblem(HttpResponse<String> r, int status, String type) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(r).getString("type")).endsWith("/" + type);
    }

    @Test
    void aFileIsStoredOnceDeliveredWithItsTypeAndDownloadedOnlyThroughFreshSignedLinks() throws Exception {
        HubClient.Portal p = hub.registerEnabledPortal("en");
        String token = widgetToken(p, "files-1", "en");
        String clientMsgId = UUID.randomUUID().toString();
        byte[] png = Uploads.png(1200, 800);
        byte[] log = "2026-12-01 12:00:00 ERROR <script>alert(1)</script>\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String conversationId;
        HttpResponse<String> stored;
        try (ChatClient chat = ChatClient.connect(hub, p.origin())) {
            chat.hello(token, null);
            conversationId = chat.nextOfType("welcome").getString("conversationId");
            stored = Uploads.post(hub, "api/v1/widget/attachments", token, clientMsgId,
                    new java.util.LinkedHashMap<>(java.util.Map.of("shot.png", png)), null);
            assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
            JsonObject pushed = chat.until(f -> ChatClient.type(f, "message")
                    && clientMsgId.equals(f.getString("clientMsgId", ""))).stream().reduce((a, b) -> b).orElseThrow();
            JsonObject file = pushed.getJsonArray("attachments").getJsonObject(0);
            assertThat(file.getString("name")).isEqualTo("shot.png");
            assertThat(file.getString("type")).isEqualTo("image/png");
            assertThat(file.getJsonNumber("size").longValue()).isEqualTo(png.length);
            assertThat(file.getBoolean("thumbnail")).isTrue();
            assertThat(pushed.getJsonNumber("seq").longValue()).isEqualTo(json(stored).getJsonNumber("seq").longValue());
            // The socket drops (the user's network goes away) before the browser sees the answer.
        }
        // The widget retries the same upload after reconnecting: the stored message is the answer, not a second one.
        HttpResponse<String> again = Uploads.post(hub, "api/v1/widget/attachments", token, clientMsgId,
                java.util.Map.of("shot.png", png), null);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(json(again).getBoolean("duplicate")).isTrue();
        assertThat(json(again).getJsonNumber("seq").longValue()).isEqualTo(json(stored).getJsonNumber("seq").longValue());
        assertThat(HubDatabase.count("select count(*) from chat_message where client_msg_id = ?", clientMsgId))
                .isEqualTo(1);
        assertThat(HubDatabase.count("select count(*) from attachment where conversation_id = ?", conversationId))
                .isEqualTo(1);
        try (ChatClient back = ChatClient.connect(hub, p.origin())) {
            back.hello(token, null);
            back.nextOfType("welcome");
            List<JsonObject> replay = back.until(f -> ChatClient.type(f, "message")
                    && clientMsgId.equals(f.getString("clientMsgId", "")));
            assertThat(replay.stream().filter(f -> clientMsgId.equals(f.getString("clientMsgId", ""))).count())
                    .isEqualTo(1);
            assertThat(replay.get(replay.size() - 1).getJsonArray("attachments")).hasSize(1);
        }

        String attachmentId = json(stored).getJsonArray("attachments").getJsonObject(0).getString("id");
        JsonObject links = json(Uploads.links(hub, "widget", attachmentId, token));
        HttpResponse<byte[]> download = Uploads.download(hub, links.getString("url"));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(png);
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(download.headers().allValues("Content-Security-Policy")).containsExactly("sandbox; default-src 'none'");
        HttpResponse<byte[]> thumbnail = Uploads.download(hub, links.getString("thumbnailUrl"));
        assertThat(thumbnail.statusCode()).isEqualTo(200);
        assertThat(thumbnail.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
        java.awt.image.BufferedImage thumb = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(thumbnail.body()));
        assertThat(Math.max(thumb.getWidth(), thumb.getHeight())).isEqualTo(320);
        assertThat(thumbnail.headers().firstValue("Content-Disposition").orElse("")).startsWith("inline");

        // A forged signature, a moved expiry, an expired link, a thumbnail link used for the file: refused.
        String url = links.getString("url");
        String forged = url.replaceAll("signature=[^&]+", "signature=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        String moved = url.replaceAll("expires=(\\d+)", "expires=9999999999");
        String expired = url.replaceAll("expires=(\\d+)", "expires=1000000000");
        String thumbAsFile = links.getString("thumbnailUrl").replace("variant=thumbnail", "variant=file");
        for (String bad : List.of(forged, moved, expired, thumbAsFile)) {
            HttpResponse<byte[]> refused = Uploads.download(hub, bad);
            assertThat(refused.statusCode()).as(bad).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }

        // A text file (a "log" full of HTML) is text/plain, a download, never a page.
        String logId = UUID.randomUUID().toString();
        HttpResponse<String> logUpload = Uploads.post(hub, "api/v1/widget/attachments", token, logId,
                java.util.Map.of("error.html.exe", log), null);
        assertThat(logUpload.statusCode()).as(logUpload.body()).isEqualTo(201);
        JsonObject logFile = json(logUpload).getJsonArray("attachments").getJsonObject(0);
        assertThat(logFile.getString("type")).isEqualTo("text/plain");
        assertThat(logFile.getBoolean("thumbnail")).isFalse();
        JsonObject logLinks = json(Uploads.links(hub, "widget", logFile.getString("id"), token));
        assertThat(!logLinks.containsKey("thumbnailUrl") || logLinks.isNull("thumbnailUrl")).isTrue();
        HttpResponse<byte[]> logDownload = Uploads.download(hub, logLinks.getString("url"));
        assertThat(logDownload.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(logDownload.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment; filename=\"error.html.exe\"");
        assertThat(logDownload.headers().allValues("Content-Security-Policy")).containsExactly("sandbox; default-src 'none'");

        // Another user of the same portal may neither download nor even learn of it; nor may anyone without a token.
        String stranger = widgetToken(p, "files-stranger", "en");
        assertThat(Uploads.links(hub, "widget", attachmentId, stranger).statusCode()).isEqualTo(404);
        assertProblem(Uploads.links(hub, "widget", attachmentId, null), 401, "unauthorized");
        assertProblem(Uploads.post(hub, "api/v1/widget/attachments", null, UUID.randomUUID().toString(),
                java.util.Map.of("a.log", log), null), 401, "unauthorized");
        // Staff who never held a session of the portal may not either.
        String olga = json(SupportFixtures.login(hub, "operator", SupportFixtures.PASSWORD)).getString("token");
        assertProblem(Uploads.links(hub, "console", attachmentId, olga), 403, "not-participant");

        // A manager deletes the conversation: its files go with it, bytes no other conversation refers to too.
        String sha;
        try (java.sql.Connection c = HubDatabase.connect();
             java.sql.PreparedStatement q = c.prepareStatement("select sha256 from attachment where id = ?")) {
            q.setString(1, attachmentId);
            try (java.sql.ResultSet r = q.executeQuery()) {
                assertThat(r.next()).isTrue();
                sha = r.getString(1);
            }
        }
        // Nothing else refers to these bytes (the image is new): they go with the conversation.
        assertThat(HubDatabase.count("select count(*) from attachment where sha256 = ?", sha)).isEqualTo(1);
        String[] manager = System.getProperty("hub.it.manager").split(":", 2);
        HttpResponse<String> deleted = hub.http.send(java.net.http.HttpRequest.newBuilder(
                        hub.base.resolve("api/v1/admin/conversations/" + conversationId))
                .header("Authorization", HubClient.basic(manager[0], manager[1])).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        assertThat(HubDatabase.count("select count(*) from attachment where conversation_id = ?", conversationId))
                .isZero();
        assertThat(HubDatabase.count("select count(*) from chat_message where conversation_id = ?", conversationId))
                .isZero();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(HubDatabase.count("select count(*) from attachment_blob where sha256 = ?", sha)).isZero());
        assertThat(Uploads.download(hub, links.getString("url")).statusCode()).isIn(403, 404);
    }

    @Test
    void everyRefusedUploadIsAProblemInTheUsersLanguageAndStoresNothing() throws Exception {
        HubClient.Portal p = hub.registerEnabledPortal("en");
        String en = widgetToken(p, "limits-1", "en");
        String pl = widgetToken(p, "limits-pl", "pl");
        try (ChatClient a = ChatClient.connect(hub, p.origin()); ChatClient b = ChatClient.connect(hub, p.origin())) {
            a.hello(en, null);
            a.nextOfType("welcome");
            b.hello(pl, null);
            b.nextOfType("welcome");
        }
        long messagesBefore = HubDatabase.count("select count(*) from chat_message m join conversation c "
                + "on c.id = m.conversation_id where c.portal_id = ?", p.id());
        // Larger than a file may be (the test hub allows 200,000 bytes).
        HttpResponse<String> tooLarge = Uploads.post(hub, "api/v1/widget/attachments", en, UUID.randomUUID().toString(),
                java.util.Map.of("big.log", Uploads.text(200_001, "big")), null);
        assertProblem(tooLarge, 413, "file-too-large");
        assertThat(json(tooLarge).getString("detail")).contains("at most 0.2 MB a file");
        // More files than one message may carry (3).
        java.util.Map<String, byte[]> four = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            four.put(i + ".log", Uploads.text(10, "n" + i));
        }
        assertProblem(Uploads.post(hub, "api/v1/widget/attachments", en, UUID.randomUUID().toString(), four, null),
                400, "too-many-files");
        // Content no one accepts, whatever it is called: an executable named like a screenshot.
        byte[] exe = new byte[64];
        exe[0] = 'M';
        exe[1] = 'Z';
        HttpResponse<String> forbidden = Uploads.post(hub, "api/v1/widget/attachments", en, UUID.randomUUID().toString(),
                java.util.Map.of("screenshot.png", exe), null);
        assertProblem(forbidden, 415, "forbidden-type");
        assertThat(json(forbidden).getString("detail")).startsWith("This kind of file cannot be sent");
        // ...explained in Polish to a user who speaks Polish.
        HttpResponse<String> forbiddenPl = Uploads.post(hub, "api/v1/widget/attachments", pl,
                UUID.randomUUID().toString(), java.util.Map.of("zrzut.png", exe), null);
        assertProblem(forbiddenPl, 415, "forbidden-type");
        assertThat(json(forbiddenPl).getString("detail")).startsWith("Tego rodzaju pliku nie można wysłać");
        assertThat(json(forbiddenPl).getString("title")).isEqualTo("Plik nie został przyjęty");
        assertProblem(Uploads.post(hub, "api/v1/widget/attachments", en, "not-a-uuid",
                java.util.Map.of("a.log", Uploads.text(10, "x")), null), 400, "invalid-client-msg-id");
        assertThat(HubDatabase.count("select count(*) from chat_message m join conversation c "
                + "on c.id = m.conversation_id where c.portal_id = ?", p.id())).isEqualTo(messagesBefore);

        // The conversation's total (500,000 bytes): two files of 190,000 fit, a third does not.
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> ok = Uploads.post(hub, "api/v1/widget/attachments", en, UUID.randomUUID().toString(),
                    java.util.Map.of("part" + i + ".log", Uploads.text(190_000, "conv" + i)), null);
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        }
        HttpResponse<String> full = Uploads.post(hub, "api/v1/widget/attachments", en, UUID.randomUUID().toString(),
                java.util.Map.of("part2.log", Uploads.text(190_000, "conv2")), null);
        assertProblem(full, 413, "conversation-full");
        // The refused content was not kept.
        assertThat(HubDatabase.count("select count(*) from attachment_blob where size_bytes = 190000 and sha256 not in "
                + "(select sha256 from attachment)")).isZero();

        // The portal's day (900,000 bytes) counts every conversation of the portal: 380,000 above, 380,000 here,
        // and the next 190,000 of a third user are over.
        String second = widgetToken(p, "limits-2", "en");
        String third = widgetToken(p, "limits-3", "en");
        for (String t : List.of(second, third)) {
            try (ChatClient c = ChatClient.connect(hub, p.origin())) {
                c.hello(t, null);
                c.nextOfType("welcome");
            }
        }
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> ok = Uploads.post(hub, "api/v1/widget/attachments", second, UUID.randomUUID().toString(),
                    java.util.Map.of("day" + i + ".log", Uploads.text(190_000, "day" + i)), null);
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        }
        assertProblem(Uploads.post(hub, "api/v1/widget/attachments", third, UUID.randomUUID().toString(),
                java.util.Map.of("day2.log", Uploads.text(190_000, "day2")), null), 429, "portal-daily-limit");
        // Another portal's day is its own.
        HubClient.Portal other = hub.registerEnabledPortal("en");
        String otherToken = widgetToken(other, "limits-other", "en");
        try (ChatClient c = ChatClient.connect(hub, other.origin())) {
            c.hello(otherToken, null);
            c.nextOfType("welcome");
        }
        assertThat(Uploads.post(hub, "api/v1/widget/attachments", otherToken, UUID.randomUUID().toString(),
                java.util.Map.of("day2.log", Uploads.text(190_000, "day2")), null).statusCode()).isEqualTo(201);
    }
}
