package org.supporthub.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The abuse limits of docs/security.md, on a hub of its own whose limits are tight enough to reach in a
 * test (the {@code strict-limits} container: see arquillian.xml for every figure). Each limit answers
 * with its documented error, and what it refused is not stored.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AbuseLimitsIT {

    private static final String OPERATOR = "operator2";

    @Deployment(testable = false)
    @TargetsContainer("strict-limits")
    static WebArchive deployment() {
        return HubDeployment.war();
    }

    @ArquillianResource
    URL base;

    private static HubClient.Portal portal;

    private HubClient client() {
        return new HubClient(base);
    }

    /** Four registrations an hour from one address (the strict hub's figure); the fifth is 429. */
    @Test
    @Order(1)
    void registrationsPerAddressAreLimited() throws Exception {
        HubClient hub = client();
        portal = hub.registerEnabledPortal("en");
        for (int i = 0; i < 2; i++) {
            hub.registerPortal("en");
        }
        // A bad request counts too: a flood of them costs the hub as much.
        assertThat(hub.post("api/v1/portal/register", "{}").statusCode()).isEqualTo(400);
        HttpResponse<String> refused = hub.post("api/v1/portal/register", """
                {"name": "One too many", "publicAddress": "https://one-too-many.example.com", "licenseKey": "K",
                 "productVersion": "24.1.0", "locale": "en"}""");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(Json.parse(refused.body()).getString("type")).endsWith("rate-limited");
        assertThat(refused.body()).doesNotContain("portalSecret");
    }

    /** Three messages per socket, five per user; the refused one is answered RATE_LIMITED and never stored. */
    @Test
    @Order(2)
    void widgetMessagesAreLimitedPerSocketAndPerUser() throws Exception {
        HubClient hub = client();
        String token = HubClient.adminToken(portal, "msg-user");
        try (ChatClient first = ChatClient.connect(hub, portal.origin())) {
            first.hello(token, null);
            first.nextOfType("welcome");
            for (int i = 1; i <= 3; i++) {
                String id = first.message("question " + i);
                assertThat(first.nextOfType("ack").getString("clientMsgId")).isEqualTo(id);
            }
            String refusedId = first.message("question refused on the socket");
            JsonObject error = first.nextOfType("error");
            assertThat(error.getString("code")).isEqualTo("RATE_LIMITED");
            assertThat(error.getString("limit")).isEqualTo("widget-messages-per-socket");
            assertThat(error.getString("clientMsgId")).isEqualTo(refusedId);
            assertThat(error.getJsonNumber("retryAfterMs").longValue()).isPositive();
            // The socket stays usable.
            first.send("{\"type\":\"ping\"}");
            first.nextOfType("pong");

            try (ChatClient second = ChatClient.connect(hub, portal.origin())) {
                second.hello(token, null);
                second.nextOfType("welcome");
                for (int i = 4; i <= 5; i++) {
                    String id = second.message("question " + i);
                    assertThat(second.nextOfType("ack").getString("clientMsgId")).isEqualTo(id);
                }
                second.message("question refused for the user");
                JsonObject perUser = second.nextOfType("error");
                assertThat(perUser.getString("code")).isEqualTo("RATE_LIMITED");
                assertThat(perUser.getString("limit")).isEqualTo("widget-messages-per-user");
            }
        }
        // A fresh socket replays the history: the refused messages are not in it.
        try (ChatClient replay = ChatClient.connect(hub, portal.origin())) {
            replay.hello(token, 0L);
            replay.nextOfType("welcome");
            List<String> texts = new ArrayList<>();
            JsonObject f;
            while ((f = replay.poll(1500)) != null) {
                if (ChatClient.type(f, "message")) {
                    texts.add(f.getString("text"));
                }
            }
            assertThat(texts).contains("question 1", "question 5")
                    .doesNotContain("question refused on the socket", "question refused for the user");
        }
    }

    /** Two commands per socket, two typing notices per socket. */
    @Test
    @Order(3)
    void commandsAndTypingAreLimitedPerSocket() throws Exception {
        HubClient hub = client();
        try (ChatClient chat = ChatClient.connect(hub, portal.origin())) {
            chat.hello(HubClient.adminToken(portal, "cmd-user"), null);
            chat.nextOfType("welcome");
            chat.frame("command", "name", "help");
            chat.frame("command", "name", "help");
            chat.frame("command", "name", "help");
            JsonObject error = chat.nextOfType("error");
            assertThat(error.getString("code")).isEqualTo("RATE_LIMITED");
            assertThat(error.getString("limit")).isEqualTo("widget-commands-per-socket");
            chat.send("{\"type\":\"typing\"}").send("{\"type\":\"typing\"}").send("{\"type\":\"typing\"}");
            JsonObject typing = chat.nextOfType("error");
            assertThat(typing.getString("limit")).isEqualTo("widget-typing-per-socket");
        }
    }

    /** Three sockets per user; a fourth is told why and closed with 1008; closing one frees its place. */
    @Test
    @Order(4)
    void socketsPerUserAreLimited() throws Exception {
        HubClient hub = client();
        String token = HubClient.adminToken(portal, "many-tabs");
        List<ChatClient> tabs = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                ChatClient tab = ChatClient.connect(hub, portal.origin());
                tabs.add(tab);
                tab.hello(token, null);
                tab.nextOfType("welcome");
            }
            try (ChatClient fourth = ChatClient.connect(hub, portal.origin())) {
                fourth.hello(token, null);
                JsonObject error = fourth.nextOfType("error");
                assertThat(error.getString("code")).isEqualTo("RATE_LIMITED");
                assertThat(error.getString("limit")).isEqualTo("sockets-per-user");
                assertThat(fourth.awaitClose()).isEqualTo(1008);
            }
            tabs.remove(0).close();
            awaitFreePlace(hub, token);
        } finally {
            tabs.forEach(ChatClient::close);
        }
    }

    /** Twelve sockets per client address, with or without hello; the thirteenth is closed with 1008. */
    @Test
    @Order(5)
    void socketsPerAddressAreLimited() throws Exception {
        HubClient hub = client();
        Thread.sleep(500); // the sockets of the tests before have said goodbye and given their places back
        List<ChatClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                open.add(ChatClient.connect(hub, portal.origin()));
            }
            // Each of those was admitted: a ping before hello is answered by a close for HELLO_REQUIRED,
            // not for the address ceiling, so check the thirteenth only.
            try (ChatClient extra = ChatClient.connect(hub, portal.origin())) {
                JsonObject error = extra.nextOfType("error");
                assertThat(error.getString("limit")).isEqualTo("sockets-per-address");
                assertThat(extra.awaitClose()).isEqualTo(1008);
            }
        } finally {
            open.forEach(ChatClient::close);
        }
        // Once they are closed, the address may connect again.
        for (int attempt = 0; ; attempt++) {
            try (ChatClient again = ChatClient.connect(hub, portal.origin())) {
                again.hello(HubClient.adminToken(portal, "after-the-crowd"), null);
                JsonObject first = again.next();
                if (ChatClient.type(first, "welcome")) {
                    break;
                }
                assertThat(attempt).as("the address's places come back: " + first).isLessThan(20);
            }
            Thread.sleep(200);
        }
    }

    /** Four console frames per operator (ping excepted); the fifth is answered RATE_LIMITED. */
    @Test
    @Order(6)
    void consoleFramesArePerOperator() throws Exception {
        HubClient hub = client();
        HttpResponse<String> login = SupportFixtures.login(hub, "operator", SupportFixtures.PASSWORD);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        try (ChatClient console = ChatClient.console(hub)) {
            console.frame("hello", "token", Json.parse(login.body()).getString("token"));
            console.nextOfType("welcome");
            for (int i = 0; i < 4; i++) {
                console.frame("status", "status", i % 2 == 0 ? "AWAY" : "OFFLINE");
            }
            console.frame("status", "status", "ONLINE");
            JsonObject error = console.nextOfType("error");
            assertThat(error.getString("code")).isEqualTo("RATE_LIMITED");
            assertThat(error.getString("limit")).isEqualTo("console-frames-per-operator");
            console.send("{\"type\":\"ping\"}");
            console.nextOfType("pong");
        }
    }

    /**
     * Staff logins: three failures, then each attempt waits (429, Retry-After), the right password included;
     * five failures in a row lock the account until a manager lifts it.
     */
    @Test
    @Order(7)
    void staffLoginsAreThrottledAndLockedOut() throws Exception {
        HubClient hub = client();
        for (int i = 0; i < 3; i++) {
            assertThat(SupportFixtures.login(hub, OPERATOR, "wrong-password-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> throttled = SupportFixtures.login(hub, OPERATOR, SupportFixtures.PASSWORD);
        assertThat(throttled.statusCode()).as("the right password waits too").isEqualTo(429);
        assertThat(Json.parse(throttled.body()).getString("type")).endsWith("too-many-attempts");
        long wait = Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
        assertThat(wait).isBetween(1L, 4L);

        // Failures four and five, each after its wait: the fifth locks the account.
        for (int i = 3; i < 5; i++) {
            HttpResponse<String> r = awaitAdmitted(() -> SupportFixtures.login(hub, OPERATOR, "wrong-again"));
            assertThat(r.statusCode()).isEqualTo(401);
        }
        Thread.sleep(4_500); // longer than the strict hub's longest wait: what refuses now is the lock-out
        HttpResponse<String> locked = SupportFixtures.login(hub, OPERATOR, SupportFixtures.PASSWORD);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(Json.parse(locked.body()).getString("type")).endsWith("account-locked");

        String[] manager = System.getProperty("hub.it.manager").split(":", 2);
        HttpResponse<String> list = hub.getAs("api/v1/admin/lockouts", manager[0], manager[1]);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(list.body()).contains("\"username\":\"" + OPERATOR + "\"");
        HttpResponse<String> byOperator = hub.getAs("api/v1/admin/lockouts", "operator", SupportFixtures.PASSWORD);
        assertThat(byOperator.statusCode()).as("operators may not lift lock-outs").isEqualTo(403);

        HttpResponse<String> lift = hub.http.send(HttpRequest.newBuilder(hub.base.resolve("api/v1/admin/lockouts/" + OPERATOR))
                .header("Authorization", HubClient.basic(manager[0], manager[1])).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(lift.statusCode()).isEqualTo(204);
        assertThat(SupportFixtures.login(hub, OPERATOR, SupportFixtures.PASSWORD).statusCode()).isEqualTo(200);
        assertThat(hub.getAs("api/v1/admin/lockouts", manager[0], manager[1]).body())
                .doesNotContain("\"username\":\"" + OPERATOR + "\"");
        String audit = hub.getAs("api/v1/admin/staff/audit", manager[0], manager[1]).body();
        assertThat(audit).contains("LOCKED_OUT", "LOCKOUT_LIFTED");
    }

    /**
     * Failures from one address add up across accounts and doors (eight on the strict hub, five of which the
     * test above made): made-up names and a wrong portal secret reach it, then even a portal's call waits.
     */
    @Test
    @Order(8)
    void oneAddressIsThrottledAcrossAccountsAndDoors() throws Exception {
        HubClient hub = client();
        HttpResponse<String> last = null;
        for (int i = 0; i < 10 && (last == null || last.statusCode() != 429); i++) {
            last = i % 2 == 0 ? SupportFixtures.login(hub, "nobody-" + i, "whatever-password")
                    : hub.heartbeat(new HubClient.Portal(portal.id(), "not-the-secret", portal.origin()));
        }
        assertThat(last.statusCode()).isEqualTo(429);
        HttpResponse<String> portalCall = hub.heartbeat(portal);
        assertThat(portalCall.statusCode()).as("the address waits, whoever it claims to be").isEqualTo(429);
        assertThat(portalCall.headers().firstValue("Retry-After")).isPresent();
        assertThat(portalCall.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        HttpResponse<String> later = awaitAdmitted(() -> hub.heartbeat(portal));
        assertThat(later.statusCode()).as(later.body()).isBetween(200, 204);
    }

    /** A socket that stays silent past the idle timeout (six seconds on the strict hub) is closed; one that pings is not. */
    @Test
    @Order(9)
    void silentSocketsAreClosedAndPingingOnesKept() throws Exception {
        HubClient hub = client();
        try (ChatClient silent = ChatClient.connect(hub, portal.origin());
             ChatClient pinging = ChatClient.connect(hub, portal.origin())) {
            silent.hello(HubClient.adminToken(portal, "silent-user"), null);
            silent.nextOfType("welcome");
            pinging.hello(HubClient.adminToken(portal, "pinging-user"), null);
            pinging.nextOfType("welcome");
            long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(9);
            while (System.nanoTime() < end) {
                pinging.send("{\"type\":\"ping\"}");
                Thread.sleep(2_000);
            }
            assertThat(silent.closeCode).as("closed by the hub for silence").isDone();
            assertThat(silent.awaitClose()).as("the container closes an idle socket normally").isEqualTo(1000);
            assertThat(pinging.closeCode).as("a pinging widget stays").isNotDone();
            pinging.send("{\"type\":\"ping\"}");
            pinging.nextOfType("pong");
        }
    }

    private static void awaitFreePlace(HubClient hub, String token) throws Exception {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ChatClient tab = ChatClient.connect(hub, portal.origin())) {
                tab.hello(token, null);
                if (ChatClient.type(tab.next(), "welcome")) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("a closed socket never gave its place back");
    }

    private interface Call {
        HttpResponse<String> send() throws Exception;
    }

    /** Repeats a call, honouring Retry-After, until it is no longer refused as throttled. */
    private static HttpResponse<String> awaitAdmitted(Call call) throws Exception {
        for (int attempt = 0; attempt < 10; attempt++) {
            HttpResponse<String> r = call.send();
            if (r.statusCode() != 429) {
                return r;
            }
            Thread.sleep(1000 * Long.parseLong(r.headers().firstValue("Retry-After").orElse("1")));
        }
        throw new AssertionError("still throttled after ten waits");
    }
}
