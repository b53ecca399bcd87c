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
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
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
        // The test database outlives a run: count this run's vote only.
        long likes = HubDatabase.count("select count(*) from support_session where vote = 'LIKE' "
                + "and vote_comment = 'Quick and friendly'");
        inWidget("#sh-vote-comment").sendKeys("Quick and friendly");
        Path widgetShot = Browser.screenshot(admin, "session.png");
        assertThat(Files.size(widgetShot)).isGreaterThan(10_000);
        inWidget(".sh-vote-like").click();
        waitIn(admin).until(d -> "like".equals(inWidget("#sh-vote").getAttribute("data-voted")));
        waitIn(admin).until(d -> widgetShows(".sh-msg-bot", "Thank you for your feedback"));
        assertThat(HubDatabase.count("select count(*) from support_session where vote = 'LIKE' "
                + "and vote_comment = 'Quick and friendly'")).isEqualTo(likes + 1);
    }

    /**
     * The administrator ends a support session from the widget: "End session" shows once the question is
     * queued (not before), asks for confirmation (which can be declined, by keyboard too), and then the
     * session is closed, in the widget and in the database, as closed by the administrator.
     */
    @Test
    void theAdministratorEndsAQueuedSessionAfterConfirming() throws Exception {
        HubDatabaseQueries.closeOpenSessions();
        // Nobody of the channel is online: the question waits in the queue.
        SupportFixtures.englishChannel(new HubClient(base), "STRICT", 60, 3, "operator");
        admin = browser();
        admin.get(base.toString() + "demo/portal.html");
        inWidget("#sh-launcher").click();
        waitIn(admin).until(d -> "connected".equals(widget().findElement(By.cssSelector("#sh-status"))
                .getAttribute("data-status")));
        if (!"CONNECTED".equals(inWidget("#sh-panel").getAttribute("data-bot-state"))) {
            inWidget(".sh-action[data-action='activate']").click();
            new WebDriverWait(admin, Duration.ofSeconds(40)).until(d -> widgetShows(".sh-msg-bot", "Activation succeeded"));
        }
        // No open session (at most the closed one of an earlier test): nothing to end.
        assertThat(inWidget("#sh-end").isDisplayed()).isFalse();

        inWidget("#sh-input").sendKeys("Our portal's search returns nothing since yesterday, can you help?");
        inWidget("#sh-send").click();
        waitIn(admin).until(d -> widgetShows(".sh-msg-bot", "Your question was received"));
        waitIn(admin).until(d -> "WAITING".equals(inWidget("#sh-session").getAttribute("data-state")));
        String sessionId = inWidget("#sh-session").getAttribute("data-session-id");
        waitIn(admin).until(d -> inWidget("#sh-end-session").isDisplayed());
        assertThat(inWidget("#sh-end-session").getText()).isEqualTo("End session");
        assertThat(inWidget("#sh-end-yes").isDisplayed()).isFalse();

        // Asked to confirm; "Keep it open" (Enter on the focused button) and Escape both step back.
        inWidget("#sh-end-session").click();
        assertThat(inWidget("#sh-end-question").getText()).contains("End this support session?");
        assertThat(inWidget("#sh-end-yes").isDisplayed()).isTrue();
        assertThat(inWidget("#sh-end-session").isDisplayed()).isFalse();
        assertThat(widget().findElement(By.cssSelector(":focus")).getAttribute("id")).isEqualTo("sh-end-no");
        new Actions(admin).sendKeys(Keys.ENTER).perform();
        waitIn(admin).until(d -> inWidget("#sh-end-session").isDisplayed());
        assertThat(inWidget("#sh-end-question").isDisplayed()).isFalse();
        inWidget("#sh-end-session").sendKeys(Keys.ENTER);
        waitIn(admin).until(d -> inWidget("#sh-end-yes").isDisplayed());
        new Actions(admin).sendKeys(Keys.ESCAPE).perform();
        waitIn(admin).until(d -> inWidget("#sh-end-session").isDisplayed());
        assertThat(inWidget("#sh-panel").isDisplayed()).as("Escape steps back, the chat stays open").isTrue();
        Thread.sleep(500);
        assertThat(inWidget("#sh-session").getAttribute("data-state")).isEqualTo("WAITING");
        assertThat(HubDatabase.count("select count(*) from support_session where id = ? and open_key is not null",
                sessionId)).isEqualTo(1);

        // Confirmed: the session closes, as closed by the administrator.
        inWidget("#sh-end-session").click();
        inWidget("#sh-end-yes").click();
        waitIn(admin).until(d -> "CLOSED".equals(inWidget("#sh-session").getAttribute("data-state")));
        assertThat(inWidget("#sh-session").getAttribute("data-session-id")).isEqualTo(sessionId);
        waitIn(admin).until(d -> !inWidget("#sh-end").isDisplayed());
        assertThat(HubDatabase.count("select count(*) from support_session where id = ? and open_key is null "
                + "and outcome = 'CLOSED_BY_ADMINISTRATOR'", sessionId)).isEqualTo(1);
    }

    /**
     * Files both ways in Chromium (docs/protocol.md, section 13): the administrator attaches a screenshot with
     * the widget's paper clip, the operator sees its thumbnail in the console; the operator attaches one with
     * the console's paper clip, the administrator sees its thumbnail in the widget. Both thumbnails are images
     * the browser actually decoded, fetched through the hub's signed links.
     * Pasting a screenshot into the widget and dropping a file onto the console send them too.
     */
    @Test
    void screenshotsAttachedOnOneSideShowAsThumbnailsOnTheOther() throws Exception {
        HubDatabaseQueries.closeOpenSessions();
        SupportFixtures.englishChannel(new HubClient(base), "STRICT", 60, 3, "operator", "operator2");
        admin = browser();
        operator = browser();
        admin.get(base.toString() + "demo/portal.html");
        inWidget("#sh-launcher").click();
        waitIn(admin).until(d -> "connected".equals(widget().findElement(By.cssSelector("#sh-status"))
                .getAttribute("data-status")));
        if (!"CONNECTED".equals(inWidget("#sh-panel").getAttribute("data-bot-state"))) {
            inWidget(".sh-action[data-action='activate']").click();
            new WebDriverWait(admin, Duration.ofSeconds(40)).until(d -> widgetShows(".sh-msg-bot", "Activation succeeded"));
        }
        operator.get(base.toString() + "console/");
        inConsole("#login-username").sendKeys("operator");
        inConsole("#login-password").sendKeys("support-demo");
        inConsole("#login-submit").click();
        new Select(inConsole("#status-select")).selectByValue("ONLINE");
        waitIn(operator).until(d -> "ONLINE".equals(d.findElement(By.id("status-select")).getAttribute("data-status")));
        String question = "The dashboard looks broken, screenshot follows";
        inWidget("#sh-input").sendKeys(question);
        inWidget("#sh-send").click();
        WebElement offered = inConsole("li.session[data-offered='true']");
        offered.findElement(By.cssSelector(".accept")).click();
        waitIn(operator).until(d -> d.findElements(By.cssSelector("#messages .msg-user")).stream()
                .anyMatch(e -> e.getText().contains(question)));

        // The administrator attaches a screenshot with the paper clip.
        String suffix = java.util.UUID.randomUUID().toString().substring(0, 8);
        Path fromAdmin = Files.createTempFile("dashboard-" + suffix + "-", ".png");
        Files.write(fromAdmin, Uploads.png(900, 600));
        assertThat(inWidget("#sh-attach").getAttribute("aria-label")).isEqualTo("Attach a file");
        widget().findElement(By.cssSelector("#sh-file-input")).sendKeys(fromAdmin.toString());
        String adminName = fromAdmin.getFileName().toString();
        WebElement inOperatorsConsole = waitIn(operator).until(d -> d.findElements(
                        By.cssSelector("#messages .msg-user img[data-attachment-id]")).stream()
                .filter(i -> adminName.equals(i.getAttribute("alt"))).findFirst().orElse(null));
        waitIn(operator).until(d -> ((Number) operator.executeScript("return arguments[0].naturalWidth", inOperatorsConsole))
                .intValue() == 320);
        // The widget shows its own upload as stored, with the same thumbnail.
        waitIn(admin).until(d -> widget().findElements(By.cssSelector(".sh-msg-user img[data-attachment-id]")).stream()
                .anyMatch(i -> adminName.equals(i.getAttribute("alt"))));

        // The operator answers with a screenshot of her own, through the console's paper clip.
        Path fromOperator = Files.createTempFile("fixed-" + suffix + "-", ".png");
        Files.write(fromOperator, Uploads.png(400, 300));
        waitIn(operator).until(d -> d.findElement(By.id("attach-file")).isEnabled());
        operator.findElement(By.id("attach-file-input")).sendKeys(fromOperator.toString());
        String operatorName = fromOperator.getFileName().toString();
        WebElement inWidgetThumb = waitIn(admin).until(d -> widget().findElements(
                        By.cssSelector(".sh-msg-staff img[data-attachment-id]")).stream()
                .filter(i -> operatorName.equals(i.getAttribute("alt"))).findFirst().orElse(null));
        waitIn(admin).until(d -> ((Number) admin.executeScript("return arguments[0].naturalWidth", inWidgetThumb))
                .intValue() == 320);
        // A screenshot pasted into the widget's input (the clipboard holds a file) is sent as one.
        String pastedName = "clipboard-" + suffix + ".png";
        admin.executeScript("const bytes = Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0));"
                + "const dt = new DataTransfer();"
                + "dt.items.add(new File([bytes], arguments[1], {type: 'image/png'}));"
                + "document.getElementById('support-hub-widget').shadowRoot.querySelector('#sh-input')"
                + ".dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true}));",
                java.util.Base64.getEncoder().encodeToString(Uploads.png(300, 200)), pastedName);
        waitIn(operator).until(d -> d.findElements(By.cssSelector("#messages .msg-user img[data-attachment-id]")).stream()
                .anyMatch(i -> pastedName.equals(i.getAttribute("alt"))));
        // A file dropped onto the console's conversation is sent by the operator.
        String droppedName = "dropped-" + suffix + ".png";
        operator.executeScript("const bytes = Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0));"
                + "const dt = new DataTransfer();"
                + "dt.items.add(new File([bytes], arguments[1], {type: 'image/png'}));"
                + "const m = document.getElementById('messages');"
                + "for (const type of ['dragenter', 'dragover', 'drop']) "
                + "m.dispatchEvent(new DragEvent(type, {dataTransfer: dt, bubbles: true, cancelable: true}));",
                java.util.Base64.getEncoder().encodeToString(Uploads.png(200, 150)), droppedName);
        waitIn(admin).until(d -> widget().findElements(By.cssSelector(".sh-msg-staff img[data-attachment-id]")).stream()
                .anyMatch(i -> droppedName.equals(i.getAttribute("alt"))));
        assertThat(HubDatabase.count("select count(*) from attachment where file_name in (?, ?)", pastedName,
                droppedName)).isEqualTo(2);
        Path shot = Browser.screenshot(admin, "files.png");
        assertThat(Files.size(shot)).isGreaterThan(10_000);
        assertThat(HubDatabase.count("select count(*) from attachment where file_name in (?, ?)", adminName,
                operatorName)).isEqualTo(2);
        inConsole("#close-session").click();
    }

    /**
     * Issue 13, section 3, as the administrator sees it: nobody can take the question, the bot offers to leave
     * it for support, and the widget's form comes filled in with the address of the portal's token; a wrong
     * address is refused in the widget, a right one leaves the question (stored with the session).
     */
    @Test
    void aQuestionNobodyCanTakeIsLeftForLaterWithTheAddressTheWidgetFillsIn() throws Exception {
        HubDatabaseQueries.closeOpenSessions();
        // The channel's only operator is one nobody logs in as in this class; its queue time is the shortest.
        SupportFixtures.englishChannel(new HubClient(base), "STRICT", 10, 3, "operator2");
        admin = browser();
        admin.get(base.toString() + "demo/portal.html");
        inWidget("#sh-launcher").click();
        waitIn(admin).until(d -> "connected".equals(widget().findElement(By.cssSelector("#sh-status"))
                .getAttribute("data-status")));
        if (!"CONNECTED".equals(inWidget("#sh-panel").getAttribute("data-bot-state"))) {
            inWidget(".sh-action[data-action='activate']").click();
            new WebDriverWait(admin, Duration.ofSeconds(40)).until(d -> widgetShows(".sh-msg-bot", "Activation succeeded"));
        }
        int offersBefore = widget().findElements(By.cssSelector(".sh-action[data-action='leave-for-later']")).size();
        String question = "The nightly export fails (" + System.nanoTime() + ")";
        inWidget("#sh-input").sendKeys(question);
        inWidget("#sh-send").click();

        WebElement leave = new WebDriverWait(admin, Duration.ofSeconds(30)).until(d -> {
            List<WebElement> offers = widget().findElements(By.cssSelector(".sh-action[data-action='leave-for-later']"));
            return offers.size() > offersBefore ? offers.get(offers.size() - 1) : null;
        });
        leave.click();
        WebElement email = inWidget(".sh-leave-email");
        assertThat(email.getAttribute("value")).as("filled in from the token's email claim")
                .isEqualTo("anna.nowak@demo-portal.example");

        email.clear();
        email.sendKeys("not an address");
        inWidget(".sh-leave-send").click();
        waitIn(admin).until(d -> widget().findElement(By.cssSelector("#sh-error")).isDisplayed()
                && widget().findElement(By.cssSelector("#sh-error")).getText().contains("valid e-mail address"));

        email.clear();
        email.sendKeys("anna.later@demo-portal.example");
        inWidget(".sh-leave-send").click();
        waitIn(admin).until(d -> widgetShows(".sh-msg-bot", "Your question is left for support"));
        waitIn(admin).until(d -> {
            try {
                return HubDatabase.count("select count(*) from support_session where open_key is not null "
                        + "and left_for_later = true and contact_email = ? and first_message like ?",
                        "anna.later@demo-portal.example", "The nightly export fails (%") == 1;
            } catch (java.sql.SQLException e) {
                return false;
            }
        });
        HubDatabaseQueries.closeOpenSessions();
    }

    /**
     * The console in a Polish browser, for a new operator who has chosen no language: the login page and the
     * console speak Polish; a status chosen before the socket is ready is kept (shown as pending) and ends
     * as the hub's; the operator's choice of English holds at the next login in the same Polish browser; and
     * the page's other scripts hear of the change.
     */
    @Test
    void aPolishBrowserGetsAPolishConsoleUntilTheOperatorChoosesALanguageForTheAccount() throws Exception {
        HubClient hub = new HubClient(base);
        String[] manager = System.getProperty("hub.it.manager").split(":", 2);
        String username = "ola-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String password = "amber-violin-river-73";
        java.net.http.HttpResponse<String> created = hub.http.send(java.net.http.HttpRequest.newBuilder(
                        hub.base.resolve("api/v1/admin/staff")).header("Content-Type", "application/json")
                .header("Authorization", HubClient.basic(manager[0], manager[1]))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(jakarta.json.Json.createObjectBuilder()
                        .add("username", username).add("displayName", "Ola Nowak")
                        .add("roles", jakarta.json.Json.createArrayBuilder().add("operator"))
                        .add("languages", jakarta.json.Json.createArrayBuilder().add("pl"))
                        .add("password", password).build().toString())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        operator = Browser.start("pl-PL");
        drivers.add(operator);
        // Frames from the hub can be held back, to choose a status before the console has its welcome.
        operator.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", """
                window.__hold = false;
                window.__held = [];
                window.__release = () => { window.__hold = false; window.__held.splice(0).forEach(f => f()); };
                const Native = window.WebSocket;
                window.WebSocket = class extends Native {
                  constructor(...args) {
                    super(...args);
                    let handler = null;
                    Object.defineProperty(this, 'onmessage', { get: () => handler, set: (fn) => { handler = fn; } });
                    this.addEventListener('message', (ev) => {
                      const deliver = () => { if (handler) handler(ev); };
                      if (window.__hold) window.__held.push(deliver); else deliver();
                    });
                  }
                };"""));
        operator.get(base.toString() + "console/");
        assertThat(inConsole("#login-submit").getText()).isEqualTo("Zaloguj się");
        assertThat(operator.findElement(By.cssSelector("label[for='login-username']")).getText())
                .isEqualTo("Nazwa użytkownika");
        assertThat(operator.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("pl");
        assertThat(operator.getTitle()).isEqualTo("Konsola agenta \u2013 Support Hub");

        // Logs in; the hub's frames are held, so the console is not connected yet when she goes online.
        operator.executeScript("window.__hold = true");
        inConsole("#login-username").sendKeys(username);
        inConsole("#login-password").sendKeys(password);
        inConsole("#login-submit").click();
        assertThat(inConsole("#operator-name").getText()).isEqualTo("Ola Nowak");
        WebElement status = inConsole("#status-select");
        new Select(status).selectByValue("ONLINE");
        assertThat(status.getAttribute("data-pending")).isEqualTo("ONLINE");
        assertThat(status.getAttribute("data-status")).isEmpty();
        assertThat(new Select(status).getFirstSelectedOption().getText()).isEqualTo("Dostępny");
        assertThat(inConsole("#status-pending").getText()).isEqualTo("Oczekuje \u2013 zostanie ustawiony po połączeniu");
        Browser.screenshot(operator, "console-pl-pending.png");
        operator.executeScript("window.__release()");
        waitIn(operator).until(d -> "ONLINE".equals(d.findElement(By.id("status-select")).getAttribute("data-status")));
        assertThat(status.getAttribute("data-pending")).isEmpty();
        assertThat(operator.findElement(By.id("status-pending")).isDisplayed()).isFalse();
        assertThat(HubDatabase.count("select count(*) from operator_presence where username = ? and status = 'ONLINE'",
                username)).isEqualTo(1);

        // The whole console speaks Polish.
        waitIn(operator).until(d -> "Połączono".equals(d.findElement(By.id("connection")).getText()));
        assertThat(inConsole("#logout").getText()).isEqualTo("Wyloguj się");
        assertThat(inConsole("#sessions-title").getAttribute("textContent")).isEqualTo("Sesje");
        assertThat(inConsole("#reply-send").getText()).isEqualTo("Wyślij");
        assertThat(inConsole("#messages .conv-placeholder").getText()).contains("Żadna sesja nie jest otwarta");
        assertThat(operator.executeScript("return SupportHubConsole.locale()")).isEqualTo("pl");

        // She picks English for her account; the page's other scripts are told.
        operator.executeScript("window.__heard = []; "
                + "document.addEventListener('supporthub:locale', e => window.__heard.push('event:' + e.detail.locale)); "
                + "SupportHubConsole.onLocaleChange(l => window.__heard.push('listener:' + l));");
        new Select(inConsole("#locale-select")).selectByValue("en");
        waitIn(operator).until(d -> "Log out".equals(d.findElement(By.id("logout")).getText()));
        assertThat(operator.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(inConsole("#connection").getText()).isEqualTo("Connected");
        assertThat(new Select(inConsole("#status-select")).getFirstSelectedOption().getText()).isEqualTo("Online");
        assertThat((List<Object>) operator.executeScript("return window.__heard"))
                .containsExactlyInAnyOrder("event:en", "listener:en");
        waitIn(operator).until(d -> {
            try {
                return HubDatabase.count("select count(*) from staff_account where username = ? and console_locale = 'en'",
                        username) == 1;
            } catch (java.sql.SQLException e) {
                return false;
            }
        });

        // Logged out, the login page speaks the browser's language again; logged in, her choice wins.
        inConsole("#logout").click();
        waitIn(operator).until(d -> "Zaloguj się".equals(d.findElement(By.id("login-submit")).getText()));
        inConsole("#login-username").clear();
        inConsole("#login-username").sendKeys(username);
        inConsole("#login-password").sendKeys(password);
        inConsole("#login-submit").click();
        waitIn(operator).until(d -> "Log out".equals(d.findElement(By.id("logout")).getText()));
        assertThat(operator.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(new Select(inConsole("#locale-select")).getFirstSelectedOption().getAttribute("value")).isEqualTo("en");

        // The preference over REST: only pl or en, as a problem naming the field; a login is required.
        String token = Json.parse(SupportFixtures.login(hub, username, password).body()).getString("token");
        for (String bad : List.of("{\"locale\":\"de\"}", "{\"locale\":\"PL\"}", "{}", "{\"locale\":7}")) {
            java.net.http.HttpResponse<String> refused = preferences(hub, token, bad);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).as(bad)
                    .startsWith("application/problem+json");
        }
        assertThat(Json.parse(preferences(hub, token, "{\"locale\":\"de\"}").body()).getJsonArray("errors")
                .getJsonObject(0).getString("field")).isEqualTo("locale");
        assertThat(preferences(hub, null, "{\"locale\":\"pl\"}").statusCode()).isEqualTo(401);
        java.net.http.HttpResponse<String> ok = preferences(hub, token, "{\"locale\":\"pl\"}");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(Json.parse(ok.body()).getString("locale")).isEqualTo("pl");
        assertThat(Json.parse(SupportFixtures.login(hub, username, password).body()).getJsonObject("operator")
                .getString("locale")).isEqualTo("pl");
        new Select(inConsole("#status-select")).selectByValue("OFFLINE");
        waitIn(operator).until(d -> "OFFLINE".equals(d.findElement(By.id("status-select")).getAttribute("data-status")));
    }

    // ---- issue 13: text that technical people write, read receipts, notifications ------------------

    /** Records in the page what must never run (markup from a message), and what the console raises. */
    private static final String RECORDERS = """
            window.__xss = [];
            window.__notes = [];
            window.__beeps = 0;
            if (window.Notification) {
              const Native = window.Notification;
              class Recorded extends Native {
                constructor(title, options) {
                  // Recorded first: a headless browser may refuse to show it.
                  window.__notes.push({ title: title, body: (options && options.body) || '', tag: (options && options.tag) || '' });
                  super(title, options);
                }
              }
              Object.defineProperty(Recorded, 'permission', { get: () => Native.permission });
              Recorded.requestPermission = (...args) => Native.requestPermission(...args);
              window.Notification = Recorded;
            }
            if (window.AudioContext) {
              const create = AudioContext.prototype.createOscillator;
              AudioContext.prototype.createOscillator = function () { window.__beeps++; return create.call(this); };
            }
            // The test hides and shows the tab (a headless tab is always visible otherwise).
            window.__hidden = false;
            Object.defineProperty(document, 'visibilityState', { get: () => window.__hidden ? 'hidden' : 'visible' });
            Object.defineProperty(document, 'hidden', { get: () => window.__hidden });
            window.__setHidden = (h) => { window.__hidden = h; document.dispatchEvent(new Event('visibilitychange')); };
            """;

    /**
     * A browser that treats the hub as a secure context (as over HTTPS in production: the Notification and
     * Clipboard APIs need one), with desktop notifications allowed, and the recorders in every page.
     */
    private ChromeDriver recordedBrowser(String origin) throws Exception {
        ChromeDriver driver = Browser.startTrusting(origin);
        drivers.add(driver);
        driver.executeCdpCommand("Browser.grantPermissions", java.util.Map.of("origin", origin,
                "permissions", List.of("notifications", "clipboardReadWrite", "clipboardSanitizedWrite")));
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", RECORDERS));
        return driver;
    }

    @SuppressWarnings("unchecked")
    private static List<java.util.Map<String, Object>> notes(ChromeDriver driver) {
        return (List<java.util.Map<String, Object>>) driver.executeScript("return window.__notes");
    }

    private static long beeps(ChromeDriver driver) {
        return ((Number) driver.executeScript("return window.__beeps")).longValue();
    }

    private static List<?> xss(ChromeDriver driver) {
        return (List<?>) driver.executeScript("return window.__xss");
    }

    /**
     * What the page's clipboard holds now (the page may read it: the permission is granted first, together
     * with notifications, as granting replaces every permission the origin had).
     */
    private static String clipboard(ChromeDriver driver, String origin) {
        driver.executeCdpCommand("Browser.grantPermissions", java.util.Map.of("origin", origin,
                "permissions", List.of("notifications", "clipboardReadWrite", "clipboardSanitizedWrite")));
        return (String) driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "navigator.clipboard.readText().then(done, e => done('unreadable: ' + e));");
    }

    private void hideConsole(boolean hidden) {
        operator.executeScript("window.__setHidden(arguments[0])", hidden);
    }

    /**
     * Issue 13, sections 2 and 4, in two real browsers: a message full of HTML, script and a javascript:
     * address stays text on both sides, while code blocks (with a copy button that copies), inline code and
     * http(s) links are shown as such; the operator's console raises a desktop notification and a beep for an
     * offer, for the administrator's message while its tab is hidden and for the administrator coming back,
     * counts them in the title, and honours the operator's switching them off (kept on the hub); both sides
     * show read receipts, which survive a reload.
     */
    @Test
    void codeAndLinksButNeverMarkupReadReceiptsAndTheOperatorsNotifications() throws Exception {
        HubDatabaseQueries.closeOpenSessions();
        HubClient hub = new HubClient(base);
        SupportFixtures.englishChannel(hub, "STRICT", 60, 3, "operator");
        String origin = hub.ownOrigin();
        String olgaToken = Json.parse(SupportFixtures.login(hub, "operator", SupportFixtures.PASSWORD).body())
                .getString("token");
        try {
            admin = recordedBrowser(origin);
            operator = recordedBrowser(origin);
            admin.get(base.toString() + "demo/portal.html");
            inWidget("#sh-launcher").click();
            waitIn(admin).until(d -> "connected".equals(widget().findElement(By.cssSelector("#sh-status"))
                    .getAttribute("data-status")));
            if (!"CONNECTED".equals(inWidget("#sh-panel").getAttribute("data-bot-state"))) {
                inWidget(".sh-action[data-action='activate']").click();
                new WebDriverWait(admin, Duration.ofSeconds(40)).until(d -> widgetShows(".sh-msg-bot", "Activation succeeded"));
            }

            operator.get(base.toString() + "console/");
            inConsole("#login-username").sendKeys("operator");
            inConsole("#login-password").sendKeys("support-demo");
            inConsole("#login-submit").click();
            assertThat(inConsole("#operator-name").getText()).isEqualTo("Olga Operator");
            inConsole("#notify-toggle").click();
            assertThat(inConsole("#notify-permission").getAttribute("data-permission")).isEqualTo("granted");
            assertThat(inConsole("#notify-offers").isSelected()).isTrue();
            assertThat(inConsole("#notify-sound").isSelected()).isTrue();
            inConsole("#notify-toggle").click();
            new Select(inConsole("#status-select")).selectByValue("ONLINE");
            waitIn(operator).until(d -> "ONLINE".equals(d.findElement(By.id("status-select")).getAttribute("data-status")));

            // The administrator pastes a log excerpt full of markup, a command and an address.
            String question = "Our log says <img src=x onerror=\"window.__xss.push('img')\"> and "
                    + "<script>window.__xss.push('script')</script> <b>bold</b>; see https://example.com/kb?id=7&x=1 "
                    + "or javascript:window.__xss.push('js') and `max_connections`\n"
                    + "```bash\necho \"<b>not bold</b>\"\ntail -n 50 /var/log/portal.log\n```";
            admin.executeScript("arguments[0].value = arguments[1]", inWidget("#sh-input"), question);
            inWidget("#sh-send").click();
            waitIn(admin).until(d -> widgetShows(".sh-msg-bot", "Your question was received"));

            // An offer: a notification with a beep, and the title counts it.
            WebElement offered = inConsole("li.session[data-offered='true']");
            waitIn(operator).until(d -> notes(operator).stream().anyMatch(n -> "New support session for you".equals(n.get("title"))));
            assertThat(beeps(operator)).isPositive();
            assertThat(operator.getTitle()).startsWith("(1) ");
            offered.findElement(By.cssSelector(".accept")).click();
            WebElement asked = waitIn(operator).until(d -> d.findElements(By.cssSelector("#messages .msg-user")).stream()
                    .filter(e -> e.getText().contains("max_connections")).findFirst().orElse(null));
            waitIn(operator).until(d -> !d.getTitle().startsWith("("));

            // In the console: the markup is text, nothing of it became an element or ran.
            assertThat(asked.getText()).contains("<img src=x onerror=", "<script>window.__xss.push('script')</script>",
                    "<b>bold</b>", "javascript:window.__xss.push('js')");
            // Thumbnails of files sent earlier in this conversation are the only images a message may hold.
            assertThat(operator.findElements(By.cssSelector("#messages img:not(.msg-file-thumb > img), #messages script, "
                    + "#messages b, #messages svg")))
                    .isEmpty();
            List<WebElement> links = asked.findElements(By.cssSelector("a"));
            assertThat(links).hasSize(1);
            assertThat(links.get(0).getAttribute("href")).isEqualTo("https://example.com/kb?id=7&x=1");
            assertThat(links.get(0).getAttribute("rel")).isEqualTo("noopener noreferrer");
            assertThat(links.get(0).getAttribute("target")).isEqualTo("_blank");
            assertThat(asked.findElement(By.cssSelector("code.sh-inline-code")).getText()).isEqualTo("max_connections");
            WebElement block = asked.findElement(By.cssSelector(".sh-code-block[data-lang='bash']"));
            assertThat(block.findElement(By.cssSelector("pre.sh-code > code")).getText())
                    .isEqualTo("echo \"<b>not bold</b>\"\ntail -n 50 /var/log/portal.log");
            assertThat(block.findElement(By.cssSelector("pre.sh-code")).getCssValue("white-space")).isEqualTo("pre-wrap");
            assertThat(block.findElement(By.cssSelector("pre.sh-code")).getCssValue("font-family")).containsIgnoringCase("mono");
            WebElement copy = block.findElement(By.cssSelector("button.sh-copy"));
            assertThat(copy.getText()).isEqualTo("Copy");
            copy.click();
            waitIn(operator).until(d -> "Copied".equals(copy.getText()));
            assertThat(clipboard(operator, origin)).isEqualTo("echo \"<b>not bold</b>\"\ntail -n 50 /var/log/portal.log");

            // The operator answers with a command, a link and markup of her own.
            String reply = "Restart it:\n```\nsystemctl restart portal-agent\n```\nDocs: http://docs.example.org/agent."
                    + " <svg onload=\"window.__xss.push('svg')\"></svg> [x](javascript:alert(1))";
            operator.executeScript("arguments[0].value = arguments[1]", inConsole("#reply-input"), reply);
            inConsole("#reply-send").click();
            WebElement answered = waitIn(admin).until(d -> widget().findElements(By.cssSelector(".sh-msg-staff")).stream()
                    .filter(e -> e.getText().contains("systemctl restart portal-agent")).findFirst().orElse(null));
            assertThat(widget().findElements(By.cssSelector("#sh-messages img:not(.sh-thumb-img), #sh-messages script, #sh-messages b, "
                    + "#sh-messages svg"))).isEmpty();
            assertThat(answered.getText()).contains("<svg onload=", "[x](javascript:alert(1))");
            List<WebElement> widgetLinks = answered.findElements(By.cssSelector("a"));
            assertThat(widgetLinks).hasSize(1);
            assertThat(widgetLinks.get(0).getAttribute("href")).isEqualTo("http://docs.example.org/agent");
            assertThat(widgetLinks.get(0).getText()).isEqualTo("http://docs.example.org/agent");
            assertThat(widgetLinks.get(0).getAttribute("rel")).isEqualTo("noopener noreferrer");
            assertThat(widgetLinks.get(0).getAttribute("target")).isEqualTo("_blank");
            WebElement widgetCopy = answered.findElement(By.cssSelector(".sh-code-block button.sh-copy"));
            assertThat(answered.findElement(By.cssSelector("pre.sh-code > code")).getText())
                    .isEqualTo("systemctl restart portal-agent");
            assertThat(widgetCopy.getText()).isEqualTo("Copy");
            widgetCopy.click();
            waitIn(admin).until(d -> "Copied".equals(widgetCopy.getText()));
            assertThat(clipboard(admin, origin)).isEqualTo("systemctl restart portal-agent");
            Thread.sleep(500);
            assertThat(xss(admin)).isEmpty();
            assertThat(xss(operator)).isEmpty();

            // Read receipts: each side saw the other's message (console shown, widget open, both visible).
            waitIn(admin).until(d -> inWidget(".sh-msg-user .sh-receipt").getText().equals("Read"));
            waitIn(operator).until(d -> d.findElements(By.cssSelector("#messages .msg-staff[data-read='true'] .msg-receipt"))
                    .stream().anyMatch(e -> e.getText().equals("Read")));
            Path shot = Browser.screenshot(operator, "chat-code.png");
            assertThat(Files.size(shot)).isGreaterThan(10_000);

            // The tab is hidden: the administrator's next message is news (notification, beep, title), and
            // not read by the operator until the tab is seen again.
            hideConsole(true);
            int notesBefore = notes(operator).size();
            long beepsBefore = beeps(operator);
            // The demo administrator's conversation keeps earlier runs' messages: this run's are marked.
            String stillFailing = "Restarted, still 500 (" + System.nanoTime() + ").";
            admin.executeScript("arguments[0].value = arguments[1]", inWidget("#sh-input"), stillFailing);
            inWidget("#sh-send").click();
            try {
                waitIn(operator).until(d -> notes(operator).size() > notesBefore);
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError("No notification for a message while hidden; console: "
                        + operator.executeScript("return JSON.stringify({v: document.visibilityState, t: document.title, "
                        + "n: window.__notes, m: [...document.querySelectorAll('#messages .msg')].map(x => x.textContent.slice(0, 60))})")
                        + "; widget: " + admin.executeScript("return [...document.getElementById('support-hub-widget')"
                        + ".shadowRoot.querySelectorAll('.sh-msg')].map(x => x.className + ':' + x.textContent.slice(0, 40))"), e);
            }
            assertThat(notes(operator).get(notesBefore)).containsEntry("title", "New message from Anna Nowak")
                    .containsEntry("body", stillFailing);
            assertThat(beeps(operator)).isGreaterThan(beepsBefore);
            waitIn(operator).until(d -> d.getTitle().startsWith("(1) "));
            Thread.sleep(1500);
            assertThat(widget().findElements(By.cssSelector(".sh-msg-user")).stream()
                    .filter(e -> e.getText().contains(stillFailing)).findFirst().orElseThrow()
                    .getAttribute("data-read")).isNotEqualTo("true");
            hideConsole(false);
            waitIn(operator).until(d -> !d.getTitle().startsWith("("));
            waitIn(admin).until(d -> widget().findElements(By.cssSelector(".sh-msg-user")).stream()
                    .filter(e -> e.getText().contains(stillFailing)).findFirst()
                    .map(e -> "true".equals(e.getAttribute("data-read"))).orElse(false));

            // Stored: after a reload both sides show the receipts again.
            admin.navigate().refresh();
            inWidget("#sh-launcher").click();
            waitIn(admin).until(d -> widget().findElements(By.cssSelector(".sh-msg-user .sh-receipt")).stream()
                    .anyMatch(e -> e.getText().equals("Read")));
            operator.navigate().refresh();
            waitIn(operator).until(d -> d.findElements(By.cssSelector("#messages .msg-staff .msg-receipt")).size() == 1);

            // The administrator goes away and comes back: the operator is told.
            admin.get("about:blank");
            Thread.sleep(2600); // SUPPORT_HUB_DELIVERY_RETURN_AFTER_SECONDS is 2 in the tests
            int beforeReturn = notes(operator).size();
            admin.get(base.toString() + "demo/portal.html");
            inWidget("#sh-launcher").click();
            try {
                waitIn(operator).until(d -> notes(operator).stream().skip(beforeReturn)
                        .anyMatch(n -> "Anna Nowak is back in the chat".equals(n.get("title"))));
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError("No notification for the returning administrator; console: "
                        + operator.executeScript("return JSON.stringify({v: document.visibilityState, t: document.title, "
                        + "n: window.__notes, b: window.__beeps, open: sessionStorage.length})")
                        + "; widget: " + widget().findElement(By.cssSelector("#sh-status")).getAttribute("data-status"), e);
            }

            // Switched off (messages and sound): kept on the hub, honoured, and still off after a reload.
            inConsole("#notify-toggle").click();
            inConsole("#notify-messages").click();
            inConsole("#notify-sound").click();
            waitIn(operator).until(d -> {
                try {
                    return HubDatabase.count("select count(*) from staff_account where username = 'operator' "
                            + "and notify_messages = false and notify_sound = false and notify_offers = true "
                            + "and notify_returns = true") == 1;
                } catch (java.sql.SQLException e) {
                    return false;
                }
            });
            operator.navigate().refresh();
            inConsole("#notify-toggle").click();
            waitIn(operator).until(d -> !d.findElement(By.id("notify-messages")).isSelected()
                    && d.findElement(By.id("notify-offers")).isSelected());
            assertThat(inConsole("#notify-sound").isSelected()).isFalse();
            waitIn(operator).until(d -> d.findElements(By.cssSelector("#messages .msg-user")).stream()
                    .anyMatch(e -> e.getText().contains(stillFailing)));
            hideConsole(true);
            int notesOff = notes(operator).size();
            long beepsOff = beeps(operator);
            String anyone = "Hello? Anyone? " + System.nanoTime();
            admin.executeScript("arguments[0].value = arguments[1]", inWidget("#sh-input"), anyone);
            inWidget("#sh-send").click();
            waitIn(operator).until(d -> d.findElements(By.cssSelector("#messages .msg-user")).stream()
                    .anyMatch(e -> e.getText().contains(anyone)));
            Thread.sleep(1000);
            assertThat(notes(operator)).hasSize(notesOff);
            assertThat(beeps(operator)).isEqualTo(beepsOff);
            assertThat(operator.getTitle()).doesNotStartWith("(");
            hideConsole(false);

            // Over REST: the choices as stored, and every field required.
            java.net.http.HttpResponse<String> prefs = hub.http.send(java.net.http.HttpRequest.newBuilder(
                            hub.base.resolve("api/v1/console/preferences")).header("Authorization", "Bearer " + olgaToken)
                    .GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            JsonObject stored = Json.parse(prefs.body()).getJsonObject("notifications");
            assertThat(stored.getBoolean("offers")).isTrue();
            assertThat(stored.getBoolean("messages")).isFalse();
            assertThat(stored.getBoolean("returns")).isTrue();
            assertThat(stored.getBoolean("sound")).isFalse();
            java.net.http.HttpResponse<String> refused = notificationPreferences(hub, olgaToken, "{\"offers\":true}");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(notificationPreferences(hub, null, ALL_ON).statusCode()).isEqualTo(401);
        } finally {
            assertThat(notificationPreferences(hub, olgaToken, ALL_ON).statusCode()).isEqualTo(200);
        }
    }

    private static final String ALL_ON = "{\"offers\":true,\"messages\":true,\"returns\":true,\"sound\":true}";

    private static java.net.http.HttpResponse<String> notificationPreferences(HubClient hub, String token, String json)
            throws Exception {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(
                        hub.base.resolve("api/v1/console/preferences/notifications"))
                .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return hub.http.send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private static java.net.http.HttpResponse<String> preferences(HubClient hub, String token, String json)
            throws Exception {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(
                        hub.base.resolve("api/v1/console/preferences")).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return hub.http.send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private static ChatClient secondOperator(HubClient hub) throws Exception {
        return SupportFixtures.console(hub, "operator2", "ONLINE");
    }

    private static JsonObject waitForOffer(ChatClient console) throws InterruptedException {
        return SupportFixtures.nextOffer(console);
    }
}
