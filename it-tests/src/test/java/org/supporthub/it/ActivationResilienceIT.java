package org.supporthub.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.supporthub.it.TlsFixtures.Authority;
import org.supporthub.it.TlsFixtures.ChallengeSite;
import org.supporthub.it.TlsFixtures.Site;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Activation cannot be starved or stuck (issue 9, section 2), against the built WAR:
 * <ul>
 *   <li>hundreds of portals at hanging addresses activating at once delay neither a healthy portal's
 *       activation past its deadline nor another user's chat;</li>
 *   <li>a hub instance killed ({@code kill -9}) during an activation does not leave the portal ACTIVATING:
 *       the run is ended as {@code ACTIVATION_INTERRUPTED} and the administrator can activate again;</li>
 *   <li>a non-administrator's "activate" is answered, but is not the portal's latest report.</li>
 * </ul>
 * Loopback only; the hub's settings are the IT environment's (probe deadline 3 s, activation deadline 20 s).
 */
@ExtendWith(ArquillianExtension.class)
class ActivationResilienceIT {

    /** The activation deadline of the hub under test (the default; the it-tests pom does not change it). */
    private static final Duration ACTIVATION_DEADLINE = Duration.ofSeconds(20);
    private static final int STORM = 200;

    private static Authority root;

    @Deployment(testable = false)
    static WebArchive hub() {
        // The hub reads its extra trusted roots when it starts, and it starts when Arquillian deploys this.
        root = Authority.create("Support Hub Activation Resilience IT Root");
        try {
            root.writePem(Path.of(System.getProperty("hub.it.trusted-roots")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HubDeployment.war();
    }

    @ArquillianResource
    URL base;

    private HubClient hub;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void client() {
        hub = new HubClient(base);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            try {
                open.get(i).close();
            } catch (Exception ignored) {
                // tearing down
            }
        }
        open.clear();
    }

    private <T extends AutoCloseable> T keep(T closeable) {
        open.add(closeable);
        return closeable;
    }

    // ---- a non-administrator's "activate" -----------------------------------------------------------

    @Test
    void aNonAdministratorsActivateIsAnsweredButDoesNotReplaceTheLatestReport() throws Exception {
        SupportFixtures.Administrator admin = SupportFixtures.connectedPortal(hub, root, open);
        HubClient.Portal p = admin.portal();
        JsonObject before = latest(hub, p);
        assertThat(before.getString("outcome")).isEqualTo("CONNECTED");
        long reports = reportsOf(p);

        ChatClient piotr = keep(ChatClient.connect(hub, p.origin()));
        piotr.hello(HubClient.token(p, "piotr-" + p.id(), "Piotr Kowalski", false, "en",
                Instant.now().plusSeconds(300)), null);
        piotr.nextOfType("welcome");
        piotr.send("{\"type\":\"command\",\"name\":\"activate\"}");
        piotr.until(f -> isBotMessage(f) && f.getString("text").startsWith("Only portal administrators can activate"));

        JsonObject after = latest(hub, p);
        assertThat(after).as("the portal's latest report").isEqualTo(before);
        assertThat(reportsOf(p)).isEqualTo(reports);
        assertThat(after.getString("state")).isEqualTo("CONNECTED");
    }

    // ---- hundreds of hanging activations --------------------------------------------------------------

    @Test
    void hundredsOfHangingActivationsDelayNeitherAHealthyActivationNorAnotherUsersChat() throws Exception {
        HangingSite silent = keep(HangingSite.silent());
        HangingSite stalling = keep(HangingSite.stallingHandshake());
        String storm = "Storm " + UUID.randomUUID();
        ExecutorService setup = Executors.newFixedThreadPool(8);
        List<HubClient.Portal> hanging;
        List<ChatClient> chats;
        try {
            List<Future<HubClient.Portal>> registering = new ArrayList<>();
            for (int i = 0; i < STORM; i++) {
                Site site = i % 2 == 0 ? silent : stalling;
                registering.add(setup.submit(() -> hub.enable(register(storm, site))));
            }
            hanging = new ArrayList<>();
            for (Future<HubClient.Portal> f : registering) {
                hanging.add(f.get(60, TimeUnit.SECONDS));
            }
            List<Future<ChatClient>> connecting = hanging.stream().map(p -> setup.submit(() -> {
                // Setting the storm up (200 first visits, each creating a conversation) is not what is
                // measured: it gets time, and a socket the busy hub closed before its hello was read (the
                // suite's hello deadline is 3 s) reconnects, as the widget does. The deadlines asserted below
                // are the point of the test.
                for (int attempt = 1; ; attempt++) {
                    ChatClient chat = ChatClient.connect(hub, p.origin());
                    chat.hello(HubClient.adminToken(p, "admin-" + p.id()), null);
                    JsonObject first = chat.poll(30_000);
                    while (first != null && !ChatClient.type(first, "welcome")) {
                        first = chat.poll(30_000);
                    }
                    if (first != null) {
                        return chat;
                    }
                    chat.close();
                    if (attempt == 3 || !chat.closeCode.isDone()) {
                        throw new AssertionError("no welcome after " + attempt + " attempts; closed: "
                                + chat.closeCode.isDone());
                    }
                }
            })).toList();
            chats = new ArrayList<>();
            for (Future<ChatClient> f : connecting) {
                chats.add(keep(f.get(60, TimeUnit.SECONDS)));
            }
        } finally {
            setup.shutdownNow();
        }

        // The healthy portal: a right site, a licence, a heartbeat; and someone else chatting with the hub.
        ChallengeSite healthySite = keep(new ChallengeSite(TlsFixtures.validLeaf(root), true));
        String licence = hub.issueLicense(TlsFixtures.LOOPBACK, "commercial", LocalDate.now().plusYears(1).toString());
        HubClient.Portal healthy = hub.enable(hub.registerPortal("en", healthySite.origin(), healthySite.origin() + "/",
                licence));
        healthySite.secret.set(healthy.secret());
        assertThat(hub.heartbeat(healthy).statusCode()).isEqualTo(200);
        ChatClient healthyAdmin = keep(ChatClient.connect(hub, healthy.origin()));
        healthyAdmin.hello(HubClient.adminToken(healthy, "admin-" + healthy.id()), null);
        healthyAdmin.nextOfType("welcome");
        HubClient.Portal elsewhere = hub.registerEnabledPortal("en");
        ChatClient someoneElse = keep(ChatClient.connect(hub, elsewhere.origin()));
        someoneElse.hello(HubClient.adminToken(elsewhere, "admin-" + elsewhere.id()), null);
        someoneElse.nextOfType("welcome");

        // Every hanging portal's administrator clicks "Activate" at once.
        for (ChatClient chat : chats) {
            chat.send("{\"type\":\"command\",\"name\":\"activate\"}");
        }
        // They really run at the same time (one per socket thread would show a handful at a time).
        long mostAtOnce = awaitMost("select count(*) from portal where name = ? and bot_state = 'ACTIVATING'",
                storm, STORM / 2, Duration.ofSeconds(10));
        assertThat(mostAtOnce).as("hanging activations running at once").isGreaterThanOrEqualTo(STORM / 2);

        // Meanwhile the healthy portal activates, within its deadline, and another user's message is acknowledged.
        long clicked = System.nanoTime();
        healthyAdmin.send("{\"type\":\"command\",\"name\":\"activate\"}");
        String id = someoneElse.message("Hello, is anyone there?");
        JsonObject ack = within(someoneElse, Duration.ofSeconds(5), f -> ChatClient.type(f, "ack"));
        assertThat(ack.getString("clientMsgId")).isEqualTo(id);
        within(healthyAdmin, ACTIVATION_DEADLINE, f -> isBotMessage(f)
                && f.getString("text").startsWith("Activation succeeded"));
        assertThat(Duration.ofNanos(System.nanoTime() - clicked)).isLessThan(ACTIVATION_DEADLINE);
        assertThat(latest(hub, healthy).getString("state")).isEqualTo("CONNECTED");

        // None of the hanging ones is left running: each ends, by its deadline, with its failure explained.
        for (ChatClient chat : chats) {
            // The last explanation of the failure offers another try (the greeting, which also does, says hello).
            within(chat, ACTIVATION_DEADLINE, f -> isBotMessage(f) && offersActivate(f)
                    && !f.getString("text").startsWith("Hello"));
        }
        assertThat(HubDatabase.count("select count(*) from portal where name = ? and bot_state = 'INSTALLED'", storm))
                .isEqualTo(STORM);
        for (HubClient.Portal p : List.of(hanging.get(0), hanging.get(1))) {
            assertThat(errors(latest(hub, p))).contains(tuple("NETWORK_ERROR", "TIMEOUT"));
        }
    }

    // ---- a hub killed during an activation ---------------------------------------------------------

    @Test
    void aHubKilledDuringAnActivationLeavesNoPortalActivating() throws Exception {
        HangingSite stalling = keep(HangingSite.stallingHandshake());
        HubClient.Portal p = hub.enable(register("Killed hub portal", stalling));
        assertThat(hub.heartbeat(p).statusCode()).isEqualTo(200);
        // The second instance's runs end after 6 s at the latest: its run rows say so, and the survivor
        // (this test's Arquillian hub) ends an abandoned run once that deadline and a margin have passed.
        SecondHub second = keep(SecondHub.start(Map.of("SUPPORT_HUB_ACTIVATION_DEADLINE_SECONDS", "6")));
        HubClient hubB = new HubClient(second.base);

        ChatClient chat = keep(ChatClient.connect(hubB, p.origin()));
        chat.hello(HubClient.adminToken(p, "admin-" + p.id()), null);
        chat.nextOfType("welcome");
        chat.send("{\"type\":\"command\",\"name\":\"activate\"}");
        chat.until(f -> isBotMessage(f) && f.getString("text").startsWith("Activation starts"));
        assertThat(awaitMost("select count(*) from activation_run where portal_id = ?", p.id(), 1,
                Duration.ofSeconds(3))).as("the run row of the second instance").isEqualTo(1);
        assertThat(botState(p)).isEqualTo("ACTIVATING");

        second.kill();
        long killed = System.nanoTime();
        // Its run is not ended while it might still be going...
        assertThat(botState(p)).isEqualTo("ACTIVATING");
        // ...and is ended once it cannot be (deadline 6 s + margin 10 s, checked every 5 s).
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(500))
                .until(() -> "INSTALLED".equals(botState(p)));
        assertThat(Duration.ofNanos(System.nanoTime() - killed)).isGreaterThan(Duration.ofSeconds(5));
        JsonObject latest = latest(hub, p);
        assertThat(latest.getString("state")).isEqualTo("INSTALLED");
        assertThat(latest.getString("outcome")).isEqualTo("FAILED");
        assertThat(errors(latest)).containsExactly(tuple("ACTIVATION_INTERRUPTED", "HUB_STOPPED"));
        assertThat(latest.getString("requestedBy")).isEqualTo("Ada Admin");
        assertThat(HubDatabase.count("select count(*) from activation_run where portal_id = ?", p.id())).isZero();

        // The administrator fixes the address and activates again, on the surviving instance: it connects.
        ChallengeSite fixed = keep(new ChallengeSite(TlsFixtures.validLeaf(root), true));
        fixed.secret.set(p.secret());
        String licence = hub.issueLicense(TlsFixtures.LOOPBACK, "commercial", LocalDate.now().plusYears(1).toString());
        HttpResponse<String> moved = hub.put("api/v1/portal/" + p.id() + "/settings",
                jakarta.json.Json.createObjectBuilder().add("publicAddress", fixed.origin() + "/")
                        .add("licenseKey", licence).add("productVersion", "24.100.0").build().toString(),
                p.id(), p.secret());
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        ChatClient again = keep(ChatClient.connect(hub, fixed.origin()));
        again.hello(HubClient.adminToken(p, "admin-" + p.id()), null);
        assertThat(again.nextOfType("welcome").getString("botState")).isEqualTo("INSTALLED");
        again.send("{\"type\":\"command\",\"name\":\"activate\"}");
        again.until(f -> isBotMessage(f) && f.getString("text").startsWith("Activation succeeded"));
        assertThat(latest(hub, p).getString("state")).isEqualTo("CONNECTED");
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /** A portal at the site's address, with a name the test can count by, and a licence for loopback. */
    private HubClient.Portal register(String name, Site site) throws Exception {
        HttpResponse<String> r = hub.post("api/v1/portal/register", jakarta.json.Json.createObjectBuilder()
                .add("name", name).add("publicAddress", site.origin() + "/").add("licenseKey", "KEY-1")
                .add("productVersion", "24.100.0").add("locale", "en").build().toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonObject body = Json.parse(r.body());
        return new HubClient.Portal(body.getString("portalId"), body.getString("portalSecret"), site.origin());
    }

    private static String botState(HubClient.Portal p) throws Exception {
        return HubDatabase.botState(p.id());
    }

    private static long reportsOf(HubClient.Portal p) throws Exception {
        return HubDatabase.count("select count(*) from activation_report where portal_id = ?", p.id());
    }

    /** Polls a count until it reaches {@code enough} or time is up; returns the most it saw. */
    private static long awaitMost(String sql, String arg, long enough, Duration atMost) throws Exception {
        long end = System.nanoTime() + atMost.toNanos();
        long most = 0;
        while (System.nanoTime() < end && most < enough) {
            most = Math.max(most, HubDatabase.count(sql, arg));
            Thread.sleep(50);
        }
        return most;
    }

    /** The first frame that matches, arriving within {@code limit} from now; fails otherwise. */
    private static JsonObject within(ChatClient chat, Duration limit, Predicate<JsonObject> match)
            throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        List<JsonObject> seen = new ArrayList<>();
        while (true) {
            long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
            JsonObject f = left > 0 ? chat.poll(left) : null;
            if (f == null) {
                throw new AssertionError("No matching frame within " + limit + "; frames: " + seen);
            }
            if (match.test(f)) {
                return f;
            }
            seen.add(f);
        }
    }

    private static JsonObject latest(HubClient hub, HubClient.Portal p) throws Exception {
        HttpResponse<String> r = hub.getAs("api/v1/portal/" + p.id() + "/activation/latest", p.id(), p.secret());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.parse(r.body());
    }

    private static List<org.assertj.core.groups.Tuple> errors(JsonObject latest) {
        return latest.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> tuple(e.getString("code"), e.getString("detail", null))).toList();
    }

    private static boolean isBotMessage(JsonObject f) {
        return ChatClient.type(f, "message") && "bot".equals(f.getJsonObject("author").getString("kind"));
    }

    private static boolean offersActivate(JsonObject f) {
        return f.containsKey("actions") && f.getJsonArray("actions").getValuesAs(JsonObject.class).stream()
                .anyMatch(a -> "activate".equals(a.getString("name")));
    }

    /**
     * A portal's address that hangs: it accepts every connection and then either says nothing at all, or
     * starts a TLS record that it never finishes, one byte every half second, so that no read ever times
     * out and only the hub's deadline ends the handshake.
     */
    static final class HangingSite implements Site {

        private final ServerSocket server;
        private final List<Socket> held = new CopyOnWriteArrayList<>();
        private final ScheduledExecutorService dribble;

        private HangingSite(boolean stalling) {
            try {
                server = new ServerSocket(0, 1024, InetAddress.getByName(TlsFixtures.LOOPBACK));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread acceptor = new Thread(() -> accept(stalling), "hanging-site-" + server.getLocalPort());
            acceptor.setDaemon(true);
            acceptor.start();
            dribble = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "hanging-site-dribble");
                t.setDaemon(true);
                return t;
            });
            if (stalling) {
                dribble.scheduleAtFixedRate(this::oneMoreByte, 500, 500, TimeUnit.MILLISECONDS);
            }
        }

        static HangingSite silent() {
            return new HangingSite(false);
        }

        static HangingSite stallingHandshake() {
            return new HangingSite(true);
        }

        private void accept(boolean stalling) {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    if (stalling) {
                        // The header of a handshake record of 16 KiB, whose body never comes.
                        OutputStream out = s.getOutputStream();
                        out.write(new byte[] {0x16, 0x03, 0x03, 0x40, 0x00});
                        out.flush();
                    }
                    held.add(s);
                } catch (IOException closed) {
                    if (server.isClosed()) {
                        return;
                    }
                }
            }
        }

        private void oneMoreByte() {
            for (Socket s : held) {
                try {
                    drain(s.getInputStream());
                    s.getOutputStream().write(0);
                    s.getOutputStream().flush();
                } catch (IOException gone) {
                    held.remove(s);
                    closeQuietly(s);
                }
            }
        }

        /** Reads what the hub sent (its ClientHello), so that its writes never block. */
        private static void drain(InputStream in) throws IOException {
            int available = in.available();
            if (available > 0) {
                in.readNBytes(available);
            }
        }

        @Override
        public int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() {
            dribble.shutdownNow();
            closeQuietly(server);
            held.forEach(HangingSite::closeQuietly);
        }

        private static void closeQuietly(AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // already gone
            }
        }
    }
}
