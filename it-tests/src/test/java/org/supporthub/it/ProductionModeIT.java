package org.supporthub.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hub with no mode set is in production mode: no demo, no demo token signer, and the portal API,
 * which carries portal secrets, refuses plain HTTP.
 */
@ExtendWith(ArquillianExtension.class)
class ProductionModeIT {

    @Deployment(testable = false)
    @TargetsContainer("production")
    static WebArchive hub() {
        return HubDeployment.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void productionHasNoDemoAndServesThePortalApiOverHttpsOnly() throws Exception {
        HubClient hub = new HubClient(base);
        assertThat(Json.parse(hub.get("api/v1/info").body()).getString("mode")).isEqualTo("production");
        assertThat(hub.get("demo/api/token?user=admin").statusCode()).isEqualTo(404);

        HttpResponse<String> register = hub.post("api/v1/portal/register", """
                {"name": "P", "publicAddress": "https://p.example.com", "licenseKey": "K",
                 "productVersion": "24.1.0", "locale": "en"}""");
        assertThat(register.statusCode()).isEqualTo(403);
        assertThat(register.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonObject problem = Json.parse(register.body());
        assertThat(problem.getString("type")).endsWith("https-required");
        assertThat(register.body()).doesNotContain("portalSecret");
        assertThat(hub.put("api/v1/portal/00000000-0000-4000-8000-000000000000/support-channel",
                "{\"enabled\":true}", "x", "y").statusCode()).isEqualTo(403);

        // Every other door that takes credentials refuses plain HTTP too, before it looks at them: the
        // right manager password over HTTP is refused exactly like a wrong one.
        String[] manager = System.getProperty("hub.it.manager").split(":", 2);
        for (HttpResponse<String> plain : List.of(
                hub.getAs("api/v1/admin/open-channels", manager[0], manager[1]),
                hub.getAs("api/v1/admin/open-channels", manager[0], "wrong-password-here"),
                SupportFixtures.login(hub, manager[0], manager[1]),
                hub.http.send(java.net.http.HttpRequest.newBuilder(hub.base.resolve("api/v1/triage"))
                        .header("Authorization", HubClient.basic(manager[0], manager[1]))
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"text\":\"hi\",\"locale\":\"en\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString()))) {
            assertThat(plain.statusCode()).as(plain.body()).isEqualTo(403);
            assertThat(plain.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(Json.parse(plain.body()).getString("type")).endsWith("https-required");
        }

        try (Connection c = DriverManager.getConnection(System.getProperty("hub.it.production.db.url"), "hub", "hub");
             ResultSet portals = c.createStatement().executeQuery("select count(*) from portal");
             ResultSet staff = c.createStatement().executeQuery("select username, roles, password_hash from staff_account")) {
            portals.next();
            assertThat(portals.getLong(1)).as("no demo portal").isZero();
            // No demo operator; only the first manager from SUPPORT_HUB_BOOTSTRAP_MANAGER.
            assertThat(staff.next()).isTrue();
            assertThat(staff.getString("username")).isEqualTo(System.getProperty("hub.it.manager").split(":")[0]);
            assertThat(staff.getString("roles")).isEqualTo("manager");
            assertThat(staff.getString("password_hash")).as("OWASP's work factor")
                    .startsWith("PBKDF2WithHmacSHA256:600000:");
            assertThat(staff.next()).as("no demo staff").isFalse();
        }
    }
}
