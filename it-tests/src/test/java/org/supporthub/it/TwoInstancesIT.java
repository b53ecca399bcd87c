package org.supporthub.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.supporthub.it.TlsFixtures.Authority;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two hub instances on one database, as behind a load balancer: an administrator and one operator on
 * instance A, another operator on instance B. Routing decisions hold across them (a session offered to
 * both and accepted by both at once is assigned exactly once), and what one instance stores or decides
 * reaches the sockets of the other within a second.
 */
@ExtendWith(ArquillianExtension.class)
class TwoInstancesIT {

    private static Authority root;

    @Deployment(testable = false)
    static WebArchive a() {
        root = Authority.create("Support Hub Two Instances IT Root");
        try {
            root.writePem(Path.of(System.getProperty("hub.it.trusted-roots")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HubDeployment.war();
    }

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        // Sockets first, the second hub last.
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private ChatClient console(HubClient hub, String username) throws Exception {
        ChatClient console = SupportFixtures.console(hub, username, "ONLINE");
        open.add(console);
        return console;
    }

    @Test
    void routingHoldsAcrossInstancesAndEachSeesWhatTheOtherDid(@ArquillianResource URL a) throws Exception {
        SecondHub second = SecondHub.start();
        open.add(second);
        URL b = second.base;
        HubDatabaseQueries.closeOpenSessions();
        HubClient hubA = new HubClient(a);
        HubClient hubB = new HubClient(b);
        assertThat(a.getPort()).isNotEqualTo(b.getPort());
        SupportFixtures.englishChannel(hubA, "ALL", 60, 10, "operator", "operator2");

        ChatClient olga = console(hubA, "operator");
        ChatClient piotr = console(hubB, "operator2");
        SupportFixtures.Administrator admin = SupportFixtures.connectedPortal(hubA, root, open);
        // The same administrator in a second tab, served by instance B.
        ChatClient adminOnB = ChatClient.connect(hubB, admin.portal().origin());
        open.add(adminOnB);
        adminOnB.hello(admin.token(), null);
        adminOnB.nextOfType("welcome");

        for (int round = 0; round < 3; round++) {
            String question = "Question " + round + " across instances";
            admin.chat().message(question);
            // Offered on A, seen on B too: B's consoles learn it from the database.
            String id = SupportFixtures.nextOffer(olga).getString("sessionId");
            assertThat(SupportFixtures.nextOffer(piotr).getString("sessionId")).isEqualTo(id);
            // The question stored by A reaches the administrator's tab on B.
            adminOnB.until(f -> ChatClient.type(f, "message") && question.equals(f.getString("text", "")));

            String accept = "{\"type\":\"accept\",\"sessionId\":\"" + id + "\"}";
            CompletableFuture.allOf(CompletableFuture.runAsync(() -> olga.send(accept)),
                    CompletableFuture.runAsync(() -> piotr.send(accept))).join();
            String winner = HubDatabaseQueries.awaitOperator(id);
            ChatClient winning = winner.equals("operator") ? olga : piotr;
            ChatClient losing = winner.equals("operator") ? piotr : olga;
            assertThat(losing.nextOfType("error").getString("code")).isEqualTo("SESSION_TAKEN");
            assertThat(HubDatabase.count("select count(*) from support_session where id = ? and operator = ? "
                    + "and state = 'ASSIGNED'", id, winner)).isEqualTo(1);

            // Piotr (on B) replies or reads; either way both tabs of the administrator get the reply, in order.
            winning.frame("open", "sessionId", id);
            String reply = "Answer " + round + " from " + winner;
            winning.frame("message", "sessionId", id, "clientMsgId", UUID.randomUUID().toString(), "text", reply);
            winning.nextOfType("ack");
            long seqOnA = seqOf(admin.chat(), reply);
            long seqOnB = seqOf(adminOnB, reply);
            assertThat(seqOnB).isEqualTo(seqOnA);

            // The administrator writes on A; Piotr, on B, sees it in the conversation he opened.
            piotr.frame("open", "sessionId", id);
            String back = "Thanks, round " + round;
            admin.chat().message(back);
            piotr.until(f -> ChatClient.type(f, "message") && back.equals(f.getString("text", "")));

            winning.frame("close", "sessionId", id);
            admin.chat().until(f -> ChatClient.type(f, "session") && "CLOSED".equals(f.getString("state")));
            adminOnB.until(f -> ChatClient.type(f, "session") && "CLOSED".equals(f.getString("state")));
        }
    }

    private static long seqOf(ChatClient widget, String text) throws InterruptedException {
        JsonObject m = widget.until(f -> ChatClient.type(f, "message") && text.equals(f.getString("text", "")))
                .stream().reduce((x, y) -> y).orElseThrow();
        return m.getJsonNumber("seq").longValue();
    }

}
