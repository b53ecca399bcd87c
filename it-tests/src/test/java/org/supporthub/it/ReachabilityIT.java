package org.supporthub.it;

import jakarta.json.JsonObject;
import org.assertj.core.groups.Tuple;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.supporthub.it.TlsFixtures.Authority;
import org.supporthub.it.TlsFixtures.ChallengeSite;
import org.supporthub.it.TlsFixtures.ClosedPort;
import org.supporthub.it.TlsFixtures.SilentSite;
import org.supporthub.it.TlsFixtures.Site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * "The vendor reaches the portal" end to end: the hub under test fetches the portal's challenge over strict
 * HTTPS from sites on 127.0.0.1 (loopback is allowed in development mode), and the activation in the chat
 * and its stored report say precisely what was wrong with the site, or that it was right.
 */
@ExtendWith(ArquillianExtension.class)
class ReachabilityIT {

    private static final String HUB_REACHES_PORTAL = "The vendor reaches the portal (HTTPS, valid certificate)";

    /** The test root CA: the hub trusts it (development mode), and it signs the sites' certificates. */
    private static Authority root;

    @Deployment(testable = false)
    static WebArchive hub() {
        // The hub reads its extra trusted roots when it starts, and it starts when Arquillian deploys this.
        root = Authority.create("Support Hub IT Root");
        try {
            root.writePem(trustedRootsFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HubDeployment.war();
    }

    private static Path trustedRootsFile() {
        String file = System.getProperty("hub.it.trusted-roots");
        if (file == null || file.isBlank()) {
            throw new IllegalStateException("System property hub.it.trusted-roots is not set: the it-tests pom "
                    + "passes it, with the same file as SUPPORT_HUB_ACTIVATION_TRUSTED_ROOTS_FILE for the hub");
        }
        return Path.of(file);
    }

    @ArquillianResource
    URL base;

    HubClient hub;

    private final List<Site> sites = new ArrayList<>();

    @BeforeEach
    void client() {
        hub = new HubClient(base);
    }

    @AfterEach
    void stopSites() {
        sites.forEach(Site::close);
        sites.clear();
    }

    private <S extends Site> S open(S site) {
        sites.add(site);
        return site;
    }

    // ---- a site as it should be ---------------------------------------------------------------------

    @Test
    void validCertificateAndTheRightAnswerConnectTheBot() throws Exception {
        ChallengeSite site = open(new ChallengeSite(TlsFixtures.validLeaf(root), true));
        HubClient.Portal p = registerAt(site);
        try (ChatClient chat = openChat(p)) {
            List<String> said = activate(chat);
            assertThat(said).contains("\u2714 " + HUB_REACHES_PORTAL);
            assertThat(said.get(said.size() - 1)).startsWith("Activation succeeded");
            assertThat(site.nonces).as("challenges the hub sent").isNotEmpty()
                    .allSatisfy(n -> assertThat(n).matches("[A-Za-z0-9_-]{43}"));
            assertThat(site.refused).as("malformed nonces").isEmpty();

            JsonObject latest = latest(p);
            assertThat(latest.getString("state")).isEqualTo("CONNECTED");
            assertThat(latest.getString("outcome")).isEqualTo("CONNECTED");
            assertThat(latest.getJsonArray("errors")).isEmpty();
            assertThat(check(latest).getBoolean("passed")).isTrue();

            // Connected, questions go to support staff: the bot only confirms that the question is queued
            // for them, and no longer offers "activate".
            String id = chat.message("Our portal shows error 500 after the update");
            assertThat(chat.nextOfType("ack").getString("clientMsgId")).isEqualTo(id);
            // Waits for the bot's answer rather than a fixed time: the first question of a hub also builds
            // the triage index, which takes longer than a short window on a busy machine.
            List<JsonObject> after = new ArrayList<>(chat.until(f -> isBotMessage(f)
                    && f.getString("text").startsWith("Your question was received")));
            after.addAll(drain(chat, 500));
            assertThat(after).filteredOn(ReachabilityIT::isBotMessage).extracting(f -> f.getString("text"))
                    // With no operator online the bot also offers to leave the question for later (issue 13).
                    .allMatch(t -> t.startsWith("Your question was received") || t.startsWith("Welcome")
                            || t.startsWith("No support agent can take your question right now"))
                    .anyMatch(t -> t.startsWith("Your question was received"));
            assertThat(after).noneMatch(ReachabilityIT::offersActivate);
            chat.send("{\"type\":\"command\",\"name\":\"status\"}");
            assertThat(chat.nextOfType("message").getString("text")).contains("is connected");
        }
    }

    // ---- each way a site can be wrong ---------------------------------------------------------------

    /** One fault of the portal's site each, and the detail code the hub must name it by. */
    enum Fault {
        SELF_SIGNED("TLS_SELF_SIGNED", root -> new ChallengeSite(TlsFixtures.selfSignedLeaf(), true)),
        EXPIRED("TLS_EXPIRED", root -> new ChallengeSite(TlsFixtures.expiredLeaf(root), true)),
        WRONG_HOST("TLS_HOSTNAME_MISMATCH", root -> new ChallengeSite(TlsFixtures.wrongHostLeaf(root), true)),
        UNKNOWN_ISSUER("TLS_UNTRUSTED_ISSUER", root -> new ChallengeSite(TlsFixtures.unknownIssuerLeaf(), true)),
        WRONG_ANSWER("CHALLENGE_MISMATCH", root -> new ChallengeSite(TlsFixtures.validLeaf(root), false)),
        SILENT("TIMEOUT", root -> new SilentSite()),
        CLOSED_PORT("CONNECT_REFUSED", root -> new ClosedPort());

        final String detail;
        final Function<Authority, Site> site;

        Fault(String detail, Function<Authority, Site> site) {
            this.detail = detail;
            this.site = site;
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Fault.class)
    void eachFaultOfTheSiteFailsActivationWithItsOwnDetail(Fault fault) throws Exception {
        Site site = open(fault.site.apply(root));
        HubClient.Portal p = registerAt(site);
        try (ChatClient chat = openChat(p)) {
            List<String> said = activate(chat);
            assertThat(said).contains("\u2718 " + HUB_REACHES_PORTAL + ": NETWORK_ERROR")
                    .noneMatch(t -> t.startsWith("Activation succeeded"));
        }
        JsonObject latest = latest(p);
        assertThat(latest.getString("state")).isEqualTo("INSTALLED");
        assertThat(latest.getString("outcome")).isEqualTo("FAILED");
        // Only this check fails: everything else about the portal is in order.
        assertThat(errors(latest)).containsExactly(tuple("NETWORK_ERROR", fault.detail));
        JsonObject check = check(latest);
        assertThat(check.getBoolean("passed")).isFalse();
        assertThat(check.getString("code", null)).isEqualTo("NETWORK_ERROR");
        assertThat(check.getString("detail", null)).isEqualTo(fault.detail);
    }

    // ---- fixing the cause ---------------------------------------------------------------------------

    @Test
    void fixingTheCauseAndActivatingAgainConnects() throws Exception {
        ChallengeSite site = open(new ChallengeSite(TlsFixtures.validLeaf(root), false));
        HubClient.Portal p = registerAt(site);
        try (ChatClient chat = openChat(p)) {
            activate(chat);
            JsonObject failed = latest(p);
            assertThat(failed.getString("state")).isEqualTo("INSTALLED");
            assertThat(errors(failed)).containsExactly(tuple("NETWORK_ERROR", "CHALLENGE_MISMATCH"));

            // The administrator fixes the portal's module; the same chat offers the next try.
            site.answerRightly();
            List<String> said = activate(chat);
            assertThat(said).contains("\u2714 " + HUB_REACHES_PORTAL);
            assertThat(said.get(said.size() - 1)).startsWith("Activation succeeded");
        }
        JsonObject latest = latest(p);
        assertThat(latest.getString("state")).isEqualTo("CONNECTED");
        assertThat(latest.getString("outcome")).isEqualTo("CONNECTED");
        assertThat(latest.getJsonArray("errors")).isEmpty();
        assertThat(site.nonces).as("a fresh nonce each time").hasSizeGreaterThanOrEqualTo(2).doesNotHaveDuplicates();
        assertThat(HubDatabase.count("select count(*) from activation_report where portal_id = ?", p.id())).isEqualTo(2);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /**
     * A portal whose public address is the site, licensed for 127.0.0.1, support channel on and a fresh
     * heartbeat: every other check of the activation passes, so only the site decides the outcome.
     */
    @Test
    void twoAdministratorsClickingActivateTogetherRunOneActivation() throws Exception {
        // A silent site holds the activation for the probe's deadline (3 s here), long enough for a second click.
        Site site = open(new SilentSite());
        HubClient.Portal p = registerAt(site);
        long reportsBefore = HubDatabase.count("select count(*) from activation_report where portal_id = ?", p.id());
        try (ChatClient first = openChat(p);
             ChatClient second = ChatClient.connect(hub, p.origin())) {
            second.hello(HubClient.adminToken(p, "second-admin-" + p.id()), null);
            second.nextOfType("welcome");
            second.nextOfType("message");
            first.send("{\"type\":\"command\",\"name\":\"activate\"}");
            first.until(f -> isBotMessage(f) && f.getString("text").startsWith("Activation starts"));
            second.send("{\"type\":\"command\",\"name\":\"activate\"}");
            // Both hear the outcome of the one run: the site timed out.
            for (ChatClient chat : List.of(first, second)) {
                chat.until(f -> isBotMessage(f) && f.getString("text").contains("timed out"));
            }
        }
        assertThat(HubDatabase.count("select count(*) from activation_report where portal_id = ?", p.id()) - reportsBefore)
                .as("activation reports stored").isEqualTo(1);
        assertThat(latest(p).getString("state")).isEqualTo("INSTALLED");
    }

    private HttpResponse<String> changeLicence(HubClient.Portal p, String publicAddress, String licenseKey) throws Exception {
        return hub.http.send(java.net.http.HttpRequest.newBuilder(hub.base.resolve("api/v1/portal/" + p.id() + "/settings"))
                .header("Content-Type", "application/json").header("Authorization", HubClient.basic(p.id(), p.secret()))
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(jakarta.json.Json.createObjectBuilder()
                        .add("publicAddress", publicAddress).add("licenseKey", licenseKey)
                        .add("productVersion", "24.100.0").build().toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aConnectedPortalWhoseLicenceExpiresIsToldOnceAndComesBackWhenItIsRenewed() throws Exception {
        ChallengeSite site = open(new ChallengeSite(TlsFixtures.validLeaf(root), true));
        HubClient.Portal p = registerAt(site);
        try (ChatClient chat = openChat(p)) {
            List<String> said = activate(chat);
            assertThat(said.get(said.size() - 1)).startsWith("Activation succeeded");
            // The portal's administrator enters an expired licence: the periodic re-check (every 2 s here)
            // disconnects the bot and says why, once.
            String expired = hub.issueLicense(TlsFixtures.LOOPBACK, "commercial", LocalDate.now().minusDays(3).toString());
            assertThat(changeLicence(p, site.origin() + "/", expired).statusCode()).isEqualTo(200);
            List<String> told = chat.until(f -> isBotMessage(f) && f.getString("text").contains("licence of this site has expired"))
                    .stream().filter(ReachabilityIT::isBotMessage).map(f -> f.getString("text")).toList();
            assertThat(told).anyMatch(t -> t.startsWith("Support is disconnected"));
            assertThat(latest(p).getString("state")).isEqualTo("INSTALLED");
            List<JsonObject> later = drain(chat, 5000);
            assertThat(later).as("told once, not on every run").noneMatch(f -> isBotMessage(f)
                    && f.getString("text").startsWith("Support is disconnected"));

            // Renewed: the next re-check reconnects the bot and says that support is back.
            String renewed = hub.issueLicense(TlsFixtures.LOOPBACK, "commercial", LocalDate.now().plusYears(1).toString());
            assertThat(changeLicence(p, site.origin() + "/", renewed).statusCode()).isEqualTo(200);
            chat.until(f -> isBotMessage(f) && f.getString("text").startsWith("Support is back"));
            assertThat(latest(p).getString("state")).isEqualTo("CONNECTED");
        }
        // Bad settings are refused field by field.
        HttpResponse<String> bad = changeLicence(p, "ftp://nowhere", "");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Json.parse(bad.body()).getJsonArray("errors").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("field")).contains("publicAddress", "licenseKey");
    }

    // ---- a connected portal that moves --------------------------------------------------------------

    @Test
    void aConnectedPortalThatMovesIsTrustedAtItsNewAddressOnlyOnceItProvesIt() throws Exception {
        ChallengeSite first = open(new ChallengeSite(TlsFixtures.validLeaf(root), true));
        HubClient.Portal p = registerAt(first);
        try (ChatClient chat = openChat(p)) {
            List<String> said = activate(chat);
            assertThat(said.get(said.size() - 1)).startsWith("Activation succeeded");
        }
        // The portal reports a new address, where something answers that cannot prove it is this portal yet.
        ChallengeSite moved = open(new ChallengeSite(TlsFixtures.validLeaf(root), false));
        moved.secret.set(p.secret());
        String license = hub.issueLicense(TlsFixtures.LOOPBACK, "commercial", LocalDate.now().plusYears(1).toString());
        HttpResponse<String> changed = changeLicence(p, moved.origin() + "/", license);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(Json.parse(changed.body()).getString("verifiedAddress")).isEqualTo(first.origin() + "/");

        // Not trusted there: the widget cannot open from the new origin.
        assertHandshakeRefused(moved.origin());
        // The hub tries to prove the new address at once; the proof fails, so the bot drops to INSTALLED.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> botState(p).equals("INSTALLED"));
        assertThat(moved.nonces).as("the hub challenged the new address").isNotEmpty();
        assertHandshakeRefused(moved.origin());
        try (ChatClient fromOld = ChatClient.connect(hub, first.origin())) {
            fromOld.hello(HubClient.adminToken(p, "admin-" + p.id()), null);
            assertThat(fromOld.nextOfType("welcome").getString("botState")).isEqualTo("INSTALLED");
        }

        // The portal's module is fixed: the periodic re-check proves the address, the bot reconnects, and
        // the widget follows to the new origin (and leaves the old one).
        moved.answerRightly();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> botState(p).equals("CONNECTED"));
        try (ChatClient fromNew = ChatClient.connect(hub, moved.origin())) {
            fromNew.hello(HubClient.adminToken(p, "admin-" + p.id()), null);
            assertThat(fromNew.nextOfType("welcome").getString("botState")).isEqualTo("CONNECTED");
        }
        assertHandshakeRefused(first.origin());
    }

    private void assertHandshakeRefused(String origin) {
        assertThatThrownBy(() -> ChatClient.connect(hub, origin)).as(origin)
                .isInstanceOf(java.util.concurrent.CompletionException.class)
                .hasCauseInstanceOf(java.net.http.WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((java.net.http.WebSocketHandshakeException) e.getCause()).getResponse()
                        .statusCode()).isEqualTo(403));
    }

    private static String botState(HubClient.Portal p) throws Exception {
        return HubDatabase.botState(p.id());
    }

    private HubClient.Portal registerAt(Site site) throws Exception {
        String license = hub.issueLicense(TlsFixtures.LOOPBACK, "commercial", LocalDate.now().plusYears(1).toString());
        HubClient.Portal p = hub.enable(hub.registerPortal("en", site.origin(), site.origin() + "/", license));
        if (site instanceof ChallengeSite challenge) {
            challenge.secret.set(p.secret());
        }
        HttpResponse<String> beat = hub.heartbeat(p);
        assertThat(beat.statusCode()).as(beat.body()).isEqualTo(200);
        return p;
    }

    /** The administrator's chat, past the welcome and the bot's greeting. */
    private ChatClient openChat(HubClient.Portal p) throws InterruptedException {
        ChatClient chat = ChatClient.connect(hub, p.origin());
        chat.hello(HubClient.adminToken(p, "admin-" + p.id()), null);
        assertThat(chat.nextOfType("welcome").getString("botState")).isEqualTo("INSTALLED");
        assertThat(offersActivate(chat.nextOfType("message"))).isTrue();
        return chat;
    }

    /**
     * Asks the bot to activate and returns what it said, up to its last word on it: "Activation succeeded",
     * or the last explanation of a failure, which offers another try.
     */
    private static List<String> activate(ChatClient chat) throws InterruptedException {
        chat.send("{\"type\":\"command\",\"name\":\"activate\"}");
        List<String> said = chat.until(f -> isBotMessage(f)
                        && (f.getString("text").startsWith("Activation succeeded") || offersActivate(f)))
                .stream().filter(ReachabilityIT::isBotMessage).map(f -> f.getString("text")).toList();
        assertThat(said.get(0)).startsWith("Activation starts");
        return said;
    }

    private JsonObject latest(HubClient.Portal p) throws Exception {
        HttpResponse<String> r = hub.getAs("api/v1/portal/" + p.id() + "/activation/latest", p.id(), p.secret());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.parse(r.body());
    }

    private static List<Tuple> errors(JsonObject latest) {
        return latest.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> tuple(e.getString("code"), e.getString("detail", null))).toList();
    }

    /** The stored record of the check under test. */
    private static JsonObject check(JsonObject latest) {
        List<JsonObject> matching = latest.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> "HUB_REACHES_PORTAL".equals(c.getString("check"))).toList();
        assertThat(matching).as("the HUB_REACHES_PORTAL check in " + latest).hasSize(1);
        return matching.get(0);
    }

    /** Every frame that arrives within the given time. */
    private static List<JsonObject> drain(ChatClient chat, long millis) throws InterruptedException {
        List<JsonObject> frames = new ArrayList<>();
        long end = System.nanoTime() + millis * 1_000_000;
        for (long left = millis; left > 0; left = (end - System.nanoTime()) / 1_000_000) {
            JsonObject f = chat.poll(left);
            if (f != null) {
                frames.add(f);
            }
        }
        return frames;
    }

    private static boolean isBotMessage(JsonObject f) {
        return ChatClient.type(f, "message") && "bot".equals(f.getJsonObject("author").getString("kind"));
    }

    private static boolean offersActivate(JsonObject f) {
        return f.containsKey("actions") && f.getJsonArray("actions").getValuesAs(JsonObject.class).stream()
                .anyMatch(a -> "activate".equals(a.getString("name")));
    }
}
