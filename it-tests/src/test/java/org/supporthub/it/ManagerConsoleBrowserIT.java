package org.supporthub.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.supporthub.it.TlsFixtures.Authority;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A support manager runs the hub from the console's management area, in Chromium: portals (their data,
 * filters, re-check now), an open channel created and edited (with the hub's error shown at its field),
 * a staff account created, given the manager role and disabled, who is online, a licence issued, copied
 * and listed; the same pages in Polish. An operator signs in to the same console and sees no management
 * area. The Reports page shows known figures (of March 1999, written into the database) in its tables and
 * charts, filtered, as CSV, with a bad period refused at its field. On the policy and triage page, a manager
 * accepts an operator's correction as a training example (and triage learns it on the running hub),
 * dismisses others, and sees a correction decided meanwhile refused clearly. Saves the screenshots the
 * README shows.
 */
@ExtendWith(ArquillianExtension.class)
class ManagerConsoleBrowserIT {

    private static Authority root;

    @Deployment(testable = false)
    static WebArchive hub() {
        // The triage test needs connected portals (a real activation), whose sites this root certifies.
        root = Authority.create("Support Hub Manager Console IT Root");
        try {
            root.writePem(Path.of(System.getProperty("hub.it.trusted-roots")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HubDeployment.war();
    }

    @ArquillianResource
    URL base;

    private final List<ChromeDriver> drivers = new ArrayList<>();
    private final List<AutoCloseable> open = new ArrayList<>();
    private ChromeDriver driver;

    @AfterEach
    void quit() throws Exception {
        drivers.forEach(ChromeDriver::quit);
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private ChromeDriver browser() throws Exception {
        ChromeDriver d = Browser.start();
        drivers.add(d);
        return d;
    }

    private WebDriverWait waiting() {
        // The pages re-render after each answer of the hub: an element found a moment ago may be replaced.
        return (WebDriverWait) new WebDriverWait(driver, Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class);
    }

    /** The first visible element for the selector, waited for. */
    private WebElement el(String css) {
        return waiting().until(d -> d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed)
                .findFirst().orElse(null));
    }

    /** An attribute of the first visible match, read again if the page re-rendered meanwhile. */
    private String attr(String css, String name) {
        return waiting().until(d -> {
            WebElement e = el(css);
            String v = e.getAttribute(name);
            return v == null ? "" : v;
        });
    }

    /** The text of the first visible match, read again if the page re-rendered meanwhile. */
    private String text(String css) {
        return waiting().until(d -> el(css).getText());
    }

    private boolean shown(String css) {
        return driver.findElements(By.cssSelector(css)).stream().anyMatch(WebElement::isDisplayed);
    }

    private void signIn(String user, String password) {
        driver.get(base.toString() + "console/");
        el("#login-username").sendKeys(user);
        el("#login-password").sendKeys(password);
        el("#login-submit").click();
        el("#operator-name");
    }

    private void page(String id) {
        el("#manage-nav-" + id).click();
        waiting().until(d -> id.equals(d.findElement(By.id("manage-page")).getAttribute("data-page")));
        // Loaded: its list (or the note that it is empty) is there.
        el("#manage-page .m-table-wrap, #manage-page .m-empty");
    }

    private void type(WebElement input, String text) {
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
    }

    @Test
    void aManagerRunsTheHubFromTheConsoleAndAnOperatorDoesNotSeeIt() throws Exception {
        HubClient hub = new HubClient(base);
        String[] manager = System.getProperty("hub.it.manager").split(":", 2);
        // A portal whose activation failed (a made-up address and licence), and an operator at their console.
        HubClient.Portal portal = hub.registerEnabledPortal("en");
        String host = portal.origin().substring("https://".length());
        try (ChatClient chat = ChatClient.connect(hub, portal.origin())) {
            chat.hello(HubClient.adminToken(portal, "mgr-ui"), null);
            chat.nextOfType("welcome");
            chat.send("{\"type\":\"command\",\"name\":\"activate\"}");
            chat.until(f -> ChatClient.type(f, "message") && f.containsKey("actions")
                    && f.getString("text").length() > 0 && !f.getString("text").startsWith("Hello"));
        }
        open.add(SupportFixtures.console(hub, "operator2", "ONLINE"));

        // An operator: the sessions area only; no switch, no management pages.
        driver = browser();
        signIn("operator", "support-demo");
        el("#sessions-area");
        Thread.sleep(500);
        assertThat(shown("#area-switch")).isFalse();
        assertThat(shown("#manage")).isFalse();
        assertThat(driver.findElements(By.cssSelector("#manage-page *"))).isEmpty();
        assertThat(text(".topbar-brand")).isEqualTo("Support Hub \u00b7 Agent console");
        el("#logout").click();
        el("#login-username");

        // A manager (not an operator): the management area only.
        signIn(manager[0], manager[1]);
        el("#manage");
        assertThat(shown("#sessions-area")).isFalse();
        assertThat(shown("#status-select")).isFalse();
        // English for the checks below, whatever language an earlier run left on this account.
        new Select(el("#locale-select")).selectByValue("en");
        waiting().until(d -> d.findElement(By.id("manage-nav-portals")).getText().equals("Portals"));
        // Not an agent console for someone who answers no sessions.
        assertThat(text(".topbar-brand")).isEqualTo("Support Hub \u00b7 Management");

        // ---- Portals: the data, the filters, re-check now ----
        page("portals");
        type(el("#portal-search"), host);
        el("#portal-search-submit").click();
        String rowCss = "tr[data-portal-id='" + portal.id() + "']";
        waiting().until(d -> d.findElements(By.cssSelector("#manage-page tbody tr")).size() == 1
                && !d.findElements(By.cssSelector(rowCss)).isEmpty());
        assertThat(attr(rowCss, "data-state")).isEqualTo("INSTALLED");
        assertThat(text(rowCss)).contains(host, "Installed", "invalid", "24.100.0", "failed", "Licence: LICENSE_INVALID");
        new Select(el("#portal-failing")).selectByValue("UPDATES");
        waiting().until(d -> d.findElements(By.cssSelector("tr[data-portal-id='" + portal.id() + "']")).isEmpty());
        new Select(el("#portal-failing")).selectByValue("LICENSE");
        el("tr[data-portal-id='" + portal.id() + "']");
        new Select(el("#portal-state")).selectByValue("CONNECTED");
        waiting().until(d -> d.findElements(By.cssSelector("tr[data-portal-id='" + portal.id() + "']")).isEmpty());
        new Select(el("#portal-state")).selectByValue("");
        el("tr[data-portal-id='" + portal.id() + "'] .portal-open").click();
        assertThat(text("#portal-detail[data-portal-id='" + portal.id() + "']")).contains("Checks of the latest activation", "LICENSE_INVALID", "No support sessions yet.",
                "Conversation with");
        el("#portal-recheck").click();
        assertThat(attr("#recheck-result", "data-passed")).isEqualTo("false");
        assertThat(attr("#recheck-result tr[data-area]:nth-child(1)", "data-area")).isEqualTo("LICENSE");
        assertThat(attr("#recheck-result tr[data-area]:nth-child(2)", "data-area")).isEqualTo("PUBLIC_ADDRESS");
        waiting().until(d -> d.findElement(By.id("manage-notice")).getText().contains("Re-check failed"));
        Path portalsShot = Browser.screenshot(driver, "manage-portals.png");
        assertThat(Files.size(portalsShot)).isGreaterThan(10_000);

        // ---- Open channels: create (an error at its field first), then edit ----
        String channel = "Zz night desk " + UUID.randomUUID().toString().substring(0, 6);
        page("channels");
        el("#channel-new").click();
        type(el("#channel-name"), channel);
        new Select(el("#channel-language")).selectByValue("en");
        el("#channel-enabled").click(); // stored switched off: the other tests' routing stays as it is
        type(el("#channel-time-zone"), "Mars/Olympus");
        new Select(el("#channel-operator-pick")).selectByValue("operator");
        el("#channel-operator-add").click();
        el("#channel-operators li[data-operator='operator']");
        new Select(el("#channel-operator-pick")).selectByValue("operator2");
        el("#channel-operator-add").click();
        el("#channel-operators li[data-operator='operator2']");
        el("#channel-canned-add").click();
        el("#channel-canned .m-canned input").sendKeys("Greeting");
        el("#channel-canned .m-canned textarea").sendKeys("Good evening, how can we help?");
        el("#channel-days-off").sendKeys("2026-12-24\n2026-12-25");
        el("#channel-save").click();
        assertThat(text("[data-error-for='timeZone']")).isEqualTo("must be a time zone such as Europe/Warsaw");
        assertThat(el("#channel-time-zone").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("channel-time-zone");
        Path channelsShot = Browser.screenshot(driver, "manage-channels.png");
        assertThat(Files.size(channelsShot)).isGreaterThan(10_000);
        type(el("#channel-time-zone"), "Europe/Warsaw");
        el("#channel-save").click();
        assertThat(text("tr[data-name='" + channel + "']")).contains("Strict order", "operator, operator2", "Europe/Warsaw");
        el("tr[data-name='" + channel + "'] .channel-edit").click();
        assertThat(el("#channel-name").getAttribute("value")).isEqualTo(channel);
        assertThat(el("#channel-days-off").getAttribute("value")).contains("2026-12-24", "2026-12-25");
        assertThat(el("#channel-canned .m-canned input").getAttribute("value")).isEqualTo("Greeting");
        // operator2 first, then EVENLY with a capacity of 5.
        el("#channel-operators li[data-operator='operator2'] button").click();
        waiting().until(d -> d.findElement(By.cssSelector("#channel-operators li")).getAttribute("data-operator")
                .equals("operator2"));
        new Select(el("#channel-routing")).selectByValue("EVENLY");
        type(el("#channel-capacity"), "5");
        el("#channel-save").click();
        waiting().until(d -> d.findElements(By.id("channel-form")).isEmpty());
        assertThat(text("tr[data-name='" + channel + "']")).contains("Evenly", "5", "operator2, operator");

        // ---- Staff: who is online; an account created, made a manager, disabled ----
        page("staff");
        assertThat(text("#staff-online tr[data-username='operator2']")).contains("Online");
        String user = "it-" + UUID.randomUUID().toString().substring(0, 8);
        el("#staff-username").sendKeys(user);
        el("#staff-display-name").sendKeys("Ida Tester");
        el("#staff-password").sendKeys("short");
        el("#staff-create-submit").click();
        assertThat(el("#staff-create [data-error-for='password']").getText()).isNotBlank();
        type(el("#staff-password"), "amber-harbour-" + UUID.randomUUID());
        el("#staff-create-submit").click();
        assertThat(attr("#staff-list tr[data-username='" + user + "']", "data-roles")).isEqualTo("operator");
        el("#staff-list tr[data-username='" + user + "'] .staff-manage").click();
        el("#staff-roles-form input[value='manager']").click();
        el("#staff-roles-save").click();
        waiting().until(d -> d.findElement(By.cssSelector("#staff-list tr[data-username='" + user + "']"))
                .getAttribute("data-roles").equals("manager operator"));
        el("#staff-disable").click();
        waiting().until(d -> d.findElement(By.cssSelector("#staff-list tr[data-username='" + user + "']"))
                .getAttribute("data-enabled").equals("false"));
        assertThat(el("#manage-notice").getText()).contains("was disabled");
        el("#staff-enable");
        Path staffShot = Browser.screenshot(driver, "manage-staff.png");
        assertThat(Files.size(staffShot)).isGreaterThan(10_000);

        // ---- Licences: issue one, copy the key, see it listed ----
        page("licences");
        String domain = "portal-" + UUID.randomUUID().toString().substring(0, 6) + ".customer.example";
        el("#licence-licensee").sendKeys("Customer Ltd");
        el("#licence-domain").sendKeys(domain);
        driver.executeScript("arguments[0].value = arguments[1]", el("#licence-expires"),
                LocalDate.now().plusYears(1).toString());
        el("#licence-issue").click();
        assertThat(attr("#licence-key", "value")).startsWith("SHL1.");
        el("#licence-key-copy").click();
        waiting().until(d -> d.findElement(By.id("manage-notice")).getText().contains("copied to the clipboard"));
        assertThat(text("#licence-list tr[data-domain='" + domain + "']")).contains("Customer Ltd", "commercial", manager[0]);
        Path licencesShot = Browser.screenshot(driver, "manage-licences.png");
        assertThat(Files.size(licencesShot)).isGreaterThan(10_000);

        // ---- The management area speaks Polish when the manager picks it (and English again after) ----
        new Select(el("#locale-select")).selectByValue("pl");
        waiting().until(d -> d.findElement(By.id("manage-nav-portals")).getText().equals("Portale"));
        assertThat(text("#manage-page h2")).isEqualTo("Licencje");
        assertThat(text("#licence-form")).contains("Wystaw licencję", "Ważna do");
        assertThat(driver.findElement(By.id("area-switch")).getAttribute("aria-label")).isEqualTo("Obszar konsoli");
        new Select(el("#locale-select")).selectByValue("en");
        waiting().until(d -> d.findElement(By.id("manage-nav-portals")).getText().equals("Portals"));
    }

    // ---- Reports ----------------------------------------------------------------------------------------

    /** The known data's period: 1 to 3 March 1999, with nothing on the 2nd (ReportsIT keeps to 2001). */
    private static final String FROM = "1999-03-01";
    private static final String TO = "1999-03-03";

    private String channelId(HubClient hub, String[] manager, String language) throws Exception {
        String list = hub.getAs("api/v1/admin/open-channels", manager[0], manager[1]).body();
        return Json.parse("{\"a\":" + list + "}").getJsonArray("a").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("language").equals(language)).findFirst().orElseThrow().getString("id");
    }

    /**
     * Five sessions (three on the 1st in the English channel, two on the 3rd in the Polish one) and three
     * activation runs of two portals, as the hub would have stored them; an earlier run's rows go first.
     */
    private void knownReportData(HubClient hub, String en, String pl) throws Exception {
        String p1 = hub.registerPortal("en").id();
        String p2 = hub.registerPortal("en").id();
        try (Connection c = HubDatabase.connect(); Statement s = c.createStatement()) {
            String range = " between timestamp '1999-01-01 00:00:00' and timestamp '1999-12-31 23:59:59'";
            String sessions = "select id from support_session where asked_at" + range;
            s.executeUpdate("delete from support_session_offer where session_id in (" + sessions + ")");
            s.executeUpdate("delete from triage_correction where session_id in (" + sessions + ")");
            s.executeUpdate("delete from support_session where asked_at" + range);
            String runs = "select id from activation_report where started_at" + range;
            s.executeUpdate("delete from activation_check where report_id in (" + runs + ")");
            s.executeUpdate("delete from activation_report where started_at" + range);

            ReportsIT.session(c, p1, en, "1999-03-01T09:00:00", "CLOSED", "operator", "ANSWERED", 2000L, 6000L, "LIKE",
                    "Quick and clear", "1999-03-01T10:00:00", "INSTALLATION", "COVERED", false, false);
            ReportsIT.session(c, p1, en, "1999-03-01T10:00:00", "CLOSED", "operator2", "ANSWERED", 4000L, 8000L,
                    "DISLIKE", "Too slow", "1999-03-01T11:00:00", "INSTALLATION", "COVERED", false, false);
            ReportsIT.session(c, p1, en, "1999-03-01T11:00:00", "CLOSED", null, "MISSED", null, null, null, null,
                    "1999-03-01T12:00:00", "INTEGRATION", "NOT_COVERED", true, false);
            ReportsIT.session(c, p1, pl, "1999-03-03T09:00:00", "CLOSED", "operator", "CLOSED_BY_ADMINISTRATOR", 6000L,
                    null, "LIKE", null, "1999-03-03T10:00:00", "INTEGRATION", "NOT_COVERED", true, true);
            ReportsIT.session(c, p1, pl, "1999-03-03T10:00:00", "CLOSED", "operator2", "AUTO_CLOSED", 1000L, 3000L,
                    "LIKE", "Dzi\u0119kuj\u0119", "1999-03-03T12:00:00", "ERRORS", "LIMITED", false, false);

            ReportsIT.activation(c, p1, "1999-03-01T08:00:00", "CONNECTED", null, "LICENSE", "PUBLIC_ADDRESS");
            ReportsIT.activation(c, p2, "1999-03-01T09:00:00", "FAILED", null, "LICENSE:LICENSE_EXPIRED",
                    "HUB_REACHES_PORTAL:TLS_UNTRUSTED");
            ReportsIT.activation(c, p2, "1999-03-03T09:00:00", "FAILED", null, "LICENSE:LICENSE_EXPIRED");
        }
    }

    /** The text of a report table's cell: the row of a date (or "total", "whole", a triage "AREA/COVERAGE"). */
    private String cell(String report, String row, String column) {
        return text("#" + report + " tr[data-date='" + row + "'] [data-col='" + column + "']");
    }

    private void period(String from, String to) {
        driver.executeScript("for (const [id, v] of [['reports-from', arguments[0]], ['reports-to', arguments[1]]]) {"
                + " const e = document.getElementById(id); e.value = v; e.dispatchEvent(new Event('change')); }", from, to);
    }

    /** How many pixels of the canvas are painted (not transparent). */
    private long painted(String canvasId) {
        Object n = driver.executeScript("const c = document.getElementById(arguments[0]);"
                + " const x = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
                + " for (let i = 3; i < x.length; i += 4) { if (x[i]) n++; } return n;", canvasId);
        return ((Number) n).longValue();
    }

    @Test
    void aManagerReadsTheReportsAsChartsTablesAndCsv() throws Exception {
        HubClient hub = new HubClient(base);
        String[] manager = System.getProperty("hub.it.manager").split(":", 2);
        String pl = channelId(hub, manager, "pl");
        knownReportData(hub, channelId(hub, manager, "en"), pl);
        Path downloads = Files.createTempDirectory("reports-csv");

        driver = browser();
        driver.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        signIn(manager[0], manager[1]);
        el("#manage");
        new Select(el("#locale-select")).selectByValue("en");
        waiting().until(d -> d.findElement(By.id("manage-nav-portals")).getText().equals("Portals"));

        // The last 30 days at first (today included).
        page("reports");
        assertThat(attr("#reports-to", "value")).isEqualTo(LocalDate.now().toString());
        assertThat(attr("#reports-from", "value")).isEqualTo(LocalDate.now().minusDays(29).toString());
        waiting().until(d -> d.findElements(By.cssSelector("#report-sessions tbody tr")).size() == 30);

        period(FROM, TO);
        el("#reports-show").click();
        el("#reports[data-from='" + FROM + "'][data-to='" + TO + "']");

        // 1. Sessions per day by outcome: every day, also the empty 2nd, and the totals.
        assertThat(driver.findElements(By.cssSelector("#report-sessions tbody tr"))).hasSize(3);
        assertThat(List.of(cell("report-sessions", "1999-03-01", "answered"), cell("report-sessions", "1999-03-01", "missed"),
                cell("report-sessions", "1999-03-01", "closedByAdministrator"), cell("report-sessions", "1999-03-01", "autoClosed"),
                cell("report-sessions", "1999-03-01", "total"))).containsExactly("2", "1", "0", "0", "3");
        assertThat(cell("report-sessions", "1999-03-02", "total")).isEqualTo("0");
        assertThat(List.of(cell("report-sessions", "1999-03-03", "closedByAdministrator"),
                cell("report-sessions", "1999-03-03", "autoClosed"), cell("report-sessions", "1999-03-03", "total")))
                .containsExactly("1", "1", "2");
        assertThat(List.of(cell("report-sessions", "total", "answered"), cell("report-sessions", "total", "missed"),
                cell("report-sessions", "total", "closedByAdministrator"), cell("report-sessions", "total", "autoClosed"),
                cell("report-sessions", "total", "total"))).containsExactly("2", "1", "1", "1", "5");

        // 2. Queue and first-response times: nearest-rank median and 90th percentile, per day and whole.
        assertThat(List.of(cell("report-times", "1999-03-01", "queueCount"), cell("report-times", "1999-03-01", "queueMedian"),
                cell("report-times", "1999-03-01", "queueP90"), cell("report-times", "1999-03-01", "firstMedian"),
                cell("report-times", "1999-03-01", "firstP90"))).containsExactly("2", "2 s", "4 s", "6 s", "8 s");
        assertThat(cell("report-times", "1999-03-02", "queueMedian")).isEqualTo("\u2013");
        assertThat(List.of(cell("report-times", "whole", "queueCount"), cell("report-times", "whole", "queueMedian"),
                cell("report-times", "whole", "queueP90"), cell("report-times", "whole", "firstCount"),
                cell("report-times", "whole", "firstMedian"), cell("report-times", "whole", "firstP90")))
                .containsExactly("4", "2 s", "6 s", "3", "6 s", "8 s");
        assertThat(attr("#report-times tr[data-date='whole'] [data-col='queueP90']", "data-value")).isEqualTo("6000");
        assertThat(text("#report-times-whole")).contains("median 2 s, 90th percentile 6 s (4 sessions)");

        // 3. Satisfaction: three likes of four votes, and the three comments.
        assertThat(text("#report-csat-share")).isEqualTo("Share of likes: 75% (3 of 4 votes).");
        assertThat(List.of(cell("report-csat", "1999-03-01", "likes"), cell("report-csat", "1999-03-01", "dislikes"),
                cell("report-csat", "1999-03-01", "likeShare"), cell("report-csat", "total", "votes")))
                .containsExactly("1", "1", "50%", "4");
        assertThat(driver.findElements(By.cssSelector("#report-comments tbody tr"))).hasSize(3);
        assertThat(text("#report-comments")).contains("Quick and clear", "Too slow", "Dzi\u0119kuj\u0119", "operator2");

        // 4. Triage: per area and coverage; two held as not covered, one of them sent anyway.
        assertThat(List.of(cell("report-triage", "INSTALLATION/COVERED", "sessions"),
                cell("report-triage", "INTEGRATION/NOT_COVERED", "sessions"), cell("report-triage", "INTEGRATION/NOT_COVERED", "held"),
                cell("report-triage", "INTEGRATION/NOT_COVERED", "sentAnyway"), cell("report-triage", "ERRORS/LIMITED", "sessions"),
                cell("report-triage", "total", "sessions"), cell("report-triage", "total", "held"), cell("report-triage", "total", "sentAnyway")))
                .containsExactly("2", "2", "2", "1", "1", "5", "2", "1");
        assertThat(text("#report-triage tr[data-date='INTEGRATION/NOT_COVERED']")).contains("Integration", "Not covered");

        // 5. Activation: three attempts of two portals; the licence check failed most often.
        assertThat(text("#report-activation-summary")).isEqualTo(
                "3 attempts by 2 portals: 1 connected, 2 failed, 0 still running.");
        assertThat(List.of(cell("report-activation", "1999-03-01", "attempts"), cell("report-activation", "1999-03-01", "connected"),
                cell("report-activation", "1999-03-03", "failed"))).containsExactly("2", "1", "1");
        List<WebElement> checks = driver.findElements(By.cssSelector("#report-checks tbody tr"));
        assertThat(checks).extracting(e -> e.getAttribute("data-date"))
                .containsExactly("LICENSE/LICENSE_EXPIRED", "HUB_REACHES_PORTAL/TLS_UNTRUSTED");
        assertThat(cell("report-checks", "LICENSE/LICENSE_EXPIRED", "failures")).isEqualTo("2");
        assertThat(cell("report-checks", "LICENSE/LICENSE_EXPIRED", "portals")).isEqualTo("1");

        // The charts: Chart.js from the WAR's webjar (the page's CSP allows only its own origin), each drawn.
        assertThat((Boolean) driver.executeScript("return typeof window.Chart === 'function' && performance"
                + ".getEntriesByType('resource').some(e => e.name.endsWith('/webjars/chart.js/4.4.1/dist/chart.umd.js'))"))
                .isTrue();
        for (String chart : List.of("report-sessions-chart", "report-times-chart", "report-csat-chart", "report-triage-chart",
                "report-activation-chart", "report-checks-chart")) {
            assertThat(painted(chart)).as(chart).isGreaterThan(2000);
        }
        // A table takes the keyboard focus, so a long period scrolls without a mouse.
        assertThat(attr("#report-sessions .r-scroll", "tabindex")).isEqualTo("0");
        // Readable on a laptop screen (this window is 1200 pixels wide): no table needs scrolling sideways.
        assertThat((Boolean) driver.executeScript("return Array.from(document.querySelectorAll('#reports .r-scroll'))"
                + ".every(e => e.scrollWidth <= e.clientWidth)")).isTrue();
        Path shot = Browser.screenshot(driver, "manage-reports.png");
        assertThat(Files.size(shot)).isGreaterThan(10_000);

        // CSV: fetched with the bearer token, saved under the hub's file name.
        el("#report-sessions-csv").click();
        Path csv = downloads.resolve("sessions-" + FROM + "-" + TO + ".csv");
        waiting().until(d -> Files.isRegularFile(csv) && !Files.exists(downloads.resolve(csv.getFileName() + ".crdownload")));
        assertThat(Files.readString(csv, StandardCharsets.UTF_8)).isEqualTo(
                "date,answered,missed,closed_by_administrator,auto_closed,not_recorded,open,total\r\n"
                        + "1999-03-01,2,1,0,0,0,0,3\r\n"
                        + "1999-03-02,0,0,0,0,0,0,0\r\n"
                        + "1999-03-03,0,0,1,1,0,0,2\r\n"
                        + "total,2,1,1,1,0,0,5\r\n");
        waiting().until(d -> d.findElement(By.id("manage-notice")).getText().contains(csv.getFileName().toString()));

        // The filters change the figures: one operator, then one channel.
        new Select(el("#reports-operator")).selectByValue("operator");
        el("#reports-show").click();
        el("#reports[data-operator='operator']");
        assertThat(List.of(cell("report-sessions", "total", "answered"), cell("report-sessions", "total", "closedByAdministrator"),
                cell("report-sessions", "total", "total"))).containsExactly("1", "1", "2");
        assertThat(List.of(cell("report-times", "whole", "queueMedian"), cell("report-times", "whole", "queueP90")))
                .containsExactly("2 s", "6 s");
        new Select(el("#reports-operator")).selectByValue("");
        new Select(el("#reports-channel")).selectByValue(pl);
        el("#reports-show").click();
        el("#reports[data-channel='" + pl + "'][data-operator='']");
        assertThat(cell("report-sessions", "total", "total")).isEqualTo("2");
        assertThat(cell("report-sessions", "1999-03-01", "total")).isEqualTo("0");

        // A bad period: the hub's error at its field, the figures shown stay those of the last good one.
        period(TO, FROM);
        el("#reports-show").click();
        assertThat(text("[data-error-for='to']")).isEqualTo("must not be before from");
        assertThat(attr("#reports-to", "aria-invalid")).isEqualTo("true");
        assertThat(attr("#reports", "data-from")).isEqualTo(FROM);

        // In Polish (and English again after).
        new Select(el("#locale-select")).selectByValue("pl");
        waiting().until(d -> d.findElement(By.id("manage-nav-reports")).getText().equals("Raporty"));
        assertThat(text("#manage-page h2")).isEqualTo("Raporty");
        assertThat(text("#report-sessions-title")).isEqualTo("Sesje dziennie wed\u0142ug wyniku");
        assertThat(text("#report-sessions thead")).contains("OBS\u0141U\u017bONE", "ZAMKNI\u0118TE PRZEZ ADMINISTRATORA");
        assertThat(text("#report-csat-share")).startsWith("Udzia\u0142 polubie\u0144: 100");
        assertThat(text("#reports-filter")).contains("Kana\u0142", "Poka\u017c", "Oba dni w\u0142\u0105cznie");
        assertThat(text("[data-error-for='to']")).isEqualTo("must not be before from");
        new Select(el("#locale-select")).selectByValue("en");
        waiting().until(d -> d.findElement(By.id("manage-nav-reports")).getText().equals("Reports"));
    }

    /** What {@code POST /api/v1/triage} makes of an English question: "AREA/COVERAGE". */
    private static String triaged(HubClient hub, String[] manager, String question) {
        try {
            HttpResponse<String> r = hub.postAs("api/v1/triage", jakarta.json.Json.createObjectBuilder()
                    .add("text", question).add("locale", "en").build().toString(), manager[0], manager[1]);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonObject verdict = Json.parse(r.body());
            return verdict.getString("area") + "/" + verdict.getString("coverage");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The corrections of a session, oldest first, as the manager API lists them (waited for). */
    private static List<JsonObject> correctionsOf(HubClient hub, String[] manager, String sessionId, int expected)
            throws Exception {
        for (int i = 0; i < 100; i++) {
            HttpResponse<String> r = hub.getAs("api/v1/admin/triage/corrections?limit=200", manager[0], manager[1]);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            List<JsonObject> found = new ArrayList<>(Json.parse(r.body()).getJsonArray("items")
                    .getValuesAs(JsonObject.class).stream().filter(c -> c.getString("sessionId").equals(sessionId))
                    .toList());
            if (found.size() >= expected) {
                java.util.Collections.reverse(found);
                return found;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No " + expected + " corrections of session " + sessionId);
    }

    @Test
    void aManagerAcceptsAndDismissesOperatorsCorrectionsAndTriageLearns() throws Exception {
        HubClient hub = new HubClient(base);
        String[] manager = System.getProperty("hub.it.manager").split(":", 2);
        // A product term triage cannot know, new on every run: questions about it are INTEGRATION/COVERED.
        // Six random letters (a UUID's letters alone were sometimes fewer than six).
        String term = "Zel" + java.util.concurrent.ThreadLocalRandom.current().ints(6, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        List<String> fresh = List.of("can " + term + " map custom fields from the intranet",
                "How often does " + term + " synchronise?");
        assertThat(fresh).as("before learning")
                .allSatisfy(q -> assertThat(triaged(hub, manager, q)).isNotEqualTo("INTEGRATION/COVERED"));
        List<String> corrections = new ArrayList<>();
        try {
            HubDatabaseQueries.closeOpenSessions();
            SupportFixtures.englishChannel(hub, "STRICT", 60, 5, "operator");
            ChatClient olga = SupportFixtures.console(hub, "operator", "ONLINE");
            open.add(olga);
            // Two administrators ask; the operator corrects the first question's label once, the second's twice.
            ChatClient anna = SupportFixtures.connectedAdministrator(hub, root, open);
            String question = term + " stopped sending our leads yesterday, what should we look at?";
            anna.message(question);
            anna.until(f -> ChatClient.type(f, "message") && f.getString("text").startsWith("Your question was received"));
            String first = HubDatabaseQueries.openSessionOf(anna);
            ChatClient bob = SupportFixtures.connectedAdministrator(hub, root, open);
            String other = "Our portal shows error 500 after the last update, can you help?";
            bob.message(other);
            bob.until(f -> ChatClient.type(f, "message") && f.getString("text").startsWith("Your question was received"));
            String second = HubDatabaseQueries.openSessionOf(bob);
            // Both triaged and routed: the operator's console lists them.
            while (!olga.nextOfType("sessions", 25).getJsonArray("sessions").getValuesAs(JsonObject.class).stream()
                    .map(x -> x.getString("sessionId")).toList().containsAll(List.of(first, second))) {
                Thread.onSpinWait();
            }
            olga.frame("label", "sessionId", first, "area", "INTEGRATION", "coverage", "COVERED");
            JsonObject learnable = correctionsOf(hub, manager, first, 1).get(0);
            corrections.add(learnable.getString("id"));
            olga.frame("label", "sessionId", second, "area", "OTHER", "coverage", "COVERED");
            correctionsOf(hub, manager, second, 1);
            olga.frame("label", "sessionId", second, "area", "ERRORS", "coverage", "LIMITED");
            List<JsonObject> others = correctionsOf(hub, manager, second, 2);
            others.forEach(c -> corrections.add(c.getString("id")));
            String dismissed = others.get(0).getString("id");
            String decidedMeanwhile = others.get(1).getString("id");

            driver = browser();
            signIn(manager[0], manager[1]);
            el("#manage");
            new Select(el("#locale-select")).selectByValue("en");
            waiting().until(d -> d.findElement(By.id("manage-nav-portals")).getText().equals("Portals"));
            page("triage");
            assertThat(text("#manage-page h2")).isEqualTo("Support policy and triage");

            // The policy by area, with its coverage.
            assertThat(text("#triage-policy .triage-area[data-area='INTEGRATION'] h4")).isEqualTo("Integration and API");
            assertThat(text("#triage-policy .triage-area[data-area='INTEGRATION'] .triage-area-summary")).contains("covered");
            assertThat(driver.findElements(By.cssSelector("#triage-policy tr[data-item-id]")).size()).isEqualTo(
                    Json.parse("{\"a\":" + hub.getAs("api/v1/admin/policy", manager[0], manager[1]).body() + "}")
                            .getJsonArray("a").size());
            assertThat(text("#triage-policy tr[data-item-id='INT-C2']")).contains("covered");
            waiting().until(d -> el("#triage-model").getText().contains("up to date"));
            assertThat(text("#triage-model")).contains("Model version", "Learned questions");

            // Pending (the default filter): the question, the classifier's label, the corrected one, who and when.
            String row = "tr[data-correction-id='" + corrections.get(0) + "']";
            assertThat(attr(row, "data-status")).isEqualTo("PENDING");
            assertThat(text(row + " .triage-question")).contains(question);
            JsonObject classifier = learnable.getJsonObject("triaged");
            assertThat(attr(row + " .triage-triaged", "data-area")).isEqualTo(classifier.getString("area"));
            assertThat(attr(row + " .triage-triaged", "data-coverage")).isEqualTo(classifier.getString("coverage"));
            assertThat(classifier.getString("area") + "/" + classifier.getString("coverage")).isNotEqualTo("INTEGRATION/COVERED");
            assertThat(attr(row + " .triage-corrected", "data-area")).isEqualTo("INTEGRATION");
            assertThat(text(row + " .triage-corrected")).contains("Integration and API", "covered");
            assertThat(text(row + " .triage-by")).contains("operator");
            assertThat(attr(row + " .triage-accept", "aria-label")).contains("Accept the correction of");

            // Accepted, by keyboard: the row says so, and the running hub learns it.
            el(row + " .triage-accept").sendKeys(Keys.ENTER);
            waiting().until(d -> "ACCEPTED".equals(d.findElement(By.cssSelector(row)).getAttribute("data-status")));
            assertThat(text(row + " .triage-state")).contains("accepted", manager[0], "policy item INT-C");
            assertThat(driver.findElements(By.cssSelector(row + " .triage-accept"))).isEmpty();
            waiting().until(d -> d.findElement(By.id("manage-notice")).getText().contains("Accepted as a training example"));
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!fresh.stream().allMatch(q -> triaged(hub, manager, q).equals("INTEGRATION/COVERED"))) {
                assertThat(System.nanoTime()).as("triage learned within 30 s").isLessThan(deadline);
                Thread.sleep(250);
            }
            // The model's panel follows this instance's rebuild, to "up to date" with the new version.
            el("#triage-model-refresh").click();
            waiting().until(d -> "false".equals(d.findElement(By.id("triage-model")).getAttribute("data-learning"))
                    && d.findElement(By.id("triage-model-built")).getText()
                            .equals(d.findElement(By.id("triage-model-version")).getText()));
            assertThat(Integer.parseInt(text("#triage-model-learned"))).isPositive();

            // Another one dismissed; a third, decided by someone else meanwhile, is refused clearly.
            String dismissedRow = "tr[data-correction-id='" + dismissed + "']";
            el(dismissedRow + " .triage-dismiss").click();
            waiting().until(d -> "DISMISSED".equals(d.findElement(By.cssSelector(dismissedRow)).getAttribute("data-status")));
            assertThat(text(dismissedRow + " .triage-state")).contains("dismissed", manager[0]);
            assertThat(text(dismissedRow + " .triage-corrected")).contains("Other");
            assertThat(hub.postAs("api/v1/admin/triage/corrections/" + decidedMeanwhile + "/dismiss", "", manager[0],
                    manager[1]).statusCode()).isEqualTo(200);
            String meanwhileRow = "tr[data-correction-id='" + decidedMeanwhile + "']";
            assertThat(attr(meanwhileRow, "data-status")).isEqualTo("PENDING");
            el(meanwhileRow + " .triage-accept").click();
            assertThat(text(meanwhileRow + " .triage-row-error")).contains("already decided");
            waiting().until(d -> "DISMISSED".equals(d.findElement(By.cssSelector(meanwhileRow)).getAttribute("data-status")));
            assertThat(text("#manage-notice")).contains("already decided");
            Path triageShot = Browser.screenshot(driver, "manage-triage.png");
            assertThat(Files.size(triageShot)).isGreaterThan(10_000);

            // The filter: accepted ones, dismissed ones, pending ones (where these are no more).
            new Select(el("#triage-status")).selectByValue("ACCEPTED");
            waiting().until(d -> d.findElements(By.cssSelector("#triage-correction-list tr[data-status]")).stream()
                    .allMatch(e -> "ACCEPTED".equals(e.getAttribute("data-status"))) && !d.findElements(By.cssSelector(row)).isEmpty());
            new Select(el("#triage-status")).selectByValue("DISMISSED");
            waiting().until(d -> !d.findElements(By.cssSelector(dismissedRow)).isEmpty()
                    && !d.findElements(By.cssSelector(meanwhileRow)).isEmpty() && d.findElements(By.cssSelector(row)).isEmpty());
            new Select(el("#triage-status")).selectByValue("PENDING");
            waiting().until(d -> d.findElements(By.cssSelector("#triage-correction-list tr[data-status]")).stream()
                    .allMatch(e -> "PENDING".equals(e.getAttribute("data-status"))) && d.findElements(By.cssSelector(dismissedRow)).isEmpty());

            // In Polish, and back.
            new Select(el("#locale-select")).selectByValue("pl");
            waiting().until(d -> d.findElement(By.cssSelector("#manage-page h2")).getText().equals("Zasady wsparcia i triaż"));
            assertThat(text("#triage-policy .triage-area[data-area='ERRORS'] h4")).isEqualTo("Błędy i awarie");
            new Select(el("#locale-select")).selectByValue("en");
            waiting().until(d -> d.findElement(By.cssSelector("#manage-page h2")).getText().equals("Support policy and triage"));
        } finally {
            // The classes share one database: what this test taught must not lean on the triage of later ones.
            HubDatabaseQueries.closeOpenSessions();
            try (java.sql.Connection c = HubDatabase.connect();
                 java.sql.PreparedStatement forget = c.prepareStatement("delete from triage_correction where id = ?");
                 java.sql.Statement advance = c.createStatement()) {
                for (String id : corrections) {
                    forget.setString(1, id);
                    forget.executeUpdate();
                }
                advance.executeUpdate("update triage_model set version = version + 1");
            }
        }
    }
}
