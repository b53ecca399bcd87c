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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The managers' reports on the real WAR, checked figure by figure against known data: sessions and
 * activation runs of February 2001 written straight into the database (no real flow can produce a past
 * date), and today's sessions through the real widget and console, whose recorded outcome and times the
 * reports must count. Runs on H2 and on PostgreSQL ({@code -Ppostgresql}): the same SQL serves both.
 */
@ExtendWith(ArquillianExtension.class)
class ReportsIT {

    private static final String REPORTS = "api/v1/admin/reports/";
    /** The known data's period: 1 to 3 February 2001, with nothing on the 2nd. */
    private static final String PERIOD = "from=2001-02-01&to=2001-02-03";
    private static final String OLGA = "operator";

    private static Authority root;

    @Deployment(testable = false)
    static WebArchive hub() {
        root = Authority.create("Support Hub Reports IT Root");
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
    void client() {
        hub = new HubClient(base);
        manager = System.getProperty("hub.it.manager").split(":", 2);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        open.clear();
        HubDatabaseQueries.closeOpenSessions();
    }

    // ---- requests -----------------------------------------------------------------------------------

    private HttpResponse<String> report(String pathAndQuery, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(hub.base.resolve(REPORTS + pathAndQuery))
                .header("Authorization", HubClient.basic(manager[0], manager[1])).GET();
        if (accept != null) {
            b.header("Accept", accept);
        }
        return hub.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonObject json(String pathAndQuery) throws Exception {
        HttpResponse<String> r = report(pathAndQuery, "application/json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return Json.parse(r.body());
    }

    private String csv(String pathAndQuery, String expectedFileName) throws Exception {
        HttpResponse<String> r = report(pathAndQuery, "text/csv");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(r.headers().firstValue("Content-Disposition").orElse(""))
                .isEqualTo("attachment; filename=\"" + expectedFileName + "\"");
        return r.body();
    }

    private String channelId(String language) throws Exception {
        HttpResponse<String> list = hub.getAs("api/v1/admin/open-channels", manager[0], manager[1]);
        return Json.parse("{\"a\":" + list.body() + "}").getJsonArray("a").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("language").equals(language)).findFirst().orElseThrow().getString("id");
    }

    // ---- known data ---------------------------------------------------------------------------------

    private static Timestamp at(String localDateTime) {
        return Timestamp.valueOf(localDateTime.replace('T', ' '));
    }

    /** Forgets what an earlier run of this class wrote for 2001 (the H2 file outlives a run). */
    private static void forget2001(Connection c) throws Exception {
        try (Statement s = c.createStatement()) {
            String sessions = "select id from support_session where asked_at < timestamp '2002-01-01 00:00:00'";
            s.executeUpdate("delete from support_session_offer where session_id in (" + sessions + ")");
            s.executeUpdate("delete from triage_correction where session_id in (" + sessions + ")");
            s.executeUpdate("delete from support_session where asked_at < timestamp '2002-01-01 00:00:00'");
            String runs = "select id from activation_report where started_at < timestamp '2002-01-01 00:00:00'";
            s.executeUpdate("delete from activation_check where report_id in (" + runs + ")");
            s.executeUpdate("delete from activation_report where started_at < timestamp '2002-01-01 00:00:00'");
        }
    }

    /** A session as the hub would have stored it, with its own conversation of {@code portalId}. */
    static void session(Connection c, String portalId, String channelId, String askedAt, String state,
                                String operator, String outcome, Long queueMillis, Long firstResponseMillis,
                                String vote, String comment, String closedAt, String area, String coverage,
                                boolean held, boolean sentAnyway) throws Exception {
        String conversation = UUID.randomUUID().toString();
        try (PreparedStatement p = c.prepareStatement("insert into conversation (id, portal_id, user_id, user_name, "
                + "last_seq, created_at, user_admin) values (?, ?, ?, 'Report Admin', 1, ?, true)")) {
            p.setString(1, conversation);
            p.setString(2, portalId);
            p.setString(3, "report-admin-" + conversation);
            p.setTimestamp(4, at(askedAt));
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("insert into support_session (id, conversation_id, open_key, "
                + "portal_id, channel_id, locale, state, operator, asked_at, first_seq, first_message, "
                + "last_activity_at, closed_at, vote, vote_comment, vote_requested, version, area, coverage, held, "
                + "queued_at, queue_millis, first_response_millis, sent_anyway, outcome) "
                + "values (?, ?, ?, ?, ?, 'en', ?, ?, ?, 1, 'A question', ?, ?, ?, ?, true, 1, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, UUID.randomUUID().toString());
            p.setString(2, conversation);
            p.setString(3, state.equals("CLOSED") ? null : conversation);
            p.setString(4, portalId);
            p.setString(5, channelId);
            p.setString(6, state);
            p.setString(7, operator);
            p.setTimestamp(8, at(askedAt));
            p.setTimestamp(9, at(askedAt));
            p.setTimestamp(10, closedAt == null ? null : at(closedAt));
            p.setString(11, vote);
            p.setString(12, comment);
            p.setString(13, area);
            p.setString(14, coverage);
            p.setBoolean(15, held);
            p.setTimestamp(16, at(askedAt));
            p.setObject(17, queueMillis);
            p.setObject(18, firstResponseMillis);
            p.setBoolean(19, sentAnyway);
            p.setString(20, outcome);
            p.executeUpdate();
        }
    }

    static void activation(Connection c, String portalId, String startedAt, String outcome, String errorCode,
                                   String... checks) throws Exception {
        String id = UUID.randomUUID().toString();
        try (PreparedStatement p = c.prepareStatement("insert into activation_report (id, portal_id, requested_by, "
                + "requested_by_name, started_at, finished_at, outcome, error_code) "
                + "values (?, ?, 'admin', 'Report Admin', ?, ?, ?, ?)")) {
            p.setString(1, id);
            p.setString(2, portalId);
            p.setTimestamp(3, at(startedAt));
            p.setTimestamp(4, at(startedAt));
            p.setString(5, outcome);
            p.setString(6, errorCode);
            p.executeUpdate();
        }
        // Each check: AREA (passed) or AREA:CODE (failed).
        for (int i = 0; i < checks.length; i++) {
            String[] check = checks[i].split(":");
            try (PreparedStatement p = c.prepareStatement("insert into activation_check (report_id, position, area, "
                    + "passed, code, millis) values (?, ?, ?, ?, ?, 12)")) {
                p.setString(1, id);
                p.setInt(2, i);
                p.setString(3, check[0]);
                p.setBoolean(4, check.length == 1);
                p.setString(5, check.length == 1 ? null : check[1]);
                p.executeUpdate();
            }
        }
    }

    /**
     * February 2001: seven sessions in the period (four on the 1st in the English channel, three on the 3rd in
     * the Polish one), one just before and one just after it, and five activation runs of three portals.
     */
    private void knownData(String en, String pl) throws Exception {
        String portal = hub.registerPortal("en").id();
        String p2 = hub.registerPortal("en").id();
        String p3 = hub.registerPortal("en").id();
        try (Connection c = HubDatabase.connect()) {
            forget2001(c);
            session(c, portal, en, "2001-02-01T09:00:00", "CLOSED", "rep-a", "ANSWERED", 1000L, 5000L, "LIKE",
                    "Great, thanks!", "2001-02-01T12:00:00", "LICENSING", "COVERED", false, false);
            session(c, portal, en, "2001-02-01T10:00:00", "CLOSED", "rep-a", "ANSWERED", 3000L, 9000L, "DISLIKE",
                    "=HYPERLINK(\"http://evil\")", "2001-02-01T13:00:00", "LICENSING", "COVERED", false, false);
            session(c, portal, en, "2001-02-01T11:00:00", "CLOSED", "rep-b", "AUTO_CLOSED", 2000L, 4000L, "LIKE",
                    null, "2001-02-01T14:00:00", "INSTALLATION", "LIMITED", false, false);
            session(c, portal, en, "2001-02-01T23:59:59", "CLOSED", null, "MISSED", null, null, null, null,
                    "2001-02-02T08:00:00", "INTEGRATION", "NOT_COVERED", true, false);
            session(c, portal, pl, "2001-02-03T00:00:00", "CLOSED", "rep-b", "CLOSED_BY_ADMINISTRATOR", 4000L, null,
                    "DISLIKE", "Too slow, \"really\"\nsecond line", "2001-02-03T15:00:00", "INTEGRATION",
                    "NOT_COVERED", false, true);
            session(c, portal, pl, "2001-02-03T09:00:00", "ANSWERED", "rep-a", null, 10000L, 20000L, null, null, null,
                    null, null, false, false);
            session(c, portal, pl, "2001-02-03T10:00:00", "CLOSED", null, null, null, null, null, null,
                    "2001-02-03T11:00:00", null, null, false, false);
            // Just outside the period, on both sides.
            session(c, portal, en, "2001-01-31T23:59:59", "CLOSED", "rep-a", "ANSWERED", 1L, 1L, "LIKE", "Before",
                    "2001-02-01T00:30:00", "LICENSING", "COVERED", false, false);
            session(c, portal, en, "2001-02-04T00:00:00", "CLOSED", "rep-a", "ANSWERED", 1L, 1L, "LIKE", "After",
                    "2001-02-04T00:30:00", "LICENSING", "COVERED", false, false);

            activation(c, portal, "2001-02-01T08:00:00", "CONNECTED", null, "LICENSE", "PUBLIC_ADDRESS");
            activation(c, p2, "2001-02-01T09:00:00", "FAILED", null, "PUBLIC_ADDRESS",
                    "LICENSE:LICENSE_EXPIRED", "HUB_REACHES_PORTAL:TLS_UNTRUSTED");
            activation(c, p2, "2001-02-03T09:00:00", "FAILED", null, "LICENSE:LICENSE_EXPIRED");
            activation(c, p3, "2001-02-03T10:00:00", "FAILED", null, "LICENSE:LICENSE_EXPIRED");
            activation(c, portal, "2001-02-03T11:00:00", "FAILED", "ACTIVATION_INTERRUPTED");
            activation(c, p3, "2001-02-04T00:00:00", "FAILED", null, "LICENSE:LICENSE_EXPIRED");
        }
    }

    private static JsonObject day(JsonObject report, int index, String date) {
        JsonObject d = report.getJsonArray("days").getJsonObject(index);
        assertThat(d.getString("date")).isEqualTo(date);
        return d;
    }

    private static void outcomes(JsonObject o, int answered, int missed, int byAdministrator, int autoClosed,
                                 int notRecorded, int open, int total) {
        assertThat(List.of(o.getInt("answered"), o.getInt("missed"), o.getInt("closedByAdministrator"),
                o.getInt("autoClosed"), o.getInt("notRecorded"), o.getInt("open"), o.getInt("total")))
                .as(o.toString()).containsExactly(answered, missed, byAdministrator, autoClosed, notRecorded, open,
                        total);
    }

    private static void durations(JsonObject d, int count, Integer median, Integer p90) {
        assertThat(d.getInt("count")).as(d.toString()).isEqualTo(count);
        if (median == null) {
            assertThat(d.containsKey("medianMillis") && !d.isNull("medianMillis")).as(d.toString()).isFalse();
            assertThat(d.containsKey("p90Millis") && !d.isNull("p90Millis")).as(d.toString()).isFalse();
        } else {
            assertThat(d.getInt("medianMillis")).as(d.toString()).isEqualTo(median);
            assertThat(d.getInt("p90Millis")).as(d.toString()).isEqualTo(p90);
        }
    }

    // ---- the tests ----------------------------------------------------------------------------------

    @Test
    void everyReportCountsTheKnownDataExactlyWithItsFiltersAndAsCsv() throws Exception {
        String en = channelId("en");
        String pl = channelId("pl");
        knownData(en, pl);

        // 1. Sessions per day by outcome.
        JsonObject sessions = json("sessions?" + PERIOD);
        assertThat(sessions.getJsonObject("period").getString("from")).isEqualTo("2001-02-01");
        assertThat(sessions.getJsonArray("days")).hasSize(3);
        outcomes(day(sessions, 0, "2001-02-01"), 2, 1, 0, 1, 0, 0, 4);
        outcomes(day(sessions, 1, "2001-02-02"), 0, 0, 0, 0, 0, 0, 0);
        outcomes(day(sessions, 2, "2001-02-03"), 0, 0, 1, 0, 1, 1, 3);
        outcomes(sessions.getJsonObject("totals"), 2, 1, 1, 1, 1, 1, 7);
        outcomes(json("sessions?" + PERIOD + "&channel=" + en).getJsonObject("totals"), 2, 1, 0, 1, 0, 0, 4);
        JsonObject ofA = json("sessions?" + PERIOD + "&operator=rep-a");
        outcomes(ofA.getJsonObject("totals"), 2, 0, 0, 0, 0, 1, 3);
        assertThat(ofA.getJsonObject("period").getString("operator")).isEqualTo("rep-a");
        outcomes(json("sessions?" + PERIOD + "&channel=" + pl + "&operator=rep-b").getJsonObject("totals"),
                0, 0, 1, 0, 0, 0, 1);
        assertThat(csv("sessions?" + PERIOD, "sessions-2001-02-01-2001-02-03.csv")).isEqualTo(
                "date,answered,missed,closed_by_administrator,auto_closed,not_recorded,open,total\r\n"
                        + "2001-02-01,2,1,0,1,0,0,4\r\n"
                        + "2001-02-02,0,0,0,0,0,0,0\r\n"
                        + "2001-02-03,0,0,1,0,1,1,3\r\n"
                        + "total,2,1,1,1,1,1,7\r\n");

        // 2. Queue and first-response times, nearest-rank median and 90th percentile.
        JsonObject times = json("response-times?" + PERIOD);
        durations(day(times, 0, "2001-02-01").getJsonObject("queue"), 3, 2000, 3000);
        durations(day(times, 0, "2001-02-01").getJsonObject("firstResponse"), 3, 5000, 9000);
        durations(day(times, 1, "2001-02-02").getJsonObject("queue"), 0, null, null);
        durations(day(times, 2, "2001-02-03").getJsonObject("queue"), 2, 4000, 10000);
        durations(day(times, 2, "2001-02-03").getJsonObject("firstResponse"), 1, 20000, 20000);
        durations(times.getJsonObject("whole").getJsonObject("queue"), 5, 3000, 10000);
        durations(times.getJsonObject("whole").getJsonObject("firstResponse"), 4, 5000, 20000);
        durations(json("response-times?" + PERIOD + "&operator=rep-a").getJsonObject("whole")
                .getJsonObject("queue"), 3, 3000, 10000);
        assertThat(csv("response-times?format=csv&" + PERIOD + "&channel=" + en,
                "response-times-2001-02-01-2001-02-03-channel-" + en + ".csv")).isEqualTo(
                "date,queue_count,queue_median_ms,queue_p90_ms,first_response_count,first_response_median_ms,"
                        + "first_response_p90_ms\r\n"
                        + "2001-02-01,3,2000,3000,3,5000,9000\r\n"
                        + "2001-02-02,0,,,0,,\r\n"
                        + "2001-02-03,0,,,0,,\r\n"
                        + "period,3,2000,3000,3,5000,9000\r\n");

        // 3. Satisfaction and its comments.
        JsonObject csat = json("csat?" + PERIOD);
        assertThat(List.of(csat.getInt("likes"), csat.getInt("dislikes"), csat.getInt("votes")))
                .containsExactly(2, 2, 4);
        assertThat(csat.getJsonNumber("likeShare").doubleValue()).isEqualTo(0.5);
        assertThat(day(csat, 0, "2001-02-01").getInt("likes")).isEqualTo(2);
        assertThat(day(csat, 0, "2001-02-01").getInt("dislikes")).isEqualTo(1);
        assertThat(day(csat, 2, "2001-02-03").getInt("dislikes")).isEqualTo(1);
        JsonObject csatOfB = json("csat?" + PERIOD + "&operator=rep-b");
        assertThat(csatOfB.getJsonNumber("likeShare").doubleValue()).isEqualTo(0.5);
        assertThat(json("csat?from=2001-02-02&to=2001-02-02").containsKey("likeShare")).as("no votes, no share")
                .isFalse();
        assertThat(csv("csat?" + PERIOD + "&format=csv", "csat-2001-02-01-2001-02-03.csv")).isEqualTo(
                "date,likes,dislikes,votes,like_share\r\n"
                        + "2001-02-01,2,1,3,0.6667\r\n"
                        + "2001-02-02,0,0,0,\r\n"
                        + "2001-02-03,0,1,1,0.0000\r\n"
                        + "total,2,2,4,0.5000\r\n");

        JsonObject page0 = json("csat/comments?" + PERIOD + "&size=2");
        assertThat(page0.getInt("total")).isEqualTo(3);
        JsonArray first = page0.getJsonArray("comments");
        assertThat(first.getValuesAs(JsonObject.class)).extracting(o -> o.getString("comment"))
                .containsExactly("Too slow, \"really\"\nsecond line", "=HYPERLINK(\"http://evil\")");
        assertThat(first.getJsonObject(0).getString("vote")).isEqualTo("dislike");
        assertThat(first.getJsonObject(0).getString("operator")).isEqualTo("rep-b");
        assertThat(first.getJsonObject(0).getString("channelId")).isEqualTo(pl);
        assertThat(first.getJsonObject(0).getString("closedAt")).startsWith("2001-02-03T");
        JsonObject page1 = json("csat/comments?" + PERIOD + "&size=2&page=1");
        assertThat(page1.getJsonArray("comments").getValuesAs(JsonObject.class)).extracting(o -> o.getString("comment"))
                .containsExactly("Great, thanks!");
        String comments = csv("csat/comments?" + PERIOD + "&size=2", "csat-comments-2001-02-01-2001-02-03.csv");
        String[] lines = comments.split("\r\n", -1);
        assertThat(lines[0]).isEqualTo("session_id,asked_at,closed_at,vote,comment,operator,channel_id,portal_id");
        assertThat(comments).contains(",dislike,\"Too slow, \"\"really\"\"\nsecond line\",rep-b," + pl + ",");
        assertThat(comments).as("a formula is defused and quoted")
                .contains(",dislike,\"'=HYPERLINK(\"\"http://evil\"\")\",rep-a," + en + ",");
        assertThat(comments).endsWith("\r\n").doesNotContain("Great, thanks!");

        // 4. Triage.
        JsonObject triage = json("triage?" + PERIOD);
        assertThat(triage.getJsonArray("rows").getValuesAs(JsonObject.class)).extracting(
                r -> r.getString("area", "-") + "/" + r.getString("coverage", "-") + " " + r.getInt("sessions") + " "
                        + r.getInt("held") + " " + r.getInt("sentAnyway"))
                .containsExactly("INSTALLATION/LIMITED 1 0 0", "INTEGRATION/NOT_COVERED 2 2 1",
                        "LICENSING/COVERED 2 0 0", "-/- 2 0 0");
        JsonObject totals = triage.getJsonObject("totals");
        assertThat(List.of(totals.getInt("sessions"), totals.getInt("held"), totals.getInt("sentAnyway")))
                .containsExactly(7, 2, 1);
        assertThat(csv("triage?" + PERIOD + "&channel=" + pl, "triage-2001-02-01-2001-02-03-channel-" + pl + ".csv"))
                .isEqualTo("area,coverage,sessions,held_not_covered,sent_anyway\r\n"
                        + "INTEGRATION,NOT_COVERED,1,1,1\r\n"
                        + ",,2,0,0\r\n"
                        + "total,,3,1,1\r\n");

        // 5. Activation: attempts and the checks that failed most.
        JsonObject activation = json("activation?" + PERIOD);
        assertThat(List.of(activation.getInt("attempts"), activation.getInt("connected"), activation.getInt("failed"),
                activation.getInt("portals"), activation.getInt("running"))).containsExactly(5, 1, 4, 3, 0);
        JsonObject first1 = day(activation, 0, "2001-02-01");
        assertThat(List.of(first1.getInt("attempts"), first1.getInt("connected"), first1.getInt("failed")))
                .containsExactly(2, 1, 1);
        assertThat(day(activation, 1, "2001-02-02").getInt("attempts")).isZero();
        assertThat(day(activation, 2, "2001-02-03").getInt("failed")).isEqualTo(3);
        assertThat(activation.getJsonArray("failingChecks").getValuesAs(JsonObject.class)).extracting(
                c -> c.getString("area") + ":" + c.getString("code") + " " + c.getInt("failures") + " "
                        + c.getInt("portals"))
                .containsExactly("LICENSE:LICENSE_EXPIRED 3 2", "HUB_REACHES_PORTAL:TLS_UNTRUSTED 1 1");
        assertThat(activation.getJsonArray("runErrors").getValuesAs(JsonObject.class)).extracting(
                e -> e.getString("code") + " " + e.getInt("attempts")).containsExactly("ACTIVATION_INTERRUPTED 1");
        assertThat(csv("activation?" + PERIOD, "activation-2001-02-01-2001-02-03.csv")).isEqualTo(
                "kind,area,code,failures,portals\r\n"
                        + "check,LICENSE,LICENSE_EXPIRED,3,2\r\n"
                        + "check,HUB_REACHES_PORTAL,TLS_UNTRUSTED,1,1\r\n"
                        + "run,,ACTIVATION_INTERRUPTED,1,\r\n");
    }

    @Test
    void sessionsThroughTheRealFlowsAreCountedByTheirRecordedOutcome() throws Exception {
        HubDatabaseQueries.closeOpenSessions();
        String en = channelId("en");
        SupportFixtures.englishChannel(hub, "STRICT", 30, 5, OLGA);
        String today = LocalDate.now().toString();
        String scope = "from=" + today + "&to=" + today + "&channel=" + en;
        JsonObject before = json("sessions?" + scope).getJsonObject("totals");
        JsonObject beforeOfOlga = json("response-times?" + scope + "&operator=" + OLGA).getJsonObject("whole");

        ChatClient console = SupportFixtures.console(hub, OLGA, "ONLINE");
        open.add(console);
        ChatClient admin = SupportFixtures.connectedAdministrator(hub, root, open);

        // Answered: asked, offered, accepted, answered, closed by the operator.
        admin.message("How do I renew my licence key?");
        String answered = SupportFixtures.nextOffer(console).getString("sessionId");
        console.frame("accept", "sessionId", answered);
        admin.until(f -> ChatClient.type(f, "session") && "ASSIGNED".equals(f.getString("state")));
        console.frame("message", "sessionId", answered, "clientMsgId", UUID.randomUUID().toString(), "text",
                "Open Administration, then Licence.");
        admin.until(f -> ChatClient.type(f, "session") && "ANSWERED".equals(f.getString("state")));
        console.frame("close", "sessionId", answered);
        admin.until(f -> ChatClient.type(f, "session") && "CLOSED".equals(f.getString("state")));

        // Closed by the administrator: asked again, then ended from the widget while still offered.
        admin.message("The installation stops at the database step");
        String ended = SupportFixtures.nextOffer(console).getString("sessionId");
        admin.send("{\"type\":\"command\",\"name\":\"end-session\"}");
        admin.until(f -> ChatClient.type(f, "message")
                && f.getString("text").startsWith("You ended the support session."));

        assertThat(HubDatabase.count("select count(*) from support_session where id = ? and outcome = 'ANSWERED' "
                + "and queue_millis is not null and first_response_millis >= queue_millis", answered)).isEqualTo(1);
        assertThat(HubDatabase.count("select count(*) from support_session where id = ? and state = 'CLOSED' "
                + "and outcome = 'CLOSED_BY_ADMINISTRATOR' and operator is null", ended)).isEqualTo(1);

        JsonObject after = json("sessions?" + scope).getJsonObject("totals");
        assertThat(after.getInt("answered")).isEqualTo(before.getInt("answered") + 1);
        assertThat(after.getInt("closedByAdministrator")).isEqualTo(before.getInt("closedByAdministrator") + 1);
        assertThat(after.getInt("total")).isEqualTo(before.getInt("total") + 2);
        JsonObject afterOfOlga = json("response-times?" + scope + "&operator=" + OLGA).getJsonObject("whole");
        assertThat(afterOfOlga.getJsonObject("firstResponse").getInt("count"))
                .isEqualTo(beforeOfOlga.getJsonObject("firstResponse").getInt("count") + 1);
    }

    @Test
    void onlyManagersReadReportsAndBadPeriodsAreRefusedAsProblems() throws Exception {
        HttpResponse<String> anonymous = hub.get(REPORTS + "sessions?" + PERIOD);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        for (String path : List.of("sessions", "response-times", "csat", "csat/comments", "triage", "activation")) {
            HttpResponse<String> operator = hub.getAs(REPORTS + path + "?" + PERIOD, OLGA, SupportFixtures.PASSWORD);
            assertThat(operator.statusCode()).as(path).isEqualTo(403);
            assertThat(operator.headers().firstValue("Content-Type").orElse(""))
                    .startsWith("application/problem+json");
        }

        bad("sessions", "from", "is required");
        bad("sessions?from=2001-02-01", "to", "is required");
        bad("csat?from=2001-02-30&to=2001-03-01", "from", "ISO date");
        bad("triage?from=01.02.2001&to=2001-03-01", "from", "ISO date");
        bad("response-times?from=2001-03-01&to=2001-02-01", "to", "before");
        bad("activation?from=2001-01-01&to=2002-01-02", "to", "366 days");
        bad("sessions?" + PERIOD + "&format=xml", "format", "csv");
        bad("sessions?" + PERIOD + "&operator=no%20spaces", "operator", "username");
        bad("csat/comments?" + PERIOD + "&size=0", "size", "");
        bad("csat/comments?" + PERIOD + "&size=1001", "size", "");
        assertThat(report("sessions?from=2001-01-01&to=2001-12-31", null).statusCode())
                .as("365 days are allowed").isEqualTo(200);
    }

    private void bad(String pathAndQuery, String field, String message) throws Exception {
        HttpResponse<String> r = report(pathAndQuery, null);
        assertThat(r.statusCode()).as(pathAndQuery + ": " + r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonObject problem = Json.parse(r.body());
        assertThat(problem.getJsonArray("errors").getValuesAs(JsonObject.class))
                .as(r.body()).anySatisfy(e -> {
                    assertThat(e.getString("field")).isEqualTo(field);
                    assertThat(e.getString("message")).contains(message);
                });
    }
}
