package org.supporthub.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manager API behind the console's management area: a manager's console login (roles from the hub,
 * the token accepted by the manager API), the portals list with its filters and "re-check now", a portal's
 * sessions, who is online, the register of issued licences, and open-channel errors at their fields.
 */
@ExtendWith(ArquillianExtension.class)
class ManagerApiIT {

    @Deployment(testable = false)
    static WebArchive hub() {
        return HubDeployment.war();
    }

    @ArquillianResource
    URL base;

    HubClient hub;
    String[] manager;

    @BeforeEach
    void client() {
        hub = new HubClient(base);
        manager = System.getProperty("hub.it.manager").split(":", 2);
    }

    private HttpResponse<String> call(String method, String path, String authorization, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(hub.base.resolve(path)).header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return hub.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> asManager(String method, String path, String json) throws Exception {
        return call(method, path, HubClient.basic(manager[0], manager[1]), json);
    }

    private static JsonArray array(String body) {
        return jakarta.json.Json.createReader(new StringReader(body)).readArray();
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void aManagerSignsInToTheConsoleAndItsLoginOpensTheManagerApiOnly() throws Exception {
        HttpResponse<String> login = SupportFixtures.login(hub, manager[0], manager[1]);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        JsonObject body = Json.parse(login.body());
        assertThat(body.getJsonArray("roles").getValuesAs(JsonString.class)).extracting(JsonString::getString)
                .contains("manager");
        String bearer = "Bearer " + body.getString("token");

        // The roles come from the hub, read again on every call.
        HttpResponse<String> me = call("GET", "api/v1/console/me", bearer, null);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(Json.parse(me.body()).getString("username")).isEqualTo(manager[0]);
        // The console login works on the manager API: no password kept in the browser.
        assertThat(call("GET", "api/v1/admin/open-channels", bearer, null).statusCode()).isEqualTo(200);

        // An operator's console login is refused there (403), a forged one is not a login (401).
        String operator = "Bearer " + Json.parse(SupportFixtures.login(hub, "operator", "support-demo").body())
                .getString("token");
        assertThat(call("GET", "api/v1/console/me", operator, null).body()).contains("\"operator\"");
        assertThat(call("GET", "api/v1/admin/open-channels", operator, null).statusCode()).isEqualTo(403);
        HttpResponse<String> forged = call("GET", "api/v1/admin/open-channels", bearer.substring(0, bearer.length() - 3)
                + "abc", null);
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

        // Logged out: the token opens nothing any more.
        assertThat(call("POST", "api/v1/console/logout", bearer, null).statusCode()).isEqualTo(204);
        assertThat(call("GET", "api/v1/admin/open-channels", bearer, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "api/v1/console/me", bearer, null).statusCode()).isEqualTo(401);
    }

    /**
     * A hub started without the data grid (as here, {@code --nocluster}) is a cluster of one: it says so, and
     * takes every beat of routing itself, each once. Operators may not look.
     */
    @Test
    void aHubWithoutTheGridIsAClusterOfOneThatRunsEachRoutingBeatOnce() throws Exception {
        HttpResponse<String> first = asManager("GET", "api/v1/admin/cluster", null);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonObject view = Json.parse(first.body());
        assertThat(view.getBoolean("clustered")).isFalse();
        assertThat(view.getString("member")).isEqualTo("local");
        assertThat(view.getJsonArray("members").getValuesAs(JsonString.class)).extracting(JsonString::getString)
                .containsExactly("local");
        long before = view.getJsonObject("jobs").getJsonArray("routing-beat").size();
        Thread.sleep(3_500);
        JsonObject later = Json.parse(asManager("GET", "api/v1/admin/cluster", null).body());
        List<Long> beats = later.getJsonObject("jobs").getJsonArray("routing-beat").getValuesAs(
                jakarta.json.JsonNumber.class).stream().map(jakarta.json.JsonNumber::longValue).toList();
        assertThat(beats.size()).as("routing beats ran while we waited").isGreaterThan((int) before);
        assertThat(beats).as("no beat twice, in order").doesNotHaveDuplicates().isSorted();
        long now = System.currentTimeMillis() / 1_000;
        assertThat(beats.get(beats.size() - 1)).as("the latest beat is about now (beat = epoch seconds)")
                .isBetween(now - 5, now + 1);

        String operator = "Bearer " + Json.parse(SupportFixtures.login(hub, "operator", "support-demo").body())
                .getString("token");
        assertThat(call("GET", "api/v1/admin/cluster", operator, null).statusCode()).isEqualTo(403);
        assertThat(call("GET", "api/v1/admin/cluster", null, null).statusCode()).isEqualTo(401);
    }

    /** Asks the portal's bot to activate (as its administrator) and waits for the report. */
    private JsonObject activate(HubClient.Portal p) throws Exception {
        try (ChatClient chat = ChatClient.connect(hub, p.origin())) {
            chat.hello(HubClient.adminToken(p, "mgr"), null);
            chat.nextOfType("welcome");
            chat.send("{\"type\":\"command\",\"name\":\"activate\"}");
            chat.until(f -> ChatClient.type(f, "message") && f.containsKey("actions")
                    && f.getString("text").length() > 0 && !f.getString("text").startsWith("Hello"));
        }
        for (int i = 0; i < 100; i++) {
            HttpResponse<String> latest = hub.getAs("api/v1/portal/" + p.id() + "/activation/latest", p.id(), p.secret());
            if (latest.statusCode() == 200) {
                return Json.parse(latest.body());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no activation report");
    }

    private JsonObject portals(String query) throws Exception {
        HttpResponse<String> r = asManager("GET", "api/v1/admin/portals?" + query, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.parse(r.body());
    }

    private static List<String> ids(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(o -> o.getString("id")).toList();
    }

    @Test
    void managersSeeEveryPortalWithItsLatestActivationFilterItAndRecheckIt() throws Exception {
        HubClient.Portal failing = hub.registerEnabledPortal("pl");
        HubClient.Portal quiet = hub.registerEnabledPortal("en");
        String failingHost = failing.origin().substring("https://".length());
        activate(failing);

        JsonObject found = portals("q=" + q(failingHost.toUpperCase()));
        assertThat(ids(found)).containsExactly(failing.id());
        JsonObject row = found.getJsonArray("items").getJsonObject(0);
        assertThat(row.getString("botState")).isEqualTo("INSTALLED");
        assertThat(row.getString("productVersion")).isEqualTo("24.100.0");
        assertThat(row.getString("locale")).isEqualTo("pl");
        assertThat(row.getJsonObject("license").getString("status")).isEqualTo("INVALID");
        JsonObject activation = row.getJsonObject("latestActivation");
        assertThat(activation.getString("outcome")).isEqualTo("FAILED");
        List<JsonObject> checks = activation.getJsonArray("checks").getValuesAs(JsonObject.class);
        assertThat(checks).extracting(c -> c.getString("area")).contains("LICENSE", "PUBLIC_ADDRESS", "UPDATES");
        JsonObject licence = checks.stream().filter(c -> c.getString("area").equals("LICENSE")).findFirst().orElseThrow();
        assertThat(licence.getBoolean("passed")).isFalse();
        assertThat(licence.getString("code")).isEqualTo("LICENSE_INVALID");
        assertThat(licence.getJsonNumber("millis").longValue()).isNotNegative();

        // Filters: by state, and by a check that failed in the latest activation.
        assertThat(ids(portals("state=INSTALLED&limit=100&q=" + q(failingHost)))).containsExactly(failing.id());
        assertThat(ids(portals("state=CONNECTED&q=" + q(failingHost)))).isEmpty();
        // Narrowed to each portal's host: the suite's database holds many more portals than a page.
        String quietHost = quiet.origin().substring("https://".length());
        assertThat(ids(portals("failingCheck=LICENSE&q=" + q(failingHost)))).containsExactly(failing.id());
        assertThat(ids(portals("failingCheck=LICENSE&q=" + q(quietHost)))).isEmpty();
        assertThat(ids(portals("failingCheck=UPDATES&q=" + q(failingHost)))).isEmpty();
        JsonObject never = portals("q=" + q(quietHost))
                .getJsonArray("items").getJsonObject(0);
        assertThat(never.containsKey("latestActivation") && !never.isNull("latestActivation")).as("never activated").isFalse();
        // Paged: a page of one, with the total.
        JsonObject one = portals("limit=1&offset=1");
        assertThat(one.getJsonArray("items")).hasSize(1);
        assertThat(one.getJsonNumber("total").longValue()).isGreaterThanOrEqualTo(2);
        assertThat(asManager("GET", "api/v1/admin/portals?state=SLEEPING", null).statusCode()).isEqualTo(400);
        assertThat(asManager("GET", "api/v1/admin/portals?limit=100000", null).statusCode()).isEqualTo(400);

        // One portal, its sessions (none yet) and its conversations.
        assertThat(asManager("GET", "api/v1/admin/portals/" + failing.id(), null).statusCode()).isEqualTo(200);
        HttpResponse<String> sessions = asManager("GET", "api/v1/admin/portals/" + failing.id() + "/sessions", null);
        assertThat(sessions.statusCode()).isEqualTo(200);
        assertThat(array(sessions.body())).isEmpty();
        assertThat(asManager("GET", "api/v1/admin/portals/no-such-portal", null).statusCode()).isEqualTo(404);

        // Re-check now: the periodic re-check's checks and rules; a portal that was not connected stays so.
        HttpResponse<String> recheck = asManager("POST", "api/v1/admin/portals/" + failing.id() + "/recheck", null);
        assertThat(recheck.statusCode()).as(recheck.body()).isEqualTo(200);
        JsonObject outcome = Json.parse(recheck.body());
        assertThat(outcome.getString("before")).isEqualTo("INSTALLED");
        assertThat(outcome.getString("after")).isEqualTo("INSTALLED");
        assertThat(outcome.getBoolean("passed")).isFalse();
        assertThat(outcome.getJsonArray("checks").getValuesAs(JsonObject.class)).extracting(c -> c.getString("area"))
                .containsExactly("LICENSE", "PUBLIC_ADDRESS");
        assertThat(asManager("POST", "api/v1/admin/portals/no-such-portal/recheck", null).statusCode()).isEqualTo(404);
        assertThat(call("POST", "api/v1/admin/portals/" + failing.id() + "/recheck",
                HubClient.basic("operator", "support-demo"), null).statusCode()).isEqualTo(403);
    }

    @Test
    void managersSeeWhoIsOnlineWithTheSessionsEachHolds() throws Exception {
        try (ChatClient olga = SupportFixtures.console(hub, "operator", "AWAY")) {
            HttpResponse<String> online = asManager("GET", "api/v1/admin/staff/online", null);
            assertThat(online.statusCode()).isEqualTo(200);
            JsonObject entry = array(online.body()).getValuesAs(JsonObject.class).stream()
                    .filter(o -> o.getString("username").equals("operator")).findFirst().orElseThrow();
            assertThat(entry.getString("status")).isEqualTo("AWAY");
            assertThat(entry.getJsonNumber("heldSessions").longValue()).isNotNegative();
        }
        assertThat(call("GET", "api/v1/admin/staff/online", HubClient.basic("operator", "support-demo"), null)
                .statusCode()).isEqualTo(403);
    }

    @Test
    void issuedLicencesAreKeptAndListedNewestFirst() throws Exception {
        String serial = "IT-" + UUID.randomUUID();
        String expires = LocalDate.now().plusYears(2).toString();
        HttpResponse<String> issued = asManager("POST", "api/v1/admin/licenses", jakarta.json.Json.createObjectBuilder()
                .add("licensee", "Register Test Ltd").add("domain", "register.example").add("edition", "commercial")
                .add("expires", expires).add("serial", serial).build().toString());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String key = Json.parse(issued.body()).getString("key");
        hub.issueLicense("register-later.example", "demo", expires);

        JsonObject page = Json.parse(asManager("GET", "api/v1/admin/licenses?q=" + q(serial.toLowerCase()), null).body());
        assertThat(page.getJsonNumber("total").longValue()).isEqualTo(1);
        JsonObject listed = page.getJsonArray("items").getJsonObject(0);
        assertThat(listed.getString("key")).isEqualTo(key);
        assertThat(listed.getString("issuedBy")).isEqualTo(manager[0]);
        assertThat(listed.getString("expires")).isEqualTo(expires);
        assertThat(listed.getString("edition")).isEqualTo("commercial");

        JsonObject all = Json.parse(asManager("GET", "api/v1/admin/licenses?limit=2", null).body());
        assertThat(all.getJsonArray("items").getJsonObject(0).getString("domain")).isEqualTo("register-later.example");
        assertThat(all.getJsonArray("items").getJsonObject(1).getString("serial")).isEqualTo(serial);
        assertThat(call("GET", "api/v1/admin/licenses", HubClient.basic("operator", "support-demo"), null).statusCode())
                .isEqualTo(403);
    }

    @Test
    void aRefusedOpenChannelSaysAtEachFieldWhatItAsksFor() throws Exception {
        JsonObject english = array(asManager("GET", "api/v1/admin/open-channels", null).body())
                .getValuesAs(JsonObject.class).get(0);
        HttpResponse<String> bad = asManager("POST", "api/v1/admin/open-channels", jakarta.json.Json
                .createObjectBuilder(english).remove("id").add("name", "Night shift").add("timeZone", "Mars/Olympus")
                .add("workingDays", "MON,FUNDAY").build().toString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        List<JsonObject> errors = Json.parse(bad.body()).getJsonArray("errors").getValuesAs(JsonObject.class);
        assertThat(errors).extracting(e -> e.getString("field") + ": " + e.getString("message")).containsExactly(
                "timeZone: must be a time zone such as Europe/Warsaw",
                "workingDays: must be days such as MON,TUE,WED, each once");
    }
}
