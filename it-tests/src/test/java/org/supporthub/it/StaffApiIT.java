package org.supporthub.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff API: Jakarta Security with accounts in the hub's database, the first manager bootstrapped
 * from the environment, and the managers' address check.
 */
@ExtendWith(ArquillianExtension.class)
class StaffApiIT {

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

    private HttpResponse<String> addressCheck(String address, String user, String password) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(hub.base.resolve("api/v1/admin/address-check"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jakarta.json.Json.createObjectBuilder()
                        .add("address", address).build().toString()));
        if (user != null) {
            b.header("Authorization", HubClient.basic(user, password));
        }
        return hub.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonObject verdict(String address) throws Exception {
        HttpResponse<String> r = addressCheck(address, manager[0], manager[1]);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.parse(r.body());
    }

    @Test
    void onlyManagersMayUseTheStaffApi() throws Exception {
        HttpResponse<String> anonymous = addressCheck("https://8.8.8.8", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
        assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

        assertThat(addressCheck("https://8.8.8.8", manager[0], "wrong-password!").statusCode()).isEqualTo(401);
        assertThat(addressCheck("https://8.8.8.8", "nobody", manager[1]).statusCode()).isEqualTo(401);

        // The demo operator is staff, but not a manager.
        HttpResponse<String> operator = addressCheck("https://8.8.8.8", "operator", "support-demo");
        assertThat(operator.statusCode()).isEqualTo(403);
        assertThat(operator.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

        assertThat(addressCheck("https://8.8.8.8", manager[0], manager[1]).statusCode()).isEqualTo(200);
        // The bootstrap manager's password is stored hashed only.
        assertThat(HubDatabase.count("select count(*) from staff_account where username = ? and password_hash like ?",
                manager[0], "%" + manager[1] + "%")).isZero();
    }

    @Test
    void addressCheckParsesResolvesAndClassifiesWithoutConnecting() throws Exception {
        assertThat(verdict("https://8.8.8.8/portal").getString("verdict")).isEqualTo("OK");
        assertThat(verdict("http://8.8.8.8").getString("verdict")).isEqualTo("INVALID_PUBLIC_ADDRESS");
        assertThat(verdict("https://user@8.8.8.8").getString("verdict")).isEqualTo("INVALID_PUBLIC_ADDRESS");
        assertThat(verdict("https://no-such-host.invalid").getString("verdict")).isEqualTo("INVALID_PUBLIC_ADDRESS");
        for (String local : new String[]{"https://10.1.2.3", "https://192.168.0.1", "https://[fd00::1]",
                "https://169.254.169.254/latest/meta-data", "https://[::ffff:10.0.0.1]"}) {
            assertThat(verdict(local).getString("verdict")).as(local).isEqualTo("PUBLIC_ADDRESS_IS_LOCAL");
        }
        // IPv4 spellings that parsers read differently are refused, not read one way.
        for (String ambiguous : new String[]{"https://0xa010203", "https://010.0.0.1", "https://1.02.3.4", "https://127.1"}) {
            JsonObject v = verdict(ambiguous);
            assertThat(v.getString("verdict")).as(ambiguous).isEqualTo("INVALID_PUBLIC_ADDRESS");
            assertThat(v.getString("detail")).as(ambiguous).isEqualTo("AMBIGUOUS_IPV4");
        }
        // A port outside the allow-list (here 443 and 1024-65535) is refused before anything is looked up.
        JsonObject port = verdict("https://8.8.8.8:22/");
        assertThat(port.getString("verdict")).isEqualTo("INVALID_PUBLIC_ADDRESS");
        assertThat(port.getString("detail")).isEqualTo("PORT_NOT_ALLOWED");
        HttpResponse<String> bad = addressCheck("x", manager[0], manager[1]);
        assertThat(bad.statusCode()).isEqualTo(200);
        HttpResponse<String> noBody = hub.http.send(HttpRequest.newBuilder(hub.base.resolve("api/v1/admin/address-check"))
                .header("Content-Type", "application/json").header("Authorization", HubClient.basic(manager[0], manager[1]))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noBody.statusCode()).isEqualTo(400);
        assertThat(noBody.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    /** Activates a portal at a loopback fixture address with this licence key; returns the licence error codes. */
    private java.util.List<String> licenceErrors(String licenseKey) throws Exception {
        HubClient.Portal p = hub.enable(hub.registerPortal("en", "https://127.0.0.1:9443", "https://127.0.0.1:9443/",
                licenseKey));
        try (ChatClient chat = ChatClient.connect(hub, p.origin())) {
            chat.hello(HubClient.adminToken(p, "lic"), null);
            chat.nextOfType("welcome");
            chat.send("{\"type\":\"command\",\"name\":\"activate\"}");
            chat.until(f -> ChatClient.type(f, "message") && f.containsKey("actions")
                    && f.getString("text").length() > 0 && !f.getString("text").startsWith("Hello"));
        }
        JsonObject latest = Json.parse(hub.getAs("api/v1/portal/" + p.id() + "/activation/latest", p.id(), p.secret()).body());
        return latest.getJsonArray("errors").getValuesAs(JsonObject.class).stream().map(e -> e.getString("code"))
                .filter(c -> c.startsWith("LICENSE")).toList();
    }

    @Test
    void licencesAreSignedByTheVendorAndVerifiedAtActivation() throws Exception {
        String nextYear = java.time.LocalDate.now().plusYears(1).toString();
        String valid = hub.issueLicense("127.0.0.1", "commercial", nextYear);
        assertThat(licenceErrors(valid)).isEmpty();
        assertThat(licenceErrors(hub.issueLicense("127.0.0.1", "demo", nextYear))).containsExactly("LICENSE_DEMO");
        assertThat(licenceErrors(hub.issueLicense("127.0.0.1", "commercial",
                java.time.LocalDate.now().minusDays(2).toString()))).containsExactly("LICENSE_EXPIRED");
        assertThat(licenceErrors(hub.issueLicense("portal.other-customer.com", "commercial", nextYear)))
                .containsExactly("LICENSE_INVALID");
        // One character of the signed part changed.
        int i = valid.indexOf('.') + 5;
        String tampered = valid.substring(0, i) + (valid.charAt(i) == 'A' ? 'B' : 'A') + valid.substring(i + 1);
        assertThat(licenceErrors(tampered)).containsExactly("LICENSE_INVALID");

        // Issuing is for managers, and refuses bad fields.
        HttpResponse<String> bad = hub.http.send(HttpRequest.newBuilder(hub.base.resolve("api/v1/admin/licenses"))
                .header("Content-Type", "application/json").header("Authorization", HubClient.basic(manager[0], manager[1]))
                .POST(HttpRequest.BodyPublishers.ofString("{\"licensee\":\"X\",\"domain\":\"a b\",\"edition\":\"gold\",\"expires\":\"soon\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Json.parse(bad.body()).getJsonArray("errors").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("field")).contains("edition", "expires");
        HttpResponse<String> byOperator = hub.http.send(HttpRequest.newBuilder(hub.base.resolve("api/v1/admin/licenses"))
                .header("Content-Type", "application/json").header("Authorization", HubClient.basic("operator", "support-demo"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(byOperator.statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        return hub.http.send(HttpRequest.newBuilder(hub.base.resolve(path)).header("Content-Type", "application/json")
                .header("Authorization", HubClient.basic(manager[0], manager[1]))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String withField(JsonObject channel, String field, jakarta.json.JsonValue value) {
        return jakarta.json.Json.createObjectBuilder(channel).add(field, value).build().toString();
    }

    @Test
    void managersKeepTheOpenChannelRegistryAndActivationValidatesIt() throws Exception {
        jakarta.json.JsonArray all = jakarta.json.Json.createReader(new java.io.StringReader(
                send("GET", "api/v1/admin/open-channels", null).body())).readArray();
        JsonObject english = all.getValuesAs(JsonObject.class).stream().filter(c -> c.getString("language").equals("en")
                && c.getBoolean("enabled")).findFirst().orElseThrow();
        String path = "api/v1/admin/open-channels/" + english.getString("id");

        // Bad settings are refused field by field, and nothing changes.
        HttpResponse<String> bad = send("POST", "api/v1/admin/open-channels", jakarta.json.Json.createObjectBuilder(english)
                .add("timeZone", "Mars/Olympus").add("capacity", 0).add("routingMode", "RANDOM")
                .add("operators", jakarta.json.Json.createArrayBuilder().add("ghost")).build().toString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Json.parse(bad.body()).getJsonArray("errors").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("field")).contains("capacity", "routingMode");
        HttpResponse<String> ghost = send("PUT", path, withField(english, "operators",
                jakarta.json.Json.createArrayBuilder().add("ghost").build()));
        assertThat(ghost.statusCode()).isEqualTo(400);
        assertThat(Json.parse(ghost.body()).getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("operators");
        assertThat(send("PUT", "api/v1/admin/open-channels/no-such-id", english.toString()).statusCode()).isEqualTo(404);

        String license = hub.issueLicense("127.0.0.1", "commercial", java.time.LocalDate.now().plusYears(1).toString());
        HttpResponse<String> off = send("PUT", path, withField(english, "enabled", jakarta.json.JsonValue.FALSE));
        assertThat(off.statusCode()).isEqualTo(200);
        try {
            HubClient.Portal p = hub.enable(hub.registerPortal("en", "https://127.0.0.1:9443", "https://127.0.0.1:9443/",
                    license));
            try (ChatClient chat = ChatClient.connect(hub, p.origin())) {
                chat.hello(HubClient.adminToken(p, "oc"), null);
                chat.nextOfType("welcome");
                chat.send("{\"type\":\"command\",\"name\":\"activate\"}");
                chat.until(f -> ChatClient.type(f, "message") && f.getString("text").contains("open channel for this portal"));
            }
            JsonObject latest = Json.parse(hub.getAs("api/v1/portal/" + p.id() + "/activation/latest", p.id(), p.secret()).body());
            assertThat(latest.getJsonArray("errors").getValuesAs(JsonObject.class))
                    .anySatisfy(e -> {
                        assertThat(e.getString("code")).isEqualTo("OPEN_CHANNEL_INVALID");
                        assertThat(e.getString("detail")).isEqualTo("enabled");
                    });
        } finally {
            assertThat(send("PUT", path, english.toString()).statusCode()).isEqualTo(200);
        }
    }

    private HttpResponse<String> triage(String body, String user, String password) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(hub.base.resolve("api/v1/triage"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            b.header("Authorization", HubClient.basic(user, password));
        }
        return hub.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String question(String text, String locale) {
        return jakarta.json.Json.createObjectBuilder().add("text", text).add("locale", locale).build().toString();
    }

    @Test
    void staffAndManagersTriageQuestionsAgainstThePublishedPolicy() throws Exception {
        for (String[] who : new String[][]{{manager[0], manager[1]}, {"operator", "support-demo"}}) {
            HttpResponse<String> r = triage(question("Can you write a custom module for us?", "en"), who[0], who[1]);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonObject verdict = Json.parse(r.body());
            assertThat(verdict.getString("area")).isEqualTo("INTEGRATION");
            assertThat(verdict.getString("coverage")).isEqualTo("NOT_COVERED");
            assertThat(verdict.getJsonNumber("confidence").doubleValue()).isBetween(0.0, 1.0);
            assertThat(verdict.getJsonObject("policyItem").getString("area")).isEqualTo("INTEGRATION");
        }
        JsonObject polish = Json.parse(triage(question("Czy możecie napisać dla nas własny moduł?", "pl"),
                "operator", "support-demo").body());
        assertThat(polish.getString("coverage")).isEqualTo("NOT_COVERED");
        assertThat(polish.getJsonObject("policyItem").getString("text")).isNotBlank();
        JsonObject greeting = Json.parse(triage(question("hello", "en"), "operator", "support-demo").body());
        assertThat(greeting.getString("area")).isEqualTo("UNCLEAR");
        assertThat(greeting.containsKey("policyItem") && !greeting.isNull("policyItem")).as("no policy item").isFalse();

        assertThat(triage(question("anything", "en"), null, null).statusCode()).isEqualTo(401);
        assertThat(triage(question("anything", "en"), "operator", "wrong").statusCode()).isEqualTo(401);
        for (String bad : new String[]{question("   ", "en"), question("x".repeat(4001), "en"),
                question("Hello", "de"), "{\"text\":\"no locale\"}"}) {
            HttpResponse<String> refused = triage(bad, manager[0], manager[1]);
            assertThat(refused.statusCode()).as(bad.length() > 100 ? "a long text" : bad).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
    }

    @Test
    void managersReadThePolicyTheBotWorksFrom() throws Exception {
        HttpResponse<String> r = hub.getAs("api/v1/admin/policy", manager[0], manager[1]);
        assertThat(r.statusCode()).isEqualTo(200);
        var items = Json.parse("{\"a\":" + r.body() + "}").getJsonArray("a").getValuesAs(JsonObject.class);
        assertThat(items).hasSizeGreaterThanOrEqualTo(40);
        assertThat(items).extracting(i -> i.getString("area")).contains("INSTALLATION", "PERFORMANCE", "UPDATES",
                "ERRORS", "INTEGRATION", "OTHER");
        assertThat(items).extracting(i -> i.getString("coverage")).contains("COVERED", "LIMITED", "NOT_COVERED");
        assertThat(items).allSatisfy(i -> assertThat(i.getString("pl")).isNotBlank());
        assertThat(hub.getAs("api/v1/admin/policy", "operator", "support-demo").statusCode()).isEqualTo(403);
    }
}
