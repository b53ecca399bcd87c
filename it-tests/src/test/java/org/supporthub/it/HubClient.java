package org.supporthub.it;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Talks to the hub under test as a portal server would: registers, switches the support channel, and
 * signs its users' tokens with the token key derived from its portal secret.
 */
final class HubClient {

    final URI base;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    HubClient(URL base) {
        this.base = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
    }

    /** A registered portal: its id, its secret and the origin of its public address. */
    record Portal(String id, String secret, String origin) {
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postAs(String path, String json, String basicUser, String basicPassword) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .header("Authorization", basic(basicUser, basicPassword))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> getAs(String path, String basicUser, String basicPassword) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", basic(basicUser, basicPassword))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> put(String path, String json, String basicUser, String basicPassword) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (basicUser != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((basicUser + ":" + basicPassword).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Registers a portal with a unique public address and enables its support channel. */
    Portal registerEnabledPortal(String locale) throws Exception {
        Portal p = registerPortal(locale);
        HttpResponse<String> r = put("api/v1/portal/" + p.id() + "/support-channel", "{\"enabled\":true}", p.id(), p.secret());
        if (r.statusCode() != 200) {
            throw new AssertionError("enable failed: " + r.statusCode() + " " + r.body());
        }
        return p;
    }

    /** A portal at a made-up address of its own (which does not resolve: its activation fails on it). */
    Portal registerPortal(String locale) throws Exception {
        String host = "portal-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
        return registerPortal(locale, "https://" + host, "https://" + host + "/");
    }

    Portal registerPortal(String locale, String origin, String publicAddress) throws Exception {
        HttpResponse<String> r = post("api/v1/portal/register", """
                {"name": "Test portal", "publicAddress": "%s", "licenseKey": "KEY-1",
                 "productVersion": "24.100.0", "locale": "%s"}""".formatted(publicAddress, locale));
        if (r.statusCode() != 201) {
            throw new AssertionError("register failed: " + r.statusCode() + " " + r.body());
        }
        JsonObject body = Json.parse(r.body());
        return new Portal(body.getString("portalId"), body.getString("portalSecret"), origin);
    }

    /** A licence key issued by the hub's manager API (the bootstrap manager of the tests). */
    String issueLicense(String domain, String edition, String expires) throws Exception {
        String[] manager = System.getProperty("hub.it.manager").split(":", 2);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("api/v1/admin/licenses"))
                .header("Content-Type", "application/json").header("Authorization", basic(manager[0], manager[1]))
                .POST(HttpRequest.BodyPublishers.ofString(jakarta.json.Json.createObjectBuilder()
                        .add("licensee", "Test Company").add("domain", domain).add("edition", edition)
                        .add("expires", expires).build().toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new AssertionError("licence not issued: " + r.statusCode() + " " + r.body());
        }
        return Json.parse(r.body()).getString("key");
    }

    Portal registerPortal(String locale, String origin, String publicAddress, String licenseKey) throws Exception {
        HttpResponse<String> r = post("api/v1/portal/register", jakarta.json.Json.createObjectBuilder()
                .add("name", "Licensed portal").add("publicAddress", publicAddress).add("licenseKey", licenseKey)
                .add("productVersion", "24.100.0").add("locale", locale).build().toString());
        if (r.statusCode() != 201) {
            throw new AssertionError("register failed: " + r.statusCode() + " " + r.body());
        }
        JsonObject body = Json.parse(r.body());
        return new Portal(body.getString("portalId"), body.getString("portalSecret"), origin);
    }

    /** The portal server's heartbeat, authenticated with its secret. */
    HttpResponse<String> heartbeat(Portal p) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve("api/v1/portal/" + p.id() + "/heartbeat"))
                .header("Authorization", basic(p.id(), p.secret())).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    Portal enable(Portal p) throws Exception {
        HttpResponse<String> r = put("api/v1/portal/" + p.id() + "/support-channel", "{\"enabled\":true}", p.id(), p.secret());
        if (r.statusCode() != 200) {
            throw new AssertionError("enable failed: " + r.statusCode() + " " + r.body());
        }
        return p;
    }

    /** The token the portal server signs for one of its users. */
    static String token(Portal portal, String userId, String name, boolean admin, String locale, Instant exp) {
        return sign(portal.id(), portal.secret(), userId, name, admin, List.of("Employees"), locale, exp);
    }

    static String adminToken(Portal portal, String userId) {
        return token(portal, userId, "Ada Admin", true, "en", Instant.now().plusSeconds(300));
    }

    static String sign(String issuer, String secret, String userId, String name, boolean admin, List<String> groups,
                       String locale, Instant exp) {
        return sign(issuer, secret, userId, name, admin, groups, locale, exp, null);
    }

    /** An administrator's token with the optional {@code email} claim. */
    static String adminToken(Portal portal, String userId, String locale, String email) {
        return sign(portal.id(), portal.secret(), userId, "Ada Admin", true, List.of("Employees"), locale,
                Instant.now().plusSeconds(300), email);
    }

    static String sign(String issuer, String secret, String userId, String name, boolean admin, List<String> groups,
                       String locale, Instant exp, String email) {
        try {
            JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(issuer).subject(userId).claim("name", name)
                    .claim("admin", admin).claim("groups", groups).claim("locale", locale)
                    .expirationTime(Date.from(exp));
            if (email != null) {
                builder.claim("email", email);
            }
            JWTClaimsSet claims = builder.build();
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            // The token key derived from the secret (docs/protocol.md, section 1a), never the secret itself.
            jwt.sign(new MACSigner(PortalProtocol.tokenKey(secret)));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hub's own origin (its pages, such as the demo portal). */
    String ownOrigin() {
        return base.getScheme() + "://" + base.getHost() + ":" + base.getPort();
    }

    URI chatUri() {
        return URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/ws/chat");
    }
}
