package org.supporthub.it;

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

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A support manager runs the hub from the console's management area, in Chromium: portals (their data,
 * filters, re-check now), an open channel created and edited (with the hub's error shown at its field),
 * a staff account created, given the manager role and disabled, who is online, a licence issued, copied
 * and listed; the same pages in Polish. An operator signs in to the same console and sees no management
 * area. Saves the
 * screenshots the README shows.
 */
@ExtendWith(ArquillianExtension.class)
class ManagerConsoleBrowserIT {

    @Deployment(testable = false)
    static WebArchive hub() {
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
}
