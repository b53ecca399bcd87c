package org.supporthub.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A conversation survives a restart of the hub: each deployment of Payara Micro's Arquillian container
 * is its own server process, so undeploying and deploying again is a full stop and start on the same
 * database.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestartIT {

    private static final String HUB = "hub";

    @Deployment(name = HUB, managed = false, testable = false)
    static WebArchive hub() {
        return HubDeployment.war();
    }

    @ArquillianResource
    Deployer deployer;

    static HubClient.Portal portal;
    static List<String> before = new ArrayList<>();
    static long lastSeq;
    /** A socket left open across the restart: its end shows that the server really stopped. */
    static ChatClient lingering;

    /** Trusted by the hub under test, for the connected portal of the routed session. */
    static TlsFixtures.Authority root;
    static final List<AutoCloseable> routed = new ArrayList<>();
    static ChatClient routedAdmin;
    static String routedSession;
    static long routedLastSeq;

    @Test
    @Order(1)
    void start() throws Exception {
        // The hub reads its trusted roots when it starts.
        root = TlsFixtures.Authority.create("Support Hub Restart IT Root");
        root.writePem(java.nio.file.Path.of(System.getProperty("hub.it.trusted-roots")));
        deployer.deploy(HUB);
    }

    @Test
    @Order(2)
    void chatBeforeTheRestart(@ArquillianResource @OperateOnDeployment(HUB) URL base) throws Exception {
        HubClient hub = new HubClient(base);
        portal = hub.registerEnabledPortal("en");
        try (ChatClient chat = ChatClient.connect(hub, portal.origin())) {
            chat.hello(HubClient.adminToken(portal, "restart"), null);
            chat.nextOfType("welcome");
            before.add(chat.next().getString("text"));
            chat.message("Is my question still here after a restart?");
            List<JsonObject> frames = chat.until(f -> ChatClient.type(f, "message")
                    && f.getJsonObject("author").getString("kind").equals("bot"));
            frames.stream().filter(f -> ChatClient.type(f, "message")).forEach(f -> before.add(f.getString("text")));
            lastSeq = frames.get(frames.size() - 1).getInt("seq");
        }
        assertThat(before).hasSize(3);

        // A routed session, accepted and answered by the demo operator, first in an empty queue.
        HubDatabaseQueries.closeOpenSessions();
        SupportFixtures.englishChannel(hub, "STRICT", 60, 3, "operator", "operator2");
        routedAdmin = SupportFixtures.connectedAdministrator(hub, root, routed);
        try (ChatClient olga = SupportFixtures.console(hub, "operator", "ONLINE")) {
            routedAdmin.message("Will my support session survive a restart?");
            routedSession = SupportFixtures.nextOffer(olga).getString("sessionId");
            olga.frame("accept", "sessionId", routedSession);
            olga.frame("message", "sessionId", routedSession, "clientMsgId", java.util.UUID.randomUUID().toString(),
                    "text", "Yes, it will.");
            olga.nextOfType("ack");
            JsonObject reply = routedAdmin.until(f -> ChatClient.type(f, "message")
                    && "staff".equals(f.getJsonObject("author").getString("kind"))).stream()
                    .reduce((x, y) -> y).orElseThrow();
            routedLastSeq = reply.getJsonNumber("seq").longValue();
        }
        lingering = ChatClient.connect(hub, portal.origin());
        lingering.hello(HubClient.adminToken(portal, "restart"), null);
        lingering.nextOfType("welcome");
    }

    @Test
    @Order(3)
    void restart() {
        deployer.undeploy(HUB);
        // Closed or cut off, either way: the old server is gone.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(lingering.closeCode::isDone);
        deployer.deploy(HUB);
    }

    @Test
    @Order(4)
    void historyAndNumberingSurvive(@ArquillianResource @OperateOnDeployment(HUB) URL base) throws Exception {
        HubClient hub = new HubClient(base);
        try (ChatClient chat = ChatClient.connect(hub, portal.origin())) {
            chat.hello(HubClient.adminToken(portal, "restart"), null);
            assertThat(chat.nextOfType("welcome").getJsonNumber("lastSeq").longValue()).isEqualTo(lastSeq);
            List<String> after = new ArrayList<>();
            for (int i = 0; i < lastSeq; i++) {
                JsonObject m = chat.next();
                assertThat(m.getInt("seq")).isEqualTo(i + 1);
                after.add(m.getString("text"));
            }
            assertThat(after).isEqualTo(before);
            chat.message("And the numbering goes on");
            assertThat(chat.nextOfType("ack").getJsonNumber("seq").longValue()).isEqualTo(lastSeq + 1);
        }
    }

    @Test
    @Order(5)
    void theSupportSessionSurvivesAndGoesOn(@ArquillianResource @OperateOnDeployment(HUB) URL base) throws Exception {
        HubClient hub = new HubClient(base);
        String conversation = routedAdmin.conversationId();
        routedAdmin.close();
        assertThat(HubDatabase.count("select count(*) from support_session where id = ? and open_key is not null",
                routedSession)).as("the session is still open").isEqualTo(1);
        assertThat(HubDatabase.count("select count(*) from chat_message where conversation_id = ? "
                + "and author_kind = 'STAFF' and body = 'Yes, it will.'", conversation)).isEqualTo(1);
        try (ChatClient olga = SupportFixtures.console(hub, "operator", "ONLINE")) {
            // Olga is back: the session is still hers, or (her grace period passed while the hub was down)
            // offered again from the queue; either way she goes on with it.
            JsonObject mine = null;
            while (mine == null) {
                for (JsonObject s : olga.nextOfType("sessions", 25).getJsonArray("sessions").getValuesAs(JsonObject.class)) {
                    if (s.getString("sessionId").equals(routedSession)
                            && ("operator".equals(s.getString("operator", null)) || s.getBoolean("offeredToMe"))) {
                        mine = s;
                    }
                }
            }
            if (mine.getBoolean("offeredToMe")) {
                olga.frame("accept", "sessionId", routedSession);
            }
            String id = java.util.UUID.randomUUID().toString();
            boolean acked = false;
            for (int attempt = 0; attempt < 20 && !acked; attempt++) {
                olga.frame("message", "sessionId", routedSession, "clientMsgId", id, "text", "Still here after the restart.");
                JsonObject answer = olga.until(f -> ChatClient.type(f, "ack") || ChatClient.type(f, "error"))
                        .stream().reduce((x, y) -> y).orElseThrow();
                acked = ChatClient.type(answer, "ack");
                if (!acked) {
                    Thread.sleep(250); // the acceptance is still on its way
                }
            }
            assertThat(acked).isTrue();
            // Leave nothing open for the test classes that share this database.
            olga.frame("close", "sessionId", routedSession);
            olga.until(f -> ChatClient.type(f, "sessions") && f.getJsonArray("sessions").getValuesAs(JsonObject.class)
                    .stream().noneMatch(s -> s.getString("sessionId").equals(routedSession)));
        }
        // Nothing lost: every number from 1 on, the operator's reply before the restart and the one after.
        assertThat(HubDatabase.count("select count(*) from chat_message where conversation_id = ?", conversation))
                .isEqualTo(HubDatabase.count("select max(seq) from chat_message where conversation_id = ?", conversation));
        assertThat(HubDatabase.count("select count(*) from chat_message where conversation_id = ? and seq > ? "
                + "and body = 'Still here after the restart.'", conversation, routedLastSeq)).isEqualTo(1);
        for (AutoCloseable c : routed) {
            c.close();
        }
    }

    @Test
    @Order(6)
    void stop() {
        deployer.undeploy(HUB);
    }
}
