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

    @Test
    @Order(1)
    void start() {
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
    void stop() {
        deployer.undeploy(HUB);
    }
}
