package org.supporthub.it;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Debian's Chromium and ChromeDriver, headless, with nothing downloaded: the binaries are named, so
 * Selenium Manager never goes looking for a browser or driver of its own.
 */
final class Browser {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private Browser() {
    }

    /**
     * A fresh headless Chromium. Without Chromium the test is skipped, so the README's test command works
     * on a machine with only Java and Maven, except where {@code SUPPORT_HUB_IT_BROWSER_REQUIRED=true}
     * (as in .ci/run): there a missing browser fails the build instead of hiding the browser tests.
     */
    static ChromeDriver start() throws IOException {
        return start("en-US");
    }

    /**
     * As {@link #start()}, with the browser's languages ({@code navigator.languages}, the Accept-Language
     * header) set to {@code language} first, as a user of that language has them.
     */
    static ChromeDriver start(String language) throws IOException {
        return start(language, null);
    }

    /**
     * As {@link #start(String)}, with the hub's plain-HTTP origin treated as a secure context, as the hub is
     * over HTTPS in production: the Notification and asynchronous Clipboard APIs exist only in secure
     * contexts, and the test hub listens on plain HTTP at a non-loopback address.
     */
    static ChromeDriver startTrusting(String origin) throws IOException {
        return start("en-US", origin);
    }

    private static ChromeDriver start(String language, String secureOrigin) throws IOException {
        boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!present && "true".equals(System.getenv("SUPPORT_HUB_IT_BROWSER_REQUIRED"))) {
            throw new IllegalStateException("Chromium is required (SUPPORT_HUB_IT_BROWSER_REQUIRED) but missing: "
                    + "apt-get install -y chromium chromium-driver");
        }
        Assumptions.assumeTrue(present, "Chromium and ChromeDriver are not installed");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--lang=" + language, "--window-size=1200,860",
                "--user-data-dir=" + Files.createTempDirectory("chromium-it"));
        if (secureOrigin != null) {
            options.addArguments("--unsafely-treat-insecure-origin-as-secure=" + secureOrigin);
        }
        String base = language.split("-")[0];
        // Desktop notifications allowed, as an operator who said yes once (the console's tests record them).
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages",
                base.equals(language) ? language : language + "," + base,
                "profile.default_content_setting_values.notifications", 1));
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .build(), options);
    }

    static Path screenshot(ChromeDriver driver, String name) throws IOException {
        Path dir = Path.of(System.getProperty("hub.it.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Path target = dir.resolve(name);
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), target,
                StandardCopyOption.REPLACE_EXISTING);
        return target;
    }
}
