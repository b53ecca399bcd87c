package org.supporthub.it;

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

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, section 1: a widget token whose signature came from a portal's public challenge endpoint.
 *
 * <p>A JWS HS256 signature is {@code HMAC-SHA256(key, header.payload)}. When the portal secret was both the
 * token key and the challenge key, anyone could write an administrator's token for a portal, send its
 * {@code header.payload} to that portal's challenge endpoint as the "nonce", and get the signature back.
 * These tests perform that attack against the demo portal's real challenge endpoint and against a portal's
 * module that follows docs/protocol.md, and check that every signature the attacker can come by, including
 * the old scheme's, is refused with 1008, while a token signed with the derived token key connects.
 */
@ExtendWith(ArquillianExtension.class)
class TokenForgeryIT {

    /** The demo portal (development mode seeds it): its fixed id and the port of its HTTPS face. */
    private static final String DEMO_PORTAL_ID = "d3e0c0de-0000-4000-8000-000000000001";
    private static final int DEMO_PORTAL_PORT = 8181;
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    @Deployment(testable = false)
    static WebArchive hub() {
        return HubDeployment.war();
    }

    @ArquillianResource
    URL base;

    HubClient hub;
    private Authority root;
    private ChallengeSite site;

    @BeforeEach
    void client() {
        hub = new HubClient(base);
        // The attacker's own copy of a portal's module, on its own test root: the hub is not asked to trust it.
        root = Authority.create("Token forgery IT root");
        site = new ChallengeSite(TlsFixtures.validLeaf(root), true);
    }

    @AfterEach
    void stopSite() {
        site.close();
    }

    // ---- the attack, end to end ---------------------------------------------------------------------

    @Test
    void theDemoPortalsChallengeEndpointSignsNoTokenForTheAttacker() throws Exception {
        String signingInput = signingInput(DEMO_PORTAL_ID, "demo-admin", true);

        // The attacker asks the demo portal's public endpoint to "answer" header.payload of their own token.
        HttpResponse<String> answer = attackerGet(demoChallenge(signingInput), trustingAnything());
        try (ChatClient chat = ChatClient.connect(hub, hub.ownOrigin())) {
            chat.hello(signingInput + "." + answer.body().strip(), null);
            assertThat(closeCode(chat, "the token signed by the challenge endpoint")).isEqualTo(1008);
        }
        // The endpoint refuses such a nonce outright, as the protocol tells portals to.
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);

        // It still answers the hub's own form of nonce, and that answer is no signature either.
        String nonce = B64URL.encodeToString(random(32));
        HttpResponse<String> proper = attackerGet(demoChallenge(nonce), trustingAnything());
        assertThat(proper.statusCode()).isEqualTo(200);
        assertThat(proper.body().strip()).matches("[A-Za-z0-9_-]{43}");

        // And the demo portal's own server signs tokens the hub accepts: with its derived token key.
        String demoToken = Json.parse(hub.get("demo/api/token?user=admin&locale=en").body()).getString("token");
        try (ChatClient chat = ChatClient.connect(hub, hub.ownOrigin())) {
            chat.hello(demoToken, null);
            assertThat(chat.nextOfType("welcome").getJsonObject("user").getBoolean("admin")).isTrue();
        }
    }

    @Test
    void noSignatureTheAttackerCanComeByOpensTheChatAndTheTokenKeysDoes() throws Exception {
        HubClient.Portal p = hub.enable(hub.registerPortal("en", site.origin(), site.origin() + "/"));
        site.secret.set(p.secret());
        // The victim: the portal's administrator.
        String signingInput = signingInput(p.id(), "admin-" + p.id(), true);

        // 1. The portal's public challenge endpoint, asked to "answer" nonce = header.payload.
        HttpResponse<String> answer = attackerGet(URI.create(site.origin() + TlsFixtures.CHALLENGE_PATH + "?nonce="
                + URLEncoder.encode(signingInput, StandardCharsets.UTF_8)), trusting(root));
        assertRefused(p, signingInput + "." + answer.body().strip(), "the challenge endpoint's answer");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(site.refused).containsExactly(signingInput);

        // 2. What a challenge endpoint would answer for that nonce, had it skipped the nonce check; with and
        // without the purpose context; and what the old scheme's endpoint answered (the secret as the key).
        byte[] challengeKey = PortalProtocol.challengeKey(p.secret());
        Map<String, String> signatures = Map.of(
                "challenge key with context",
                PortalProtocol.hmacBase64Url(challengeKey, PortalProtocol.CHALLENGE_KEY_INFO + "\n" + signingInput),
                "challenge key without context", PortalProtocol.hmacBase64Url(challengeKey, signingInput),
                "old scheme: the secret itself",
                PortalProtocol.hmacBase64Url(p.secret().getBytes(StandardCharsets.UTF_8), signingInput));
        for (Map.Entry<String, String> s : signatures.entrySet()) {
            assertRefused(p, signingInput + "." + s.getValue(), s.getKey());
        }

        // 3. The same claims signed with the token key derived for that one purpose: the portal's own token.
        String genuine = signingInput + "." + PortalProtocol.hmacBase64Url(PortalProtocol.tokenKey(p.secret()), signingInput);
        try (ChatClient chat = ChatClient.connect(hub, p.origin())) {
            chat.hello(genuine, null);
            assertThat(chat.nextOfType("welcome").getJsonObject("user").getBoolean("admin")).isTrue();
        }
    }

    @Test
    void sealedSecretsAreBoundToTheirPortalAndLegacyOnesAreSealedAgainAtStartUp() throws Exception {
        HubClient.Portal a = hub.enable(hub.registerPortal("en"));
        HubClient.Portal b = hub.enable(hub.registerPortal("en"));
        HubClient.Portal old = hub.enable(hub.registerPortal("en"));
        assertThat(sealedSecret(a.id())).startsWith("v2:");
        // Someone with write access to the database copies A's credentials into B's row, to sign B's
        // administrator's tokens with A's secret.
        copyCredentials(a.id(), b.id());
        // A row as an older hub left it: the secret sealed without the portal's id as associated data.
        String legacy = legacySeal(old.secret());
        update("update portal set secret_sealed = ? where id = ?", legacy, old.id());

        // A hub instance starting on this database (it reads every row afresh).
        try (SecondHub second = SecondHub.start()) {
            HubClient other = new HubClient(second.base);
            assertThat(sealedSecret(old.id())).as("sealed again at start-up").startsWith("v2:").isNotEqualTo(legacy);
            try (ChatClient chat = ChatClient.connect(other, old.origin())) {
                chat.hello(HubClient.adminToken(old, "admin"), null);
                assertThat(chat.nextOfType("welcome").getString("botState")).isEqualTo("INSTALLED");
            }
            try (ChatClient chat = ChatClient.connect(other, b.origin())) {
                chat.hello(HubClient.sign(b.id(), a.secret(), "admin", "Mallory", true, List.of("Employees"), "en",
                        Instant.now().plusSeconds(300)), null);
                assertThat(closeCode(chat, "A's sealed secret in B's row")).isEqualTo(1008);
                assertThat(chat.closeReason).isEqualTo("TOKEN_SIGNATURE_INVALID");
            }
            try (ChatClient chat = ChatClient.connect(other, a.origin())) {
                chat.hello(HubClient.adminToken(a, "admin"), null);
                assertThat(chat.nextOfType("welcome").getString("botState")).isEqualTo("INSTALLED");
            }
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private void assertRefused(HubClient.Portal p, String token, String what) throws Exception {
        try (ChatClient chat = ChatClient.connect(hub, p.origin())) {
            chat.hello(token, null);
            assertThat(closeCode(chat, what)).as(what).isEqualTo(1008);
            assertThat(chat.closeReason).as(what).startsWith("TOKEN_");
        }
    }

    /** The close code; a socket the hub keeps open means it took the forged token. */
    private static int closeCode(ChatClient chat, String what) throws Exception {
        try {
            return chat.awaitClose();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(what + ": the hub accepted the token, the socket stayed open", e);
        }
    }

    /** {@code base64url(header).base64url(payload)} of an administrator's token the attacker wrote. */
    private static String signingInput(String portalId, String userId, boolean admin) {
        String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
        String payload = jakarta.json.Json.createObjectBuilder().add("iss", portalId).add("sub", userId)
                .add("name", "Mallory").add("admin", admin).add("groups", jakarta.json.Json.createArrayBuilder()
                        .add("Employees").add("Administrators")).add("locale", "en")
                .add("exp", Instant.now().plusSeconds(300).getEpochSecond()).build().toString();
        return B64URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64URL.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    }

    private static URI demoChallenge(String nonce) {
        return URI.create("https://127.0.0.1:" + DEMO_PORTAL_PORT + TlsFixtures.CHALLENGE_PATH + "?nonce="
                + URLEncoder.encode(nonce, StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> attackerGet(URI uri, SSLContext tls) throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static SSLContext trusting(Authority authority) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("root", authority.certificate());
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, factory.getTrustManagers(), null);
        return tls;
    }

    /**
     * The attacker checks no certificate: what is under test is what the demo portal's endpoint answers, and
     * its certificate chains to a demo root made at the hub's first start in a data folder of its own.
     */
    private static SSLContext trustingAnything() throws Exception {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[]{new javax.net.ssl.X509ExtendedTrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine engine) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, javax.net.ssl.SSLEngine engine) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return tls;
    }

    private static byte[] random(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return b;
    }

    private static String sealedSecret(String portalId) throws Exception {
        try (Connection c = HubDatabase.connect();
             PreparedStatement s = c.prepareStatement("select secret_sealed from portal where id = ?")) {
            s.setString(1, portalId);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).as("portal row " + portalId).isTrue();
                return r.getString(1);
            }
        }
    }

    private static void copyCredentials(String from, String to) throws Exception {
        try (Connection c = HubDatabase.connect();
             PreparedStatement s = c.prepareStatement("update portal set secret_hash = (select secret_hash from portal "
                     + "where id = ?), secret_sealed = (select secret_sealed from portal where id = ?) where id = ?")) {
            s.setString(1, from);
            s.setString(2, from);
            s.setString(3, to);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private static void update(String sql, String... args) throws Exception {
        try (Connection c = HubDatabase.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setString(i + 1, args[i]);
            }
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    /**
     * How the hub sealed portal secrets before they were bound to their portal: AES-256-GCM under
     * SUPPORT_HUB_SECRET_KEY (the it-tests pom gives the hub and this test the same), no associated data,
     * base64 of nonce, ciphertext and tag, no prefix.
     */
    private static String legacySeal(String secret) throws Exception {
        String hubKey = System.getenv("SUPPORT_HUB_SECRET_KEY");
        assertThat(hubKey).as("SUPPORT_HUB_SECRET_KEY from the it-tests pom").isNotBlank();
        byte[] nonce = random(12);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(hubKey.trim()), "AES"),
                new GCMParameterSpec(128, nonce));
        byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
    }
}
