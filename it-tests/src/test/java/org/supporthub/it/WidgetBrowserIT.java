package org.supporthub.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The widget as a person uses it, in real headless Chromium: the demo portal page embeds it, the
 * administrator opens it, is greeted, writes, sees the message acknowledged, and finds the history again
 * after reloading. Saves the screenshot the README shows.
 */
@ExtendWith(ArquillianExtension.class)
class WidgetBrowserIT {

    @Deployment(testable = false)
    static WebArchive hub() {
        return HubDeployment.war();
    }

    @ArquillianResource
    URL base;

    ChromeDriver driver;
    WebDriverWait wait;

    @BeforeEach
    void browser() throws Exception {
        driver = Browser.start();
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    private SearchContext widget() {
        WebElement host = wait.until(d -> d.findElement(By.id("support-hub-widget")));
        return host.getShadowRoot();
    }

    private WebElement inWidget(String css) {
        return wait.until(d -> {
            List<WebElement> found = widget().findElements(By.cssSelector(css));
            return found.isEmpty() ? null : found.get(found.size() - 1);
        });
    }

    private void openDemoPortal() {
        driver.get(base.toString());
        wait.until(d -> d.findElement(By.id("demo-link"))).click();
        wait.until(d -> d.getCurrentUrl().contains("/demo/portal.html"));
    }

    @Test
    void administratorChatsWithThePlainBot() throws Exception {
        openDemoPortal();
        inWidget("#sh-launcher").click();
        wait.until(d -> widget().findElement(By.cssSelector("#sh-panel")).getAttribute("hidden") == null);

        // The greeting is the conversation's first message (the demo administrator may have history).
        WebElement greeting = wait.until(d -> widget().findElements(By.cssSelector(".sh-msg-bot[data-seq='1']")).stream()
                .findFirst().orElse(null));
        assertThat(greeting.getText()).contains("Support for on-premise editions");
        assertThat(inWidget(".sh-action[data-action='activate']").getText()).isEqualTo("Activate");
        wait.until(d -> "connected".equals(widget().findElement(By.cssSelector("#sh-status")).getAttribute("data-status")));

        // The host page's aggressive CSS (dark red serif everything) does not reach into the widget.
        String colour = greeting.getCssValue("color");
        assertThat(colour).isNotEqualTo("rgba(139, 0, 0, 1)");

        int botMessages = widget().findElements(By.cssSelector(".sh-msg-bot")).size();
        String question = "After the update our portal shows error 500 - can support help?";
        inWidget("#sh-input").sendKeys(question);
        inWidget("#sh-send").click();
        WebElement mine = wait.until(d -> widget().findElements(By.cssSelector(".sh-msg-user.sh-acked")).stream()
                .filter(e -> e.getText().contains(question)).findFirst().orElse(null));
        assertThat(mine.getAttribute("data-seq")).matches("\\d+");
        wait.until(d -> widget().findElements(By.cssSelector(".sh-msg-bot")).size() > botMessages);
        Path shot = Browser.screenshot(driver, "widget.png");
        assertThat(Files.size(shot)).isGreaterThan(10_000);

        // The activate button travels to the bot and back.
        inWidget(".sh-action[data-action='activate']").click();
        wait.until(d -> widget().findElements(By.cssSelector(".sh-msg-bot")).stream()
                .anyMatch(e -> e.getText().contains("Activation succeeded")));
        // Its progress was shown check by check: the demo portal passes every one of them.
        assertThat(widget().findElements(By.cssSelector(".sh-msg-bot")).stream().map(WebElement::getText))
                .anyMatch(t -> t.contains("Activation starts"))
                .anyMatch(t -> t.contains("\u2714 Stable updates installed"))
                .anyMatch(t -> t.contains("\u2714 The vendor reaches the portal"));
        Browser.screenshot(driver, "activation.png");

        // Reopening the page shows the stored conversation again.
        driver.navigate().refresh();
        inWidget("#sh-launcher").click();
        wait.until(d -> widget().findElements(By.cssSelector(".sh-msg-user")).stream()
                .anyMatch(e -> e.getText().contains(question)));
    }

    @Test
    void javascriptApiOpensClosesAndSwitchesLanguage() {
        openDemoPortal();
        JavascriptExecutor js = driver;
        js.executeScript("SupportHub.open()");
        wait.until(d -> widget().findElement(By.cssSelector("#sh-panel")).getAttribute("hidden") == null);
        inWidget(".sh-msg-bot");
        js.executeScript("SupportHub.setLocale('pl')");
        assertThat(inWidget("#sh-input").getAttribute("placeholder")).isEqualTo("Napisz wiadomość…");
        assertThat(inWidget("#sh-send").getText()).isEqualTo("Wyślij");
        js.executeScript("SupportHub.setLocale('en')");
        assertThat(inWidget("#sh-send").getText()).isEqualTo("Send");
        js.executeScript("SupportHub.close()");
        wait.until(d -> widget().findElement(By.cssSelector("#sh-panel")).getAttribute("hidden") != null);
    }

    private boolean connected() {
        return "connected".equals(widget().findElement(By.cssSelector("#sh-status")).getAttribute("data-status"));
    }

    /** Asks a question of its own and returns the bot's answer to it (the next stored message). */
    private String botAnswerTo(String question) {
        inWidget("#sh-input").sendKeys(question);
        inWidget("#sh-send").click();
        long seq = Long.parseLong(wait.until(d -> widget().findElements(By.cssSelector(".sh-msg-user.sh-acked")).stream()
                .filter(e -> e.getText().contains(question)).findFirst().orElse(null)).getAttribute("data-seq"));
        return wait.until(d -> widget().findElements(By.cssSelector(".sh-msg-bot[data-seq='" + (seq + 1) + "']")).stream()
                .findFirst().orElse(null)).getText();
    }

    @Test
    void theLanguageThePagePicksReachesTheBotAndStaysWithTheConversation() throws Exception {
        // The demo portal's employee (a token in English): the administrator's conversation, which the other
        // tests read in English, is left alone.
        driver.get(base.toString() + "demo/portal.html?user=employee");
        JavascriptExecutor js = driver;
        try {
            // Picked before the widget has a socket at all: it goes to the hub right after the welcome.
            js.executeScript("SupportHub.setLocale('pl')");
            js.executeScript("SupportHub.open()");
            wait.until(d -> connected());
            assertThat(botAnswerTo("Gdzie jest instrukcja? " + System.nanoTime())).contains("Niestety z pomocą techniczną")
                    .contains("tylko administratorzy portalu");

            // Kept with the conversation: a fresh page that picks no language opens in Polish, labels included.
            driver.navigate().refresh();
            js.executeScript("SupportHub.open()");
            wait.until(d -> connected());
            wait.until(d -> "Wyślij".equals(inWidget("#sh-send").getText()));
            assertThat(botAnswerTo("Czy jest ktoś? " + System.nanoTime())).contains("Niestety z pomocą techniczną");

            // Switched back on an open socket: the next answer is English.
            js.executeScript("SupportHub.setLocale('en')");
            wait.until(d -> "Send".equals(inWidget("#sh-send").getText()));
            assertThat(botAnswerTo("Anyone there? " + System.nanoTime())).contains("Sorry, only portal administrators");
        } finally {
            // Whatever happened, the demo employee speaks English again for the next test.
            js.executeScript("SupportHub.setLocale('en')");
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> {
                try {
                    return HubDatabase.count("select count(*) from conversation where user_id = 'demo-employee' "
                            + "and (locale is null or locale = 'en')") == 1;
                } catch (java.sql.SQLException e) {
                    return false;
                }
            });
        }
    }

    @Test
    void widgetReconnectsByItselfAndResumesWithWhatItMissed() throws Exception {
        // Keep a handle on the page's WebSockets, so the test can cut the widget's connection.
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                window.__sockets = [];
                const Native = window.WebSocket;
                window.WebSocket = class extends Native {
                  constructor(...args) { super(...args); window.__sockets.push(this); }
                };"""));
        openDemoPortal();
        inWidget("#sh-launcher").click();
        wait.until(d -> "connected".equals(widget().findElement(By.cssSelector("#sh-status")).getAttribute("data-status")));
        inWidget(".sh-msg-bot");

        // The network goes away (new connections fail) and the open connection drops.
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", true, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
        driver.executeScript("window.__sockets.forEach(s => s.close(4000, 'network dropped'))");
        wait.until(d -> !"connected".equals(widget().findElement(By.cssSelector("#sh-status")).getAttribute("data-status")));

        // Meanwhile the same administrator writes from another tab, and in this one too.
        HubClient hub = new HubClient(base);
        String token = Json.parse(hub.get("demo/api/token?user=admin&locale=en").body()).getString("token");
        String elsewhere = "Written in another tab " + System.nanoTime();
        try (ChatClient other = ChatClient.connect(hub, hub.ownOrigin())) {
            other.hello(token, 1_000_000L);
            other.nextOfType("welcome");
            other.message(elsewhere);
            other.nextOfType("ack");
        }
        String offline = "Written while offline " + System.nanoTime();
        inWidget("#sh-input").sendKeys(offline);
        inWidget("#sh-send").click();
        assertThat(inWidget(".sh-msg-user.sh-pending").getText()).contains(offline);

        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
        WebDriverWait patient = new WebDriverWait(driver, Duration.ofSeconds(45));
        patient.until(d -> widget().findElements(By.cssSelector(".sh-msg-user.sh-acked")).stream()
                .anyMatch(e -> e.getText().contains(offline)));
        patient.until(d -> widget().findElements(By.cssSelector(".sh-msg-user")).stream()
                .anyMatch(e -> e.getText().contains(elsewhere)));
        assertThat(((Number) driver.executeScript("return window.__sockets.length")).intValue()).isGreaterThan(1);
        assertThat(widget().findElement(By.cssSelector("#sh-status")).getAttribute("data-status")).isEqualTo("connected");
    }

    /**
     * Issue 13, section 2, in the widget: a message full of HTML, script and a javascript: address (sent from
     * another tab, so it arrives as a pushed message) stays text, nothing of it becomes an element or runs;
     * code blocks (a copy button that copies, labelled in the page's language), inline code and http(s) links
     * are shown as such. The demo employee's conversation is used, and left in English.
     */
    @Test
    void messagesShowCodeAndLinksButNeverMarkup() throws Exception {
        HubClient hub = new HubClient(base);
        // The copy button uses the asynchronous Clipboard API, which needs a secure context (HTTPS in production).
        driver.quit();
        driver = Browser.startTrusting(hub.ownOrigin());
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", "window.__xss = [];"));
        driver.get(base.toString() + "demo/portal.html?user=employee");
        JavascriptExecutor js = driver;
        try {
            js.executeScript("SupportHub.open()");
            wait.until(d -> "connected".equals(widget().findElement(By.cssSelector("#sh-status")).getAttribute("data-status")));
            String marker = "m" + System.nanoTime();
            String hostile = marker + " <img src=x onerror=\"window.__xss.push('img')\"><script>window.__xss.push('script')"
                    + "</script><b>bold</b> <a href=\"javascript:window.__xss.push('a')\">click</a> "
                    + "javascript:window.__xss.push('bare') data:text/html,<b>x</b> ftp://files.example.com/x "
                    + "(see https://example.com/docs/Foo_(bar)?a=1&b=2), then `SELECT 1;`\n"
                    + "```sql\nselect '<svg onload=window.__xss.push(1)>' from dual;\n```";
            String token = Json.parse(hub.get("demo/api/token?user=employee&locale=en").body()).getString("token");
            try (ChatClient other = ChatClient.connect(hub, hub.ownOrigin())) {
                other.hello(token, 1_000_000L);
                other.nextOfType("welcome");
                other.message(hostile);
                other.nextOfType("ack");
            }
            WebElement shown = wait.until(d -> widget().findElements(By.cssSelector(".sh-msg-user")).stream()
                    .filter(e -> e.getText().contains(marker)).findFirst().orElse(null));

            assertThat(widget().findElements(By.cssSelector("#sh-messages img, #sh-messages script, #sh-messages b, "
                    + "#sh-messages svg, #sh-messages iframe"))).isEmpty();
            assertThat(shown.getText()).contains("<img src=x onerror=", "<script>window.__xss.push('script')</script>",
                    "<b>bold</b>", "<a href=\"javascript:window.__xss.push('a')\">click</a>",
                    "javascript:window.__xss.push('bare')", "data:text/html,<b>x</b>", "ftp://files.example.com/x");
            List<WebElement> links = shown.findElements(By.cssSelector("a"));
            assertThat(links).hasSize(1);
            assertThat(links.get(0).getText()).isEqualTo("https://example.com/docs/Foo_(bar)?a=1&b=2");
            assertThat(links.get(0).getAttribute("href")).isEqualTo("https://example.com/docs/Foo_(bar)?a=1&b=2");
            assertThat(links.get(0).getAttribute("rel")).isEqualTo("noopener noreferrer");
            assertThat(links.get(0).getAttribute("target")).isEqualTo("_blank");
            assertThat(shown.findElement(By.cssSelector("code.sh-inline-code")).getText()).isEqualTo("SELECT 1;");
            WebElement pre = shown.findElement(By.cssSelector(".sh-code-block[data-lang='sql'] pre.sh-code"));
            assertThat(pre.findElement(By.cssSelector("code")).getText())
                    .isEqualTo("select '<svg onload=window.__xss.push(1)>' from dual;");
            assertThat(pre.getCssValue("white-space")).isEqualTo("pre-wrap");
            assertThat(pre.getCssValue("font-family")).containsIgnoringCase("mono");

            // The copy button copies, labelled in the page's language.
            WebElement copy = shown.findElement(By.cssSelector(".sh-code-block button.sh-copy"));
            assertThat(copy.getText()).isEqualTo("Copy");
            js.executeScript("SupportHub.setLocale('pl')");
            wait.until(d -> "Kopiuj".equals(copy.getText()));
            copy.click();
            wait.until(d -> "Skopiowano".equals(copy.getText()));
            driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", hub.ownOrigin(),
                    "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
            assertThat(driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "navigator.clipboard.readText().then(done, e => done('unreadable: ' + e));"))
                    .isEqualTo("select '<svg onload=window.__xss.push(1)>' from dual;");

            // The parsing itself is a pure function the page can call.
            assertThat(js.executeScript("return JSON.stringify(SupportHubText.parse('a `b` javascript:c https://d.example/e.'))"))
                    .isEqualTo("[{\"type\":\"text\",\"text\":\"a \"},{\"type\":\"inline\",\"text\":\"b\"},"
                            + "{\"type\":\"text\",\"text\":\" javascript:c \"},"
                            + "{\"type\":\"link\",\"text\":\"https://d.example/e\",\"href\":\"https://d.example/e\"},"
                            + "{\"type\":\"text\",\"text\":\".\"}]");
            Thread.sleep(500);
            assertThat((List<?>) js.executeScript("return window.__xss")).isEmpty();
        } finally {
            js.executeScript("SupportHub.setLocale('en')");
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> {
                try {
                    return HubDatabase.count("select count(*) from conversation where user_id = 'demo-employee' "
                            + "and (locale is null or locale = 'en')") == 1;
                } catch (java.sql.SQLException e) {
                    return false;
                }
            });
        }
    }
}
