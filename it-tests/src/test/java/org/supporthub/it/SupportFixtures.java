package org.supporthub.it;

import jakarta.json.JsonObject;
import org.supporthub.it.TlsFixtures.Authority;
import org.supporthub.it.TlsFixtures.ChallengeSite;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The people of a support session, as the integration tests set them up: administrators and operators. */
final class SupportFixtures {

    static final String PASSWORD = "support-demo";

    private SupportFixtures() {
    }

    /**
     * A connected portal's administrator in the widget, past a real activation: the portal's HTTPS site
     * answers the challenge with a certificate from {@code root}, which the hub under test trusts.
     *
     * @param open collects the site and the socket, for the caller to close
     */
    static ChatClient connectedAdministrator(HubClient hub, Authority root, List<AutoCloseable> open) throws Exception {
        return connectedPortal(hub, root, open).chat();
    }

    /** A connected portal's administrator: their widget socket, their portal, and their token. */
    record Administrator(ChatClient chat, HubClient.Portal portal, String token) {
    }

    /** As {@link #connectedAdministrator}, with the portal and the token, for a second socket elsewhere. */
    static Administrator connectedPortal(HubClient hub, Authority root, List<AutoCloseable> open) throws Exception {
        ChallengeSite site = new ChallengeSite(TlsFixtures.validLeaf(root), true);
        open.add(site);
        String license = hub.issueLicense(TlsFixtures.LOOPBACK, "commercial", LocalDate.now().plusYears(1).toString());
        HubClient.Portal p = hub.enable(hub.registerPortal("en", site.origin(), site.origin() + "/", license));
        site.secret.set(p.secret());
        assertThat(hub.heartbeat(p).statusCode()).isEqualTo(200);
        ChatClient chat = ChatClient.connect(hub, p.origin());
        open.add(chat);
        String token = HubClient.adminToken(p, "admin-" + p.id());
        chat.hello(token, null);
        chat.nextOfType("welcome");
        chat.send("{\"type\":\"command\",\"name\":\"activate\"}");
        chat.until(f -> ChatClient.type(f, "message") && f.getString("text").startsWith("Activation succeeded"));
        return new Administrator(chat, p, token);
    }

    /**
     * Sets the demo's English open channel (which serves the tests' portals) through the manager API:
     * routing mode, queue time, capacity and operators in order; open around the clock, no days off.
     */
    static void englishChannel(HubClient hub, String mode, int queueTime, int capacity, String... operators)
            throws Exception {
        String[] manager = System.getProperty("hub.it.manager").split(":", 2);
        HttpResponse<String> list = hub.getAs("api/v1/admin/open-channels", manager[0], manager[1]);
        JsonObject en = Json.parse("{\"a\":" + list.body() + "}").getJsonArray("a").getValuesAs(JsonObject.class)
                .stream().filter(c -> c.getString("language").equals("en")).findFirst().orElseThrow();
        var ops = jakarta.json.Json.createArrayBuilder();
        for (String o : operators) {
            ops.add(o);
        }
        String body = jakarta.json.Json.createObjectBuilder(en).add("routingMode", mode)
                .add("queueTimeSeconds", queueTime).add("capacity", capacity).add("operators", ops)
                .add("workingFrom", "00:00").add("workingTo", "00:00")
                .add("daysOff", jakarta.json.Json.createArrayBuilder()).remove("id").build().toString();
        HttpResponse<String> r = hub.put("api/v1/admin/open-channels/" + en.getString("id"), body, manager[0],
                manager[1]);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    static HttpResponse<String> login(HubClient hub, String user, String password) throws Exception {
        return hub.http.send(HttpRequest.newBuilder(hub.base.resolve("api/v1/console/login"))
                .header("Authorization", HubClient.basic(user, password))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An operator's console socket, logged in with the demo password and set to {@code status}. */
    static ChatClient console(HubClient hub, String username, String status) throws Exception {
        HttpResponse<String> login = login(hub, username, PASSWORD);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        ChatClient console = ChatClient.console(hub);
        console.frame("hello", "token", Json.parse(login.body()).getString("token"));
        JsonObject welcome = console.nextOfType("welcome");
        assertThat(welcome.getJsonObject("operator").getString("username")).isEqualTo(username);
        console.frame("status", "status", status);
        console.until(f -> ChatClient.type(f, "presence") && status.equals(f.getString("status")));
        return console;
    }

    /** The first session in the console's next lists that is offered to this operator. */
    static JsonObject nextOffer(ChatClient console) throws InterruptedException {
        while (true) {
            for (JsonObject s : console.nextOfType("sessions", 25).getJsonArray("sessions")
                    .getValuesAs(JsonObject.class)) {
                if (s.getBoolean("offeredToMe")) {
                    return s;
                }
            }
        }
    }
}
