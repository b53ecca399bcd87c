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
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A support session as two people live it, in two real Chromium windows: the demo portal's administrator
 * in the widget, and the demo operator in the agent console. From the first question to the closing vote,
 * with a transfer on the way (to a second operator, who hands the session back). Saves the screenshots the
 * README shows.
 */
@ExtendWith(ArquillianExtension.class)
class SupportSessionBrowserIT {

    @Deployment(testable = false)
    static WebArchive hub() {
        return HubDeployment.war();
    }

    @ArquillianResource
    URL base;

    private final List<ChromeDriver> drivers = new ArrayList<>();
    private ChromeDriver admin;
    private ChromeDriver operator;

    @AfterEach
    void quit() {
        drivers.forEach(ChromeDriver::quit);
    }

    private ChromeDriver browser() throws Exception {
        ChromeDriver driver = Browser.start();
        drivers.add(driver);
        return driver;
    }

    private static WebDriverWait waitIn(ChromeDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    private SearchContext widget() {
        return waitIn(admin).until(d -> d.findElement(By.id("support-hub-widget"))).getShadowRoot();
    }

    private WebElement inWidget(String css) {
        return waitIn(admin).until(d -> {
            List<WebElement> found = widget().findElements(By.cssSelector(css));
            return found.isEmpty() ? null : found.get(found.size() - 1);
        });
    }

    private boolean widgetShows(String css, String text) {
        return widget().findElements(By.cssSelector(css)).stream().anyMatch(e -> e.getText().contains(text));
    }

    private WebElement inConsole(String css) {
        return waitIn(operator).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    @Test
    void fromTheFirstQuestionToTheClosingVote() throws Exception {
        // Another test class may have left the demo administrator's session open: this one starts afresh.
        HubDatabaseQueries.closeOpenSessions();
        SupportFixtures.englishChannel(new HubClient(base), "STRICT", 60, 3, "operator", "operator2");
        admin = browser();
        operator = browser();

        // The administrator opens the demo portal's widget and activates support.
        admin.get(base.toString() + "demo/portal.html");
        inWidget("#sh-launcher").click();
        waitIn(admin).until(d -> "connected".equals(widget().findElement(By.cssSelector("#sh-status"))
                .getAttribute("data-status")));
        inWidget(".sh-action[data-action='activate']").click();
        new WebDriverWait(admin, Duration.ofSeconds(40)).until(d -> widgetShows(".sh-msg-bot", "Activation succeeded"));

        // The operator logs in to the console and goes online.
        operator.get(base.toString() + "console/");
        inConsole("#login-username").sendKeys("operator");
        inConsole("#login-password").sendKeys("support-demo");
        inConsole("#login-submit").click();
        assertThat(inConsole("#operator-name").getText()).isEqualTo("Olga Operator");
        new Select(inConsole("#status-select")).selectByValue("ONLINE");
        waitIn(operator).until(d -> "ONLINE".equals(d.findElement(By.id("status-select")).getAttribute("data-status")));

        // The administrator asks; the widget says it was received and where it stands.
        String question = "After the update our portal shows error 500 - can you help?";
        inWidget("#sh-input").sendKeys(question);
        inWidget("#sh-send").click();
        waitIn(admin).until(d -> widgetShows(".sh-msg-bot", "Your question was received"));
        String position = waitIn(admin).until(d -> {
            String p = inWidget("#sh-session").getAttribute("data-queue-position");
            return p == null || p.isBlank() ? null : p;
        });
        assertThat(inWidget("#sh-session").getText()).contains("number " + position + " in the queue");

        // The console offers it; the operator accepts and sees the question.
        WebElement offered = inConsole("li.session[data-offered='true']");
        assertThat(offered.getText()).contains("Demo Portal");
        // Triage labelled it (an error after an update: a question for support); the operator sees the label.
        assertThat(offered.findElement(By.cssSelector(".session-triage")).getText()).contains("\u00b7");
        assertThat(offered.getAttribute("data-coverage")).isNotEqualTo("NOT_COVERED");
        offered.findElement(By.cssSelector(".accept")).click();
        waitIn(operator).until(d -> d.findElements(By.cssSelector("#messages .msg-user")).stream()
                .anyMatch(e -> e.getText().contains(question)));
        waitIn(admin).until(d -> "ASSIGNED".equals(inWidget("#sh-session").getAttribute("data-state")));
        assertThat(inWidget("#sh-session").getText()).contains("Olga Operator");
        assertThat(widgetShows(".sh-msg-system", "Olga Operator joined")).isTrue();

        // A canned response, then a reply of her own.
        new Select(inConsole("#canned")).selectByIndex(1);
        waitIn(operator).until(d -> !d.findElement(By.id("reply-input")).getAttribute("value").isBlank());
        inConsole("#reply-send").click();
        String reply = "Please restart the portal's agent and try again.";
        inConsole("#reply-input").sendKeys(reply);
        inConsole("#reply-send").click();
        waitIn(admin).until(d -> widgetShows(".sh-msg-staff", reply));
        waitIn(operator).until(d -> d.findElements(By.cssSelector("#messages .msg-staff[data-seq]")).size() >= 2);
        Path consoleShot = Browser.screenshot(operator, "console.png");
        assertThat(Files.size(consoleShot)).isGreaterThan(10_000);

        // The administrator answers back; the operator sees it live.
        inWidget("#sh-input").sendKeys("Restarted, it works now. Thank you!");
        inWidget("#sh-send").click();
        waitIn(operator).until(d -> d.findElements(By.cssSelector("#messages .msg-user")).stream()
                .anyMatch(e -> e.getText().contains("it works now")));

        // A transfer: to a second operator (online in a console socket), who hands the session back.
        HubClient hub = new HubClient(base);
        try (ChatClient piotr = secondOperator(hub)) {
            waitIn(operator).until(d -> new Select(d.findElement(By.id("transfer-operator"))).getOptions().stream()
                    .anyMatch(o -> "operator2".equals(o.getAttribute("value"))));
            new Select(inConsole("#transfer-operator")).selectByValue("operator2");
            inConsole("#transfer-note").sendKeys("Licence renewal question");
            inConsole("#transfer-send").click();
            waitIn(admin).until(d -> widgetShows(".sh-msg-system", "another support agent"));
            String sessionId = waitForOffer(piotr).getString("sessionId");
            piotr.frame("accept", "sessionId", sessionId);
            waitIn(admin).until(d -> inWidget("#sh-session").getText().contains("Piotr Operator"));
            piotr.frame("transfer", "sessionId", sessionId, "toOperator", "operator", "note", "Back to you");
            WebElement back = inConsole("li.session[data-offered='true']");
            assertThat(back.getText()).contains("Back to you");
            back.findElement(By.cssSelector(".accept")).click();
            waitIn(admin).until(d -> inWidget("#sh-session").getText().contains("Olga Operator"));
        }

        // The operator closes; the administrator votes.
        waitIn(operator).until(d -> d.findElement(By.id("close-session")).isEnabled());
        inConsole("#close-session").click();
        waitIn(admin).until(d -> "CLOSED".equals(inWidget("#sh-session").getAttribute("data-state")));
        inWidget("#sh-vote-comment").sendKeys("Quick and friendly");
        Path widgetShot = Browser.screenshot(admin, "session.png");
        assertThat(Files.size(widgetShot)).isGreaterThan(10_000);
        inWidget(".sh-vote-like").click();
        waitIn(admin).until(d -> "like".equals(inWidget("#sh-vote").getAttribute("data-voted")));
        waitIn(admin).until(d -> widgetShows(".sh-msg-bot", "Thank you for your feedback"));
        assertThat(HubDatabase.count("select count(*) from support_session where vote = 'LIKE' "
                + "and vote_comment = 'Quick and friendly'")).isEqualTo(1);
    }

    private static ChatClient secondOperator(HubClient hub) throws Exception {
        return SupportFixtures.console(hub, "operator2", "ONLINE");
    }

    private static JsonObject waitForOffer(ChatClient console) throws InterruptedException {
        return SupportFixtures.nextOffer(console);
    }
}
