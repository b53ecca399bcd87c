package org.supporthub.it;

import jakarta.json.JsonArray;
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

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff accounts with a lifecycle, through the managers' API {@code /api/v1/admin/staff} and the console:
 * create, log in, disable, enable, reset the password, change roles, log out, revoke, delete; the password
 * policy; the audit trail; and console sockets that close (1008 with the documented reason) the moment their
 * login is withdrawn, also when another hub instance withdrew it (simulated by changing the database).
 */
@ExtendWith(ArquillianExtension.class)
class StaffLifecycleIT {

    /** The work factor the suite's development hub runs with (failsafe's environment). */
    private static final String ITERATIONS = System.getProperty("hub.it.password-iterations");

    private static Authority root;

    @Deployment(testable = false)
    static WebArchive hub() {
        root = Authority.create("Support Hub Staff IT Root");
        try {
            root.writePem(Path.of(System.getProperty("hub.it.trusted-roots")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HubDeployment.war();
    }

    @ArquillianResource
    URL base;

    HubClient hub;
    String[] manager;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void client() throws Exception {
        hub = new HubClient(base);
        manager = System.getProperty("hub.it.manager").split(":", 2);
        HubDatabaseQueries.closeOpenSessions();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        open.clear();
        HubDatabaseQueries.closeOpenSessions();
    }

    // ---- fixtures -----------------------------------------------------------------------------------

    private HttpResponse<String> admin(String method, String path, String json, String user, String password)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(hub.base.resolve("api/v1/admin/staff" + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (user != null) {
            b.header("Authorization", HubClient.basic(user, password));
        }
        return hub.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> admin(String method, String path, String json) throws Exception {
        return admin(method, path, json, manager[0], manager[1]);
    }

    private static String account(String username, String displayName, String role, String password) {
        return jakarta.json.Json.createObjectBuilder().add("username", username).add("displayName", displayName)
                .add("roles", jakarta.json.Json.createArrayBuilder().add(role))
                .add("languages", jakarta.json.Json.createArrayBuilder().add("en").add("pl"))
                .add("password", password).build().toString();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new operator; returns its account id. */
    private String createOperator(String username, String displayName, String password) throws Exception {
        HttpResponse<String> r = admin("POST", "", account(username, displayName, "operator", password));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Json.parse(r.body()).getString("id");
    }

    private String token(String user, String password) throws Exception {
        HttpResponse<String> login = SupportFixtures.login(hub, user, password);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return Json.parse(login.body()).getString("token");
    }

    /** A console socket past its welcome. */
    private ChatClient console(String token) throws Exception {
        ChatClient console = ChatClient.console(hub);
        open.add(console);
        console.frame("hello", "token", token);
        console.nextOfType("welcome");
        return console;
    }

    /** The socket was closed by the hub with 1008 and this reason. */
    private static void assertClosed(ChatClient console, String reason) throws Exception {
        assertThat(console.awaitClose()).isEqualTo(1008);
        assertThat(console.closeReason).isEqualTo(reason);
    }

    /** The socket still answers. */
    private static void assertAlive(ChatClient console) throws Exception {
        console.frame("ping");
        assertThat(console.nextOfType("pong")).isNotNull();
    }

    private HttpResponse<String> withToken(String path, String token) throws Exception {
        return hub.http.send(HttpRequest.newBuilder(hub.base.resolve(path)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> logout(String token) throws Exception {
        return hub.http.send(HttpRequest.newBuilder(hub.base.resolve("api/v1/console/logout"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String jti(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return Json.parse(payload).getString("jti");
    }

    private static List<String> fields(HttpResponse<String> problem) {
        assertThat(problem.statusCode()).as(problem.body()).isEqualTo(400);
        assertThat(problem.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        return Json.parse(problem.body()).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).toList();
    }

    private List<JsonObject> auditOf(String username) throws Exception {
        HttpResponse<String> r = admin("GET", "/audit?limit=200", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonObject page = Json.parse(r.body());
        assertThat(page.getInt("limit")).isEqualTo(200);
        List<JsonObject> all = page.getJsonArray("items").getValuesAs(JsonObject.class);
        for (int i = 1; i < all.size(); i++) {
            assertThat(Instant.parse(all.get(i - 1).getString("at")))
                    .as("newest first").isAfterOrEqualTo(Instant.parse(all.get(i).getString("at")));
        }
        return all.stream().filter(e -> e.getString("accountUsername").equals(username)).toList();
    }

    // ---- the tests ----------------------------------------------------------------------------------

    @Test
    void anOperatorsWholeLifecycleClosesItsConsoleWheneverTheLoginIsWithdrawn() throws Exception {
        String user = unique("zed");
        String password = "violet-harbour-" + UUID.randomUUID();
        HttpResponse<String> created = admin("POST", "", account(user, "Zed Operator", "operator", password));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location").orElse("")).contains("/api/v1/admin/staff/");
        JsonObject view = Json.parse(created.body());
        String id = view.getString("id");
        assertThat(view.getBoolean("enabled")).isTrue();
        assertThat(view.getJsonArray("roles").getString(0)).isEqualTo("operator");
        assertThat(view.getJsonArray("languages").toString()).isEqualTo("[\"en\",\"pl\"]");
        assertThat(created.body()).doesNotContain(password).doesNotContain("PBKDF2");
        assertThat(admin("GET", "/" + id, null).body()).contains(user);
        assertThat(admin("GET", "?limit=200", null).body()).contains(user);
        assertThat(admin("GET", "/no-such-id", null).statusCode()).isEqualTo(404);
        assertThat(admin("POST", "", account(user, "Again", "operator", password)).statusCode())
                .as("the user name is taken").isEqualTo(409);

        // The new operator logs in and opens the console.
        ChatClient first = console(token(user, password));

        // Disabled: the open console closes at once, and the account no longer logs in.
        assertThat(admin("POST", "/" + id + "/disable", null).statusCode()).isEqualTo(200);
        assertClosed(first, "ACCOUNT_CHANGED");
        assertThat(SupportFixtures.login(hub, user, password).statusCode()).isEqualTo(401);

        // Enabled again: it logs in.
        HttpResponse<String> enabled = admin("POST", "/" + id + "/enable", null);
        assertThat(Json.parse(enabled.body()).getBoolean("enabled")).isTrue();
        ChatClient second = console(token(user, password));

        // A new password: the console closes, the old password is refused, the new one works.
        String newPassword = "copper-lantern-" + UUID.randomUUID();
        assertThat(admin("PUT", "/" + id + "/password", "{\"password\":\"" + newPassword + "\"}").statusCode())
                .isEqualTo(200);
        assertClosed(second, "ACCOUNT_CHANGED");
        assertThat(SupportFixtures.login(hub, user, password).statusCode()).isEqualTo(401);
        ChatClient third = console(token(user, newPassword));

        // Adding the manager role leaves the console open; removing the operator role closes it.
        assertThat(admin("PUT", "/" + id + "/roles", "{\"roles\":[\"operator\",\"manager\"]}").statusCode()).isEqualTo(200);
        assertAlive(third);
        assertThat(admin("PUT", "/" + id + "/roles", "{\"roles\":[\"manager\"]}").statusCode()).isEqualTo(200);
        assertClosed(third, "ACCOUNT_CHANGED");
        // A manager who is not an operator signs in to the console's management area, but its sessions
        // socket stays closed to them.
        String managerOnly = token(user, newPassword);
        ChatClient refused = ChatClient.console(hub);
        open.add(refused);
        refused.frame("hello", "token", managerOnly);
        assertClosed(refused, "INVALID_TOKEN");

        // Back to operator, with a new name and languages: the console shows the new name.
        assertThat(admin("PUT", "/" + id + "/roles", "{\"roles\":[\"operator\"]}").statusCode()).isEqualTo(200);
        HttpResponse<String> renamed = admin("PUT", "/" + id + "/profile",
                "{\"displayName\":\"Zed Zulu\",\"languages\":[\"pl\"]}");
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        HttpResponse<String> login = SupportFixtures.login(hub, user, newPassword);
        assertThat(Json.parse(login.body()).getJsonObject("operator").getString("name")).isEqualTo("Zed Zulu");

        // Every change is in the audit trail: who, what, which account, when, from where.
        List<JsonObject> trail = auditOf(user);
        assertThat(trail).extracting(e -> e.getString("action")).containsExactly("PROFILE_CHANGED", "ROLES_CHANGED",
                "ROLES_CHANGED", "ROLES_CHANGED", "PASSWORD_RESET", "ENABLED", "DISABLED", "CREATED");
        assertThat(trail).allSatisfy(e -> {
            assertThat(e.getString("actor")).isEqualTo(manager[0]);
            assertThat(e.getString("accountId")).isEqualTo(id);
            assertThat(e.getString("clientAddress")).isNotBlank();
        });
    }

    @Test
    void weakPasswordsAndBadFieldsAreRefusedFieldByField() throws Exception {
        String user = unique("weak");
        assertThat(fields(admin("POST", "", account(user, "Weak", "operator", "Password1234")))).containsExactly("password");
        assertThat(fields(admin("POST", "", account(user, "Weak", "operator", "QWERTYUIOP123")))).containsExactly("password");
        assertThat(fields(admin("POST", "", account(user + "-longname", "Weak", "operator", user + "-LONGNAME"))))
                .as("the user name as password").containsExactly("password");
        assertThat(fields(admin("POST", "", account(user, "Weak", "operator", "short")))).containsExactly("password");
        assertThat(fields(admin("POST", "", "{}")))
                .contains("username", "displayName", "roles", "languages", "password");
        assertThat(fields(admin("POST", "", jakarta.json.Json.createObjectBuilder(Json.parse(
                account(user, "Weak", "admin", "amber-thistle-4711"))).add("languages",
                jakarta.json.Json.createArrayBuilder().add("de")).build().toString()))).containsExactly("languages", "roles");
        assertThat(fields(admin("POST", "", account("bad name!", "Weak", "operator", "amber-thistle-4711"))))
                .containsExactly("username");
        assertThat(HubDatabase.count("select count(*) from staff_account where username like ?", user + "%")).isZero();

        // Resets follow the same policy.
        String id = createOperator(user, "Weak", "amber-thistle-4711");
        assertThat(fields(admin("PUT", "/" + id + "/password", "{\"password\":\"iloveyou1234\"}"))).containsExactly("password");
        assertThat(fields(admin("PUT", "/" + id + "/password", "{}"))).containsExactly("password");

        // The audit trail is read a bounded page at a time.
        assertThat(fields(admin("GET", "/audit?limit=100000", null))).containsExactly("limit");

        // Stored hashes: PBKDF2-HMAC-SHA256 at the configured work factor, the bootstrap manager's included
        // (the suite's development hub runs a lower one to stay fast; ProductionModeIT checks OWASP's 600,000).
        assertThat(HubDatabase.count("select count(*) from staff_account where username in (?, ?) "
                + "and password_hash like 'PBKDF2WithHmacSHA256:" + ITERATIONS + ":%'", manager[0], user)).isEqualTo(2);
    }

    @Test
    void onlyManagersMayUseTheStaffApi() throws Exception {
        assertThat(admin("GET", "", null, null, null).statusCode()).isEqualTo(401);
        for (String[] call : new String[][]{{"GET", ""}, {"GET", "/audit"}, {"POST", ""}}) {
            HttpResponse<String> r = admin(call[0], call[1], call[0].equals("POST")
                    ? account(unique("x"), "X", "manager", "amber-thistle-4711") : null, "operator", SupportFixtures.PASSWORD);
            assertThat(r.statusCode()).as(call[0] + " " + call[1]).isEqualTo(403);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
    }

    @Test
    void logOutAndRevocationRefuseTheTokenOnEveryInstanceAndCloseItsSockets() throws Exception {
        String user = unique("rev");
        String password = "granite-meadow-" + UUID.randomUUID();
        String id = createOperator(user, "Rev Operator", password);
        String a = token(user, password);
        String b = token(user, password);
        ChatClient socketA = console(a);
        ChatClient socketB = console(b);

        // Log-out withdraws this one token: its socket closes, the other login stays.
        assertThat(logout(a).statusCode()).isEqualTo(204);
        assertClosed(socketA, "TOKEN_REVOKED");
        assertAlive(socketB);
        assertThat(withToken("api/v1/console/portals/none/history", a).statusCode()).isEqualTo(401);
        // The other token still authenticates: past the token check, the history refuses a portal this
        // operator never served (403), where the withdrawn token never got that far (401).
        assertThat(withToken("api/v1/console/portals/none/history", b).statusCode()).isEqualTo(403);
        ChatClient again = ChatClient.console(hub);
        open.add(again);
        again.frame("hello", "token", a);
        assertClosed(again, "INVALID_TOKEN");
        assertThat(logout(a).statusCode()).isEqualTo(401);

        // Another hub instance logs B out (a row in the shared database; this instance hears no event):
        // the socket's next frame, or the sweep before it, refuses the token.
        try (var c = HubDatabase.connect(); PreparedStatement s = c.prepareStatement(
                "insert into staff_token_revocation (token_id, account_id, expires_at, revoked_at) values (?, ?, ?, ?)")) {
            s.setString(1, jti(b));
            s.setString(2, id);
            s.setTimestamp(3, Timestamp.from(Instant.now().plusSeconds(3600)));
            s.setTimestamp(4, Timestamp.from(Instant.now()));
            s.executeUpdate();
        }
        socketB.frame("ping");
        assertClosed(socketB, "TOKEN_REVOKED");

        // Another instance withdraws every login of the account (its token version moves on).
        ChatClient socketC = console(token(user, password));
        try (var c = HubDatabase.connect(); var s = c.createStatement()) {
            s.executeUpdate("update staff_account set token_version = token_version + 1 where id = '" + id + "'");
        }
        socketC.frame("ping");
        assertClosed(socketC, "ACCOUNT_CHANGED");

        // A manager revokes every login of the account: open sockets close, old tokens are refused.
        String d = token(user, password);
        ChatClient socketD = console(d);
        assertThat(admin("POST", "/" + id + "/revoke-tokens", null).statusCode()).isEqualTo(200);
        assertClosed(socketD, "ACCOUNT_CHANGED");
        assertThat(withToken("api/v1/console/portals/none/history", d).statusCode()).isEqualTo(401);
        console(token(user, password));

        assertThat(auditOf(user)).extracting(e -> e.getString("action"))
                .containsExactly("TOKENS_REVOKED", "LOGGED_OUT", "CREATED");
        assertThat(auditOf(user).get(1).getString("actor")).isEqualTo(user);
    }

    @Test
    void hashesMadeAtTheOldWorkFactorStillLogInAndAreUpgraded() throws Exception {
        String user = unique("legacy");
        String password = "saffron-pylon-" + UUID.randomUUID();
        // As Jakarta Security's Pbkdf2PasswordHash stored them before: 2,048 iterations.
        byte[] salt = new byte[32];
        new java.security.SecureRandom().nextBytes(salt);
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 2048, 256)).getEncoded();
        String legacy = "PBKDF2WithHmacSHA256:2048:" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(key);
        try (var c = HubDatabase.connect(); PreparedStatement s = c.prepareStatement("insert into staff_account "
                + "(id, username, display_name, password_hash, roles, created_at) values (?, ?, ?, ?, 'operator', ?)")) {
            s.setString(1, UUID.randomUUID().toString());
            s.setString(2, user);
            s.setString(3, "Legacy Operator");
            s.setString(4, legacy);
            s.setTimestamp(5, Timestamp.from(Instant.now()));
            s.executeUpdate();
        }
        console(token(user, password));
        assertThat(HubDatabase.count("select count(*) from staff_account where username = ? "
                + "and password_hash like 'PBKDF2WithHmacSHA256:" + ITERATIONS + ":%'", user)).isEqualTo(1);
        token(user, password);
    }

    @Test
    void aDeletedOperatorsNameStaysInTheConversationsTheyAnswered() throws Exception {
        String user = unique("dora");
        String password = "quartz-orchard-" + UUID.randomUUID();
        String id = createOperator(user, "Dora Deleted", password);
        try {
            SupportFixtures.englishChannel(hub, "STRICT", 60, 3, user);
            ChatClient dora = console(token(user, password));
            dora.frame("status", "status", "ONLINE");
            ChatClient anna = SupportFixtures.connectedAdministrator(hub, root, open);
            anna.message("The portal shows error 42");
            String sessionId = SupportFixtures.nextOffer(dora).getString("sessionId");
            dora.frame("accept", "sessionId", sessionId);
            dora.frame("message", "sessionId", sessionId, "clientMsgId", UUID.randomUUID().toString(),
                    "text", "Dora here, looking at error 42.");
            dora.nextOfType("ack");

            assertThat(admin("DELETE", "/" + id, null).statusCode()).isEqualTo(204);
            assertClosed(dora, "ACCOUNT_CHANGED");
            assertThat(admin("GET", "/" + id, null).statusCode()).isEqualTo(404);
            assertThat(SupportFixtures.login(hub, user, password).statusCode()).isEqualTo(401);

            // A manager reads the portal's history (operators read only portals they served): the message
            // still carries Dora's name.
            String portalId = HubDatabaseQueries.portalOfSession(sessionId);
            HttpResponse<String> history = hub.getAs("api/v1/admin/portals/" + portalId + "/history", manager[0],
                    manager[1]);
            assertThat(history.statusCode()).isEqualTo(200);
            JsonArray conversations = jakarta.json.Json.createReader(new StringReader(history.body())).readArray();
            assertThat(conversations.getValuesAs(JsonObject.class).stream()
                    .flatMap(c -> c.getJsonArray("messages").getValuesAs(JsonObject.class).stream())
                    .filter(m -> m.getString("text").equals("Dora here, looking at error 42.")))
                    .singleElement().satisfies(m -> {
                        assertThat(m.getJsonObject("author").getString("kind")).isEqualTo("staff");
                        assertThat(m.getJsonObject("author").getString("name")).isEqualTo("Dora Deleted");
                    });
            assertThat(auditOf(user)).extracting(e -> e.getString("action")).containsExactly("DELETED", "CREATED");
        } finally {
            SupportFixtures.englishChannel(hub, "STRICT", 60, 3, "operator", "operator2");
        }
    }
}
